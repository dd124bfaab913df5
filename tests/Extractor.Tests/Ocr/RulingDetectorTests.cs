using Extractor.Layout;
using Extractor.Ocr;
using Extractor.Pdf;

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
