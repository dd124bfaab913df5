using Extractor.Pdf;
using Extractor.Sources.Ocr;
using Extractor.Geometry;

namespace Extractor.Tests.Ocr;

public sealed class RulingDetectorTests
{
    // 2000 px for a 480 pt wide page: about 4.17 px a point, as at 300 dpi.
    private const double PixelsPerPoint = 2000 / 480.0;

    [Fact]
    public void FindsTheGridLinesAndNotTheStrokesOfText()
    {
        var rulings = RulingDetector.Find(Synthetic.RuledPage(), PixelsPerPoint);
        var horizontal = rulings.Where(r => r.IsHorizontal).Select(r => Math.Round(r.At)).Order().ToList();
        var vertical = rulings.Where(r => !r.IsHorizontal).Select(r => Math.Round(r.At)).Order().ToList();
        Assert.Equal([301, 501, 701, 901], horizontal);
        Assert.Equal([201, 601, 1001, 1401, 1801], vertical);
        Assert.All(rulings, r => Assert.Equal(3, r.Thickness));
    }

    [Fact]
    public void TheLatticeReaderMakesCellsOfTheDetectedRulings()
    {
        var image = Synthetic.RuledPage();
        var geometry = new PageGeometry(1, new PdfRectangle(0, 0, 480, 1400 / PixelsPerPoint), 0, image.Width, image.Height, 0);
        var rulings = RulingDetector.Find(image, PixelsPerPoint).Select(r => OcrPageContent.ToRuling(r, geometry)).ToList();
        var table = Assert.Single(LatticeTables.Find(rulings));
        Assert.Equal(12, table.Cells.Length);
    }

    [Fact]
    public void ErasingPaintsTheRulingsWhiteAndLeavesTheText()
    {
        var image = Synthetic.RuledPage();
        var erased = RulingDetector.Erase(image, RulingDetector.Find(image, PixelsPerPoint));
        Assert.Equal(255, erased[900, 301]);
        Assert.Equal(255, erased[601, 800]);
        Assert.Equal(20, erased[268, 380]);
    }

    [Fact]
    public void AFrameDrawnPaleIsFoundWhereTheInnerLinesAreDark()
    {
        var image = Synthetic.RuledPage();

        // The right side of the frame: a pale line two pixels wide, as a thin light frame is after blur.
        Synthetic.Line(image, 1800, 300, 1800, 900, 3, 240);
        Synthetic.Line(image, 1800, 300, 1800, 900, 2, 185);
        var vertical = RulingDetector.Find(image, PixelsPerPoint).Where(r => !r.IsHorizontal).Select(r => Math.Round(r.At)).Order().ToList();
        Assert.Equal([201, 601, 1001, 1401], vertical[..4]);
        Assert.InRange(Assert.Single(vertical[4..]), 1798, 1802);
    }

    [Fact]
    public void PaleStrokesOfTextAreNoRulings()
    {
        var image = Synthetic.RuledPage();

        // A pale stroke as long as a row is tall: too short for a ruling at the pale threshold.
        Synthetic.Line(image, 1500, 505, 1500, 596, 2, 185);
        var vertical = RulingDetector.Find(image, PixelsPerPoint).Where(r => !r.IsHorizontal).Select(r => Math.Round(r.At)).Order().ToList();
        Assert.Equal([201, 601, 1001, 1401, 1801], vertical);
    }

    [Fact]
    public void AFrameSideTheScanLostIsWhereTheHorizontalLinesEnd()
    {
        var image = Synthetic.RuledPage();
        Synthetic.Line(image, 1800, 300, 1800, 903, 3, 240);
        var rulings = RulingDetector.Find(image, PixelsPerPoint);
        var side = Assert.Single(rulings, r => !r.IsHorizontal && r.At > 1700);
        Assert.InRange(side.At, 1797, 1803);
        Assert.InRange(side.From, 300, 302);
        Assert.InRange(side.To, 900, 902);
    }

    [Fact]
    public void TwoLinesEndingTogetherImplyNoFrame()
    {
        PixelRuling H(int to, double at) => new(true, (int)at, to, at, 3);
        Assert.Empty(RulingDetector.ImpliedFrames([H(900, 100), H(901, 200), H(700, 300)], [], 3, 20));
        var frame = Assert.Single(RulingDetector.ImpliedFrames([H(900, 100), H(901, 200), H(899, 300), H(700, 400)], [], 3, 20));
        Assert.Equal(900, frame.At);
        Assert.Equal((100, 300), (frame.From, frame.To));
        Assert.False(frame.IsHorizontal);

        // A vertical ruling already runs there.
        Assert.Empty(RulingDetector.ImpliedFrames([H(900, 100), H(901, 200), H(899, 300)], [new PixelRuling(false, 98, 302, 901, 3)], 3, 20));
    }

    [Fact]
    public void ABlankPageHasNoRulings() =>
        Assert.Empty(RulingDetector.Find(PageImage.Blank(800, 600), PixelsPerPoint));

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.7)]
    [InlineData(-1.2)]
    public void TheSkewOfARotatedPageIsMeasuredAndUndone(double degrees)
    {
        // Turn the page by the opposite of Straighten's angle: Straighten(image, −a) skews it by a.
        var skewed = Skew.Straighten(Synthetic.RuledPage(), -degrees);
        var measured = Skew.EstimateDegrees(skewed);
        Assert.Equal(degrees, measured, 1);
        var straight = Skew.Straighten(skewed, measured);
        var horizontal = RulingDetector.Find(straight, PixelsPerPoint).Count(r => r.IsHorizontal && r.Length > 1500);
        Assert.Equal(4, horizontal);
    }
}
