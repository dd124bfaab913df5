using Extractor.Sources.Ocr.Imaging;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

public sealed class DeskewTests
{
    [Theory]
    [InlineData(1.5)]
    [InlineData(-2.8)]
    [InlineData(0.4)]
    public void TheSkewOfARuledPageIsMeasuredFromItsRulings(double skew)
    {
        using var page = Rendering.Page(Rendering.Form("seed-chromium-ar-pl-uming-a4"), 1, 150);

        // Rotate levels a line skewed by its argument: the opposite turns a level page by it.
        using var skewed = Deskew.Rotate(page, -skew);
        Assert.InRange(Deskew.EstimateDegrees(skewed), skew - 0.1, skew + 0.1);
    }

    [Fact]
    public void APageWithoutRulingsIsMeasuredFromItsRowsOfText()
    {
        using var page = Rendering.Page(Rendering.Form("seed-chromium-borderless-wqy-microhei-a4"), 1, 150);
        using var skewed = Deskew.Rotate(page, 1.2);
        using var ink = Binarization.Otsu(skewed);
        Assert.Null(Deskew.FromRulings(ink));
        Assert.InRange(Deskew.EstimateDegrees(skewed), -1.3, -1.1);
    }

    [Fact]
    public void AStraightenedPageMeasuresLevel()
    {
        using var page = Rendering.Page(Rendering.Form("long-chromium-wqy-zenhei-a4"), 1, 150);
        using var skewed = Deskew.Rotate(page, 2.2);
        var measured = Deskew.EstimateDegrees(skewed);
        using var straight = Deskew.Rotate(skewed, measured);
        Assert.InRange(Deskew.EstimateDegrees(straight), -0.1, 0.1);
    }

    [Fact]
    public void AScannedPageIsMeasuredAtTheSkewItWasScannedWith()
    {
        // fixtures/scans/README.md: split-target-image-200 page 1 was rotated by −1.40° (anticlockwise).
        using var page = Rendering.Page(Rendering.Scan("split-target-image-200"), 1, 200);
        Assert.InRange(Deskew.EstimateDegrees(page), -1.5, -1.3);
    }

    [Fact]
    public void TheLinesAngleIsTheMedianOfTheirAnglesWeightedByLength()
    {
        Assert.Equal(0.6, Deskew.FromLines([(0.6, 900), (0.5, 300), (2.9, 120), (0.7, 200)]));
        Assert.Null(Deskew.FromLines([(0.6, 900), (0.5, 300)]));
        Assert.Null(Deskew.FromLines([(0.6, 900), (7, 300), (-9, 200)]));
    }

    [Fact]
    public void RowsOfShortStrokesAreNoRulings()
    {
        // Strokes 30 pixels long 20 apart, each 2 pixels lower than the one before, as a row of text's long
        // strokes stand: Hough chains them into segments 2.3° off level, of which they cover three fifths.
        using var ink = new Mat(1200, 2400, MatType.CV_8UC1, Scalar.All(0));
        for (var row = 100; row < 1000; row += 60)
        {
            for (var k = 0; k < 46; k++)
            {
                Cv2.Rectangle(ink, new Rect(40 + (50 * k), row + (2 * k), 30, 3), Scalar.All(255), -1);
            }
        }

        Assert.Null(Deskew.FromRulings(ink));
    }

    [Fact]
    public void ABlankPageHasNoSkew()
    {
        using var blank = new Mat(400, 300, MatType.CV_8UC1, Scalar.All(255));
        Assert.Equal(0, Deskew.EstimateDegrees(blank));
    }

    [Fact]
    public void RotatingKeepsTheSizeAndFillsTheCornersWhite()
    {
        using var black = new Mat(200, 300, MatType.CV_8UC1, Scalar.All(0));
        using var turned = Deskew.Rotate(black, 3);
        Assert.Equal(black.Size(), turned.Size());
        Assert.Equal(255, turned.At<byte>(0, 0));
        Assert.Equal(0, turned.At<byte>(100, 150));
    }
}
