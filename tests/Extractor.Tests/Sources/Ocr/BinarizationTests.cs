using Extractor.Sources.Ocr.Imaging;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

public sealed class BinarizationTests
{
    [Fact]
    public void OtsuSeparatesInkFromPaperOnARender()
    {
        using var page = Rendering.Page(Rendering.Form("seed-chromium-ar-pl-uming-a4"), 1, 100);
        using var ink = Binarization.Otsu(page);
        var share = (double)Cv2.CountNonZero(ink) / (ink.Rows * ink.Cols);
        Assert.InRange(share, 0.01, 0.2);
    }

    [Fact]
    public void AdaptiveThresholdsKeepTextOnUnevenlyLitPaperWhereOneThresholdFails()
    {
        // Paper shading from white to a dark grey, as at a scanned book's binding, with text marks on it.
        using var row = new Mat(1, 800, MatType.CV_8UC1);
        for (var x = 0; x < 800; x++)
        {
            row.Set(0, x, (byte)(250 - (x * 150 / 800)));
        }

        using var page = new Mat();
        Cv2.Repeat(row, 200, 1, page);

        // Characters' strokes: the outline of a square, 3 pixels wide, darker where the paper is darker.
        using var drawn = new Mat(page.Size(), MatType.CV_8UC1, Scalar.All(0));
        foreach (var x in new[] { 50, 250, 450, 650 })
        {
            var ink = x < 400 ? 40 : 10;
            Cv2.Rectangle(page, new Rect(x, 80, 30, 30), Scalar.All(ink), 3);
            Cv2.Rectangle(drawn, new Rect(x, 80, 30, 30), Scalar.All(255), 3);
        }

        using var otsu = Binarization.Otsu(page);
        using var adaptive = Binarization.Adaptive(page, Binarization.BlockFor(page.Cols));
        using var missed = new Mat();
        Cv2.Subtract(drawn, adaptive, missed);
        using var extra = new Mat();
        Cv2.Subtract(adaptive, drawn, extra);
        Assert.True(Cv2.CountNonZero(otsu) > 20_000, "one threshold takes the dark paper for ink");
        Assert.True(Cv2.CountNonZero(missed) < Cv2.CountNonZero(drawn) / 20, "the adaptive threshold keeps the strokes");
        Assert.True(Cv2.CountNonZero(extra) < Cv2.CountNonZero(drawn) / 10, "and adds little beside them");
    }

    [Theory]
    [InlineData(200, 41)]
    [InlineData(150, 15)]
    [InlineData(100, 61)]
    public void TheAdaptiveThresholdTakenInBandsIsTheWholePagesPixelForPixel(int dpi, int block)
    {
        // A scan's page, shaded from top to bottom so each band's neighbourhoods differ, against OpenCV's threshold of the whole page at once.
        using var page = Rendering.Page(Rendering.Scan("split-target-image-200"), 1, dpi);
        using var column = new Mat(page.Rows, 1, MatType.CV_8UC1);
        var rows = page.Rows;
        for (var y = 0; y < rows; y++)
        {
            column.Set(y, 0, (byte)(y * 60 / rows));
        }

        using var shade = new Mat();
        Cv2.Repeat(column, 1, page.Cols, shade);

        Cv2.Subtract(page, shade, page);
        Assert.NotEqual(0, page.Rows % Binarization.BandRows);
        using var whole = new Mat();
        Cv2.AdaptiveThreshold(page, whole, 255, AdaptiveThresholdTypes.GaussianC, ThresholdTypes.BinaryInv, block, 10);
        using var banded = Binarization.Adaptive(page, block, 10);
        using var difference = new Mat();
        Cv2.Compare(whole, banded, difference, CmpTypes.NE);
        Assert.Equal(0, Cv2.CountNonZero(difference));
        Assert.True(Cv2.CountNonZero(banded) > page.Rows * page.Cols / 100, "the page has ink");
    }

    [Fact]
    public void AnImageShorterThanABandIsThresholdedWhole()
    {
        using var page = Rendering.Page(Rendering.Form("seed-chromium-ar-pl-uming-a4"), 1, 100);
        using var strip = new Mat(page, new Rect(0, 300, page.Cols, 100));
        using var whole = new Mat();
        Cv2.AdaptiveThreshold(strip, whole, 255, AdaptiveThresholdTypes.GaussianC, ThresholdTypes.BinaryInv, 21, 10);
        using var banded = Binarization.Adaptive(strip, 21, 10);
        using var difference = new Mat();
        Cv2.Compare(whole, banded, difference, CmpTypes.NE);
        Assert.Equal(0, Cv2.CountNonZero(difference));
    }
}
