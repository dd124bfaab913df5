using Extractor.Sources.Ocr;
using Extractor.Sources.Ocr.Paddle;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

/// <summary>The forms of the comparison signs (=, ＝, ﹦; &gt;, ＞; &lt;, ＜), which the recogniser reads alike, told from their ink.</summary>
public sealed class SignFormTests
{
    private const int Em = 30;

    [Theory]
    // Measured on scans of one form typed in AR PL UKai, WenQuanYi Zen Hei and Noto Sans CJK (ink across, paper after, ems).
    [InlineData(0.40, 0.37, "﹦")]
    [InlineData(0.51, 0.35, "﹦")]
    [InlineData(0.80, 0.21, "＝")]
    [InlineData(0.76, 0.16, "＝")]
    [InlineData(0.58, 0.27, "＝")]
    [InlineData(0.45, 0.14, "=")]
    [InlineData(0.62, 0.04, "=")]
    [InlineData(0.43, 0.20, null)]
    [InlineData(0.20, 0.33, null)]
    [InlineData(0.48, 1.15, null)]
    public void ShortBarsWithWidePaperAreTheSmallSignAndLongBarsTheFullWidthOne(double ink, double right, string? expected) =>
        Assert.Equal(expected, SignForm.EqualsForm(ink, right));

    [Theory]
    // Measured: ＞ and ＜ of Noto Sans CJK and AR PL UKai, of WenQuanYi Zen Hei; > and < of all three.
    [InlineData(0.78, 0.13, true)]
    [InlineData(0.55, 0.27, true)]
    [InlineData(0.60, 0.24, true)]
    [InlineData(0.51, 0.03, false)]
    [InlineData(0.56, 0.11, false)]
    [InlineData(0.62, 0.16, null)]
    [InlineData(0.50, 0.90, null)]
    public void AChevronIsFullWidthByItsLongStrokesOrTheEmOfPaperItStandsIn(double ink, double right, bool? expected) =>
        Assert.Equal(expected, SignForm.IsFullChevron(ink, right));

    [Theory]
    [InlineData(">", 0.78, 0.13, "＞100%")]
    [InlineData("<", 0.55, 0.27, "＜100%")]
    [InlineData("＞", 0.50, 0.10, ">100%")]
    [InlineData("<", 0.50, 0.10, "<100%")]
    public void AChevronBeforeAFigureTakesTheWidthItsInkShows(string read, double strokes, double paper, string expected)
    {
        using var ink = new Mat(60, 240, MatType.CV_8UC1, Scalar.All(0));
        Assert.Equal(expected, SignForm.Decide([Line(ink, read, strokes, paper)], ink, Em)[0]!.Text);
    }

    [Theory]
    [InlineData(0.42, 0.38, "﹦100%")]
    [InlineData(0.78, 0.20, "＝100%")]
    [InlineData(0.50, 0.08, "=100%")]
    public void ASignBeforeAFigureIsMadeTheOneItsInkShows(double bars, double paper, string expected)
    {
        using var ink = new Mat(60, 240, MatType.CV_8UC1, Scalar.All(0));
        var line = Line(ink, "=", bars, paper);
        Assert.Equal(expected, SignForm.Decide([line], ink, Em)[0]!.Text);
    }

    [Fact]
    public void ThePageEmIsTakenFromTheLinesAndTheSignsDecidedWithTheMarks()
    {
        using var ink = new Mat(120, 240, MatType.CV_8UC1, Scalar.All(0));
        var sign = Line(ink, "=", 0.42, 0.38);
        var text = ChineseLine(ink, 70);
        Assert.Equal("﹦100%", MarkWidth.Decide([sign, text], ink, [default, default])[0]!.Text);
    }

    [Fact]
    public void ASignAloneOrPartOfAnotherStaysAsRead()
    {
        using var ink = new Mat(60, 240, MatType.CV_8UC1, Scalar.All(0));
        var alone = Alone(Line(ink, "=", 0.42, 0.38));
        Assert.Equal("=", SignForm.Decide([alone], ink, Em)[0]!.Text);

        using var other = new Mat(60, 240, MatType.CV_8UC1, Scalar.All(0));
        var greater = Line(other, "=", 0.42, 0.38, before: ">");
        Assert.Equal(">=100%", SignForm.Decide([greater], other, Em)[0]!.Text);
    }

    [Fact]
    public void ASignReadAsAPieceOfItsOwnIsMeasuredToTheNextInkOfItsCell()
    {
        // The ﹦'s paper parted it from 100%: the sign is a piece of its own, its figure another, in one cell.
        using var ink = new Mat(60, 240, MatType.CV_8UC1, Scalar.All(0));
        var alone = Alone(Line(ink, "=", 0.42, 0.38));
        var cell = new Rect2f(5, 2, 200, 50);
        Assert.Equal("﹦", SignForm.Decide([alone], ink, Em, [cell])[0]!.Text);

        // With no ink after it in the cell, nothing is measured.
        ink[new Rect(40, 0, 200, 60)].SetTo(Scalar.All(0));
        Assert.Equal("=", SignForm.Decide([alone], ink, Em, [cell])[0]!.Text);
    }

    /// <summary>The sign of <paramref name="line"/> as a line of its own, its box round its ink.</summary>
    private static OcrLine Alone(OcrLine line)
    {
        var sign = line.Characters[0];
        return line with { Text = sign.Text, Characters = [sign], Quad = Quad.FromRect(new Rect2f(sign.Centre.X - 8, 16, 16, 18)) };
    }

    /// <summary>
    /// A target's line: an optional sign before, an equals sign whose bars are <paramref name="bars"/> ems across and
    /// whose ink is <paramref name="paper"/> ems before the 1 of 100%, read as <paramref name="read"/> where its ink is.
    /// </summary>
    private static OcrLine Line(Mat ink, string read, double bars, double paper, string? before = null)
    {
        const int y = 10;
        var characters = new List<OcrCharacter>();
        var x = 20.0;
        if (before is not null)
        {
            // A chevron: a short slanted stroke.
            Cv2.Line(ink, new Point((int)x, y + 8), new Point((int)x + 12, y + 15), Scalar.All(255), 2);
            Cv2.Line(ink, new Point((int)x + 12, y + 15), new Point((int)x, y + 22), Scalar.All(255), 2);
            characters.Add(Character(before, x + 6, y));
            x += 0.55 * Em;
        }

        var width = (int)Math.Round(bars * Em);
        Cv2.Rectangle(ink, new Rect((int)x, y + 11, width, 2), Scalar.All(255), -1);
        Cv2.Rectangle(ink, new Rect((int)x, y + 18, width, 2), Scalar.All(255), -1);
        characters.Add(Character(read, x + (width / 2.0), y));
        x += width + (paper * Em);

        // 1, 0, 0 and % as blocks of ink half an em apart.
        foreach (var digit in new[] { "1", "0", "0", "%" })
        {
            Cv2.Rectangle(ink, new Rect((int)x, y + 5, 10, 20), Scalar.All(255), 2);
            characters.Add(Character(digit, x + 5, y));
            x += 0.55 * Em;
        }

        var right = (float)x;
        return new OcrLine(Quad.FromRect(new Rect2f(10, y - 4, right - 10, Em + 8)), string.Concat(characters.Select(c => c.Text)), 0.95f, [.. characters], 0.9f);
    }

    /// <summary>Four Chinese characters an em apart at row <paramref name="y"/>, to give the page its em.</summary>
    private static OcrLine ChineseLine(Mat ink, int y)
    {
        var characters = new List<OcrCharacter>();
        for (var k = 0; k < 4; k++)
        {
            var x = 20 + (k * Em);
            Cv2.Rectangle(ink, new Rect(x + 2, y + 2, Em - 4, Em - 4), Scalar.All(255), 2);
            characters.Add(Character("年度资金"[k].ToString(), x + (Em / 2.0), y));
        }

        return new OcrLine(Quad.FromRect(new Rect2f(16, y - 4, (4 * Em) + 8, Em + 8)), "年度资金", 0.99f, [.. characters], 0.9f);
    }

    private static OcrCharacter Character(string text, double centre, int y) =>
        new(text, 0.95f, Quad.FromRect(new Rect2f((float)centre - 8, y, 16, Em)), new Point2f((float)centre, y + (Em / 2f)), []);
}
