using System.Collections.Immutable;
using Extractor.Geometry;
using Extractor.Sources.Ocr;
using Extractor.Sources.Ocr.Imaging;
using Extractor.Sources.Ocr.Paddle;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

/// <summary>Signs put back into a scanned cell's reading from its ink.</summary>
public sealed class ScanSignsTests
{
    private const double LineHeight = 40;
    private static readonly Rect2f CellArea = new(0, 0, 240, 60);

    [Fact]
    public void ASignTheDetectorLeftOutBeforeANumberIsPutBackAndANumberAloneStays()
    {
        // ≥80 with the box round 80 only: the sign's ink between the cell's wall and the box.
        using var signed = Ink(sign: true);
        Assert.Equal("≥80", Read(signed, "80", box: new Rect2f(58, 5, 60, 50)));
        using var plain = Ink(sign: false);
        Assert.Equal("80", Read(plain, "80", box: new Rect2f(58, 5, 60, 50)));
    }

    [Fact]
    public void ASignInsideTheBoxThatTheRecogniserPassedOverIsPutBack()
    {
        // ≧80 of a CJK font whose small sign the recogniser read as nothing: the box holds it, the first digit
        // stands well in from the box's left.
        var box = new Rect2f(25, 5, 90, 50);
        using var signed = Ink(sign: true);
        Assert.Equal("≥80", ReadPlaced(signed, box, ("8", 72), ("0", 96)));
        using var plain = Ink(sign: false);
        Assert.Equal("80", ReadPlaced(plain, box, ("8", 72), ("0", 96)));

        // A first digit placed near the box's left leaves no room to look in, whatever ink is under it.
        Assert.Equal("80", ReadPlaced(signed, box, ("8", 35), ("0", 60)));
    }

    [Fact]
    public void AChevronOverTwoBarsReadAsADigitBeforeANumberIsTheSign()
    {
        // ≧80 of a CJK font read as 280: the first character's ink is a chevron over two level bars apart from it.
        using var ink = Ink(sign: false);
        Cv2.Line(ink, new Point(30, 8), new Point(52, 20), Scalar.All(255), 2);
        Cv2.Line(ink, new Point(52, 20), new Point(30, 32), Scalar.All(255), 2);
        Cv2.Line(ink, new Point(30, 40), new Point(52, 40), Scalar.All(255), 2);
        Cv2.Line(ink, new Point(30, 47), new Point(52, 47), Scalar.All(255), 2);
        Assert.Equal("≧80", Read(ink, "280", box: new Rect2f(25, 5, 90, 50)));

        // A chevron over one bar (what a 2's curve and foot can look like) does not overrule the digit read, nor
        // a chevron pointing left over two bars (a 9's loop and its tail broken by noise).
        using var one = Ink(sign: true);
        Assert.Equal("280", Read(one, "280", box: new Rect2f(25, 5, 90, 50)));
        using var left = Ink(sign: false);
        Cv2.Line(left, new Point(52, 8), new Point(30, 20), Scalar.All(255), 2);
        Cv2.Line(left, new Point(30, 20), new Point(52, 32), Scalar.All(255), 2);
        Cv2.Line(left, new Point(30, 40), new Point(52, 40), Scalar.All(255), 2);
        Cv2.Line(left, new Point(30, 47), new Point(52, 47), Scalar.All(255), 2);
        Assert.Equal('≦', SignShape.Read(left, new Rect(25, 5, 30, 50), LineHeight));
        Assert.Equal("980", Read(left, "980", box: new Rect2f(25, 5, 90, 50)));
    }

    [Theory]
    [InlineData("M80")]
    [InlineData("W80")]
    [InlineData("Ｍ80")]
    public void ALetterReadBeforeANumberIsTheSignItsInkShows(string read)
    {
        // AR PL UMing's ≧ before a number, in a bitonal scan, is read M or W; a letter whose ink is no sign stays.
        using var signed = Ink(sign: true);
        Assert.Equal("≥80", Read(signed, read));
        using var plain = Ink(sign: false);
        Cv2.Line(plain, new Point(32, 10), new Point(32, 44), Scalar.All(255), 2);
        Cv2.Line(plain, new Point(32, 10), new Point(42, 30), Scalar.All(255), 2);
        Cv2.Line(plain, new Point(42, 30), new Point(52, 10), Scalar.All(255), 2);
        Cv2.Line(plain, new Point(52, 10), new Point(52, 44), Scalar.All(255), 2);
        Assert.Equal(read, Read(plain, read));
    }

    [Fact]
    public void ADashReadBeforeANumberIsAnEqualsWhenItsInkIsTwoBars()
    {
        // ═39人 (a box-drawing double bar for =) read -39人: two level bars one over the other are an =; one bar is a minus.
        using var two = Ink(sign: false);
        Cv2.Line(two, new Point(30, 24), new Point(52, 24), Scalar.All(255), 2);
        Cv2.Line(two, new Point(30, 34), new Point(52, 34), Scalar.All(255), 2);
        Assert.Equal("=80", Read(two, "-80"));
        using var one = Ink(sign: false);
        Cv2.Line(one, new Point(30, 29), new Point(52, 29), Scalar.All(255), 2);
        Assert.Equal("-80", Read(one, "-80"));
    }

    [Theory]
    [InlineData(true, "=", ">=")]
    [InlineData(true, "", ">=")]
    [InlineData(true, ">", ">=")]
    [InlineData(true, "vn", ">=")]
    [InlineData(false, "=", "<=")]
    public void AComparisonTypedInTwoCharactersAloneInItsCellIsReadFromItsInk(bool pointsRight, string read, string expected)
    {
        // >= in a narrow 指标性质 column: a chevron and an = beside it, of which the recogniser read one or nothing.
        using var ink = new Mat(60, 240, MatType.CV_8UC1, Scalar.All(0));
        var (from, to) = pointsRight ? (30, 44) : (44, 30);
        Cv2.Line(ink, new Point(from, 20), new Point(to, 28), Scalar.All(255), 2);
        Cv2.Line(ink, new Point(to, 28), new Point(from, 36), Scalar.All(255), 2);
        Cv2.Line(ink, new Point(48, 24), new Point(62, 24), Scalar.All(255), 2);
        Cv2.Line(ink, new Point(48, 31), new Point(62, 31), Scalar.All(255), 2);
        Assert.Equal(pointsRight ? ">=" : "<=", SignShape.ReadPair(ink, new Rect(20, 10, 50, 36), LineHeight));
        Assert.Equal(expected, Read(ink, read, 0.9f, new Rect2f(20, 10, 50, 36)));
    }

    [Theory]
    [InlineData("=")]
    [InlineData("")]
    [InlineData("°")]
    public void TwoSmallRingsOneBelowAndRightOfTheOtherAloneInACellAreAPercentSign(string read)
    {
        // A bitonal scan's small % whose hairline slash was thresholded away: its rings are left.
        using var ink = new Mat(60, 240, MatType.CV_8UC1, Scalar.All(0));
        Cv2.Ellipse(ink, new Point(36, 22), new Size(4, 5), 0, 0, 360, Scalar.All(255), 2);
        Cv2.Ellipse(ink, new Point(46, 34), new Size(4, 5), 0, 0, 360, Scalar.All(255), 2);
        Assert.True(SignShape.IsPercentRings(ink, new Rect(25, 10, 35, 36), LineHeight));
        Assert.Equal("%", Read(ink, read, 0.6f, new Rect2f(25, 10, 35, 36)));

        // Two rings side by side (00) or one over the other (a colon's dots are no rings) are no %.
        using var level = new Mat(60, 240, MatType.CV_8UC1, Scalar.All(0));
        Cv2.Ellipse(level, new Point(36, 28), new Size(4, 5), 0, 0, 360, Scalar.All(255), 2);
        Cv2.Ellipse(level, new Point(48, 28), new Size(4, 5), 0, 0, 360, Scalar.All(255), 2);
        Assert.False(SignShape.IsPercentRings(level, new Rect(25, 10, 35, 36), LineHeight));
        using var filled = new Mat(60, 240, MatType.CV_8UC1, Scalar.All(0));
        Cv2.Circle(filled, new Point(36, 22), 4, Scalar.All(255), -1);
        Cv2.Circle(filled, new Point(46, 34), 4, Scalar.All(255), -1);
        Assert.False(SignShape.IsPercentRings(filled, new Rect(25, 10, 35, 36), LineHeight));
    }

    [Fact]
    public void AChevronWithBarsUnderItOrAloneIsNoPair()
    {
        // ≥ (a bar under the chevron) and > alone are signs of one character.
        using var under = Ink(sign: true);
        Assert.Null(SignShape.ReadPair(under, new Rect(25, 5, 32, 50), LineHeight));
        using var alone = new Mat(60, 240, MatType.CV_8UC1, Scalar.All(0));
        Cv2.Line(alone, new Point(30, 20), new Point(44, 28), Scalar.All(255), 2);
        Cv2.Line(alone, new Point(44, 28), new Point(30, 36), Scalar.All(255), 2);
        Assert.Null(SignShape.ReadPair(alone, new Rect(20, 10, 50, 36), LineHeight));
    }

    [Theory]
    [InlineData("Ｍ")]
    [InlineData("M")]
    [InlineData("И")]
    public void ALetterReadAloneInItsCellIsTheSignItsInkShows(string read)
    {
        // WenQuanYi Zen Hei's ≥ alone in its cell, in a bitonal scan, is read Ｍ; its ≤ И.
        using var ink = new Mat(60, 240, MatType.CV_8UC1, Scalar.All(0));
        Cv2.Line(ink, new Point(30, 8), new Point(52, 20), Scalar.All(255), 2);
        Cv2.Line(ink, new Point(52, 20), new Point(30, 32), Scalar.All(255), 2);
        Cv2.Line(ink, new Point(30, 42), new Point(52, 42), Scalar.All(255), 2);
        Assert.Equal("≥", Read(ink, read, 0.7f, new Rect2f(20, 2, 45, 54)));
    }

    [Fact]
    public void AnEqualsReadUnsurelyYieldsToAChevronOverTwoBars()
    {
        // ≧ alone in its cell, read as = at 0.3: the recogniser's dictionary has no ≧.
        using var ink = new Mat(60, 240, MatType.CV_8UC1, Scalar.All(0));
        Cv2.Line(ink, new Point(30, 8), new Point(52, 20), Scalar.All(255), 2);
        Cv2.Line(ink, new Point(52, 20), new Point(30, 32), Scalar.All(255), 2);
        Cv2.Line(ink, new Point(30, 40), new Point(52, 40), Scalar.All(255), 2);
        Cv2.Line(ink, new Point(30, 47), new Point(52, 47), Scalar.All(255), 2);
        Assert.Equal("≧", Read(ink, "=", 0.3f, new Rect2f(20, 2, 45, 54)));
        Assert.Equal("=", Read(ink, "=", 0.9f, new Rect2f(20, 2, 45, 54)));
    }

    [Fact]
    public void AUnitReadSurelyAloneInItsCellStandsWhateverItsInkLooksLike()
    {
        // % alone in a 计量单位 column, read surely, whose leaning stroke and rings a scan can leave looking like a
        // chevron (a 200-dpi scan of Noto Sans CJK's % was read > before): the unit stands. Read unsurely, the
        // shape is weighed as for any mark.
        using var ink = new Mat(60, 240, MatType.CV_8UC1, Scalar.All(0));
        Cv2.Line(ink, new Point(30, 10), new Point(52, 25), Scalar.All(255), 2);
        Cv2.Line(ink, new Point(52, 25), new Point(30, 40), Scalar.All(255), 2);
        var box = new Rect2f(20, 2, 45, 54);
        Assert.Equal('>', SignShape.Read(ink, new Rect(20, 2, 45, 54), LineHeight));
        Assert.Equal("%", Read(ink, "%", 0.98f, box));
        Assert.Equal("℃", Read(ink, "℃", 0.9f, box));
        Assert.Equal(">", Read(ink, "%", 0.5f, box));
    }

    [Theory]
    [InlineData("o", 0.32f)]
    [InlineData("0", 0.41f)]
    public void AZeroStandingAloneOutsideAnyRuledTableIsReadFromItsRing(string read, float confidence)
    {
        // A table printed without rulings (上年结转资金 0 0): a lone 0 is read as o, or as 0 too unsurely to be kept.
        using var ink = new Mat(60, 240, MatType.CV_8UC1, Scalar.All(0));
        Cv2.Ellipse(ink, new Point(40, 30), new Size(8, 13), 0, 0, 360, Scalar.All(255), 3);
        var zero = ReadOutsideTables(ink, read, confidence);
        Assert.Equal("0", zero.Text);
        Assert.True(zero.Confidence >= 0.8f);

        // A bar is no ring: the reading stays.
        using var bar = new Mat(60, 240, MatType.CV_8UC1, Scalar.All(0));
        Cv2.Line(bar, new Point(30, 30), new Point(50, 30), Scalar.All(255), 3);
        Assert.Equal(read, ReadOutsideTables(bar, read, confidence).Text);
    }

    [Fact]
    public void AZeroReadUnsurelyAloneInItsCellIsKeptWhenItsInkIsARing()
    {
        using var ink = new Mat(60, 240, MatType.CV_8UC1, Scalar.All(0));
        Cv2.Ellipse(ink, new Point(40, 30), new Size(8, 13), 0, 0, 360, Scalar.All(255), 3);
        var layout = new ScanLayout([], [], [new ScanPiece(new TextRegion(Quad.FromRect(new Rect2f(25, 10, 30, 40)), 0.9f), new GridCell(0, 0, 1, 1, 0, 0, 100, 30), CellArea)], LineHeight);
        var line = Line("0", 0.41f, new Rect2f(25, 10, 30, 40));
        var read = ScanSigns.Apply(layout, [line], ink)[0]!;
        Assert.Equal("0", read.Text);
        Assert.True(read.Confidence >= 0.8f);

        // A clump of a grainy scan's noise beside the ring (16 pixels, over a speck's size) is no second part.
        Cv2.Rectangle(ink, new Rect(51, 45, 4, 4), Scalar.All(255), -1);
        Assert.Equal("0", ScanSigns.Apply(layout, [Line("O", 0.36f, new Rect2f(25, 10, 30, 40))], ink)[0]!.Text);
    }

    [Fact]
    public void ABoxReadAsNothingOutsideAnyRuledTableStaysSoWhateverItsInk()
    {
        using var ink = new Mat(60, 240, MatType.CV_8UC1, Scalar.All(0));
        Cv2.Ellipse(ink, new Point(40, 30), new Size(8, 13), 0, 0, 360, Scalar.All(255), 3);
        Assert.Equal(string.Empty, ReadOutsideTables(ink, string.Empty, 0).Text);
    }

    private static OcrLine ReadOutsideTables(Mat ink, string text, float confidence)
    {
        var box = new Rect2f(25, 10, 30, 40);
        var layout = new ScanLayout([], [], [new ScanPiece(new TextRegion(Quad.FromRect(box), 0.9f), null, default)], LineHeight);
        return ScanSigns.Apply(layout, [text.Length == 0 ? null : Line(text, confidence, box)], ink)[0] ?? new OcrLine(Quad.FromRect(box), "", 0, [], 0);
    }

    private static OcrLine Line(string text, float confidence, Rect2f box)
    {
        var quad = Quad.FromRect(box);
        return new OcrLine(quad, text, confidence, [new OcrCharacter(text, confidence, quad, quad.Centre, [])], 0.9f);
    }

    /// <summary>A sign (≥) at x 30–52 when asked for, then 8 and 0 as rings.</summary>
    private static Mat Ink(bool sign)
    {
        var ink = new Mat(60, 240, MatType.CV_8UC1, Scalar.All(0));
        if (sign)
        {
            Cv2.Line(ink, new Point(30, 10), new Point(52, 25), Scalar.All(255), 2);
            Cv2.Line(ink, new Point(52, 25), new Point(30, 40), Scalar.All(255), 2);
            Cv2.Line(ink, new Point(30, 46), new Point(52, 46), Scalar.All(255), 2);
        }

        Cv2.Ellipse(ink, new Point(72, 30), new Size(8, 14), 0, 0, 360, Scalar.All(255), 3);
        Cv2.Ellipse(ink, new Point(96, 30), new Size(8, 14), 0, 0, 360, Scalar.All(255), 3);
        return ink;
    }

    /// <summary>The text of a line read in a cell, each character centred where given.</summary>
    private static string ReadPlaced(Mat ink, Rect2f bounds, params (string Text, float Centre)[] placed)
    {
        var quad = Quad.FromRect(bounds);
        var characters = placed.Select(c =>
        {
            var part = Quad.FromRect(new Rect2f(c.Centre - 12, bounds.Top, 24, bounds.Height));
            return new OcrCharacter(c.Text, 0.95f, part, part.Centre, []);
        }).ToImmutableArray();
        var line = new OcrLine(quad, string.Concat(placed.Select(c => c.Text)), 0.95f, characters, 0.9f);
        var layout = new ScanLayout([], [], [new ScanPiece(new TextRegion(quad, 0.9f), new GridCell(0, 0, 1, 1, 0, 0, 100, 30), CellArea)], LineHeight);
        return ScanSigns.Apply(layout, [line], ink)[0]!.Text;
    }

    private static string Read(Mat ink, string text, float confidence = 0.95f, Rect2f? box = null)
    {
        var bounds = box ?? new Rect2f(25, 5, 90, 50);
        var quad = Quad.FromRect(bounds);
        var step = bounds.Width / text.Length;
        var characters = text.Select((c, i) =>
        {
            var part = Quad.FromRect(new Rect2f(bounds.Left + (i * step), bounds.Top, step, bounds.Height));
            return new OcrCharacter(c.ToString(), confidence, part, part.Centre, []);
        }).ToImmutableArray();
        var line = new OcrLine(quad, text, confidence, characters, 0.9f);
        var cell = new GridCell(0, 0, 1, 1, 0, 0, 100, 30);
        var layout = new ScanLayout([], [], [new ScanPiece(new TextRegion(quad, 0.9f), cell, CellArea)], LineHeight);
        return ScanSigns.Apply(layout, [line], ink)[0]!.Text;
    }
}
