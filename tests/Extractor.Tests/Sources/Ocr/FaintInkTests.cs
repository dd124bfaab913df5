using Extractor.Sources.Ocr.Imaging;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

public sealed class FaintInkTests
{
    /// <summary>Pixels of <paramref name="seen"/> darker by more than 20 levels than <paramref name="page"/> where it is paper.</summary>
    private static int BackShowing(Mat seen, Mat page)
    {
        using var paper = new Mat();
        Cv2.Threshold(page, paper, 235, 255, ThresholdTypes.Binary);
        using var difference = new Mat();
        Cv2.Subtract(page, seen, difference);
        Cv2.Threshold(difference, difference, 20, 255, ThresholdTypes.Binary);
        Cv2.BitwiseAnd(difference, paper, difference);
        return Cv2.CountNonZero(difference);
    }

    private static int Differing(Mat a, Mat b, int levels)
    {
        using var difference = new Mat();
        Cv2.Absdiff(a, b, difference);
        Cv2.Threshold(difference, difference, levels, 255, ThresholdTypes.Binary);
        return Cv2.CountNonZero(difference);
    }

    [Theory]
    [InlineData("seed-chromium-noto-sans-a4")]
    [InlineData("long-libreoffice-noto-sans-a4l")]
    public void AThinSheetsBackShowingThroughIsTakenForPaper(string form)
    {
        using var page = Rendering.Page(Rendering.Form(form), 1, 150);

        // The back: this page mirrored and shifted, blurred through the paper, at a sixth of its depth.
        using var back = new Mat();
        Cv2.Flip(page, back, FlipMode.Y);
        using var shifted = new Mat();
        using var shift = Mat.FromPixelData(2, 3, MatType.CV_64FC1, new double[] { 1, 0, 18, 0, 1, 30 });
        Cv2.WarpAffine(back, shifted, shift, page.Size(), InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(255));
        Cv2.GaussianBlur(shifted, shifted, new Size(0, 0), 1.2);
        using var faint = new Mat();
        shifted.ConvertTo(faint, MatType.CV_8UC1, 1 / 6.0, 255 * 5 / 6.0);
        using var seen = new Mat();
        Cv2.Multiply(page, faint, seen, 1 / 255.0);

        var before = BackShowing(seen, page);
        FaintInk.Clear(seen);
        var after = BackShowing(seen, page);
        Assert.True(before > page.Rows * page.Cols / 100, $"the back shows in {before} pixels");
        Assert.True(after < before / 20, $"the back still shows in {after} pixels, {before} before");

        // The front's print stays as dark as it was.
        using var print = new Mat();
        Cv2.Threshold(page, print, 100, 255, ThresholdTypes.BinaryInv);
        using var kept = new Mat();
        Cv2.Threshold(seen, kept, 110, 255, ThresholdTypes.BinaryInv);
        using var lost = new Mat();
        Cv2.Subtract(print, kept, lost);
        Assert.True(Cv2.CountNonZero(lost) < Cv2.CountNonZero(print) / 200, $"{Cv2.CountNonZero(lost)} of {Cv2.CountNonZero(print)} print pixels lightened");
    }

    [Fact]
    public void ABitonalScanAndABlankPageAreLeftAsTheyAre()
    {
        using var page = Rendering.Page(Rendering.Form("seed-chromium-ar-pl-uming-a4"), 1, 100);
        using var bitonal = new Mat();
        Cv2.Threshold(page, bitonal, 160, 255, ThresholdTypes.Binary);
        Cv2.GaussianBlur(bitonal, bitonal, new Size(3, 1), 0);
        using var copy = bitonal.Clone();
        FaintInk.Clear(copy);
        Assert.Equal(0, Differing(copy, bitonal, 0));

        using var blank = new Mat(200, 200, MatType.CV_8UC1, Scalar.All(236));
        Cv2.Randn(blank, Scalar.All(236), Scalar.All(6));
        using var blankCopy = blank.Clone();
        FaintInk.Clear(blankCopy);
        Assert.Equal(0, Differing(blankCopy, blank, 0));
    }

    [Fact]
    public void ACleanNoisyBlurredScanIsLeftAsItIs()
    {
        // Its faint pixels are its strokes' pale edges and the paper's noise: levelled, small characters had read otherwise.
        using var page = Rendering.Page(Rendering.Form("seed-chromium-noto-sans-a4"), 1, 150);
        using var scan = new Mat();
        Cv2.GaussianBlur(page, scan, new Size(0, 0), 0.8);
        using var noise = new Mat(scan.Size(), MatType.CV_8UC1);
        Cv2.Randn(noise, Scalar.All(128), Scalar.All(5));
        Cv2.Subtract(scan, noise, scan);
        Cv2.Add(scan, Scalar.All(128), scan);
        using var copy = scan.Clone();
        FaintInk.Clear(copy);
        Assert.Equal(0, Differing(copy, scan, 0));
    }
}
