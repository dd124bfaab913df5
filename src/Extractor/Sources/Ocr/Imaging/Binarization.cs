using OpenCvSharp;

namespace Extractor.Sources.Ocr.Imaging;

/// <summary>
/// Black-and-white images of a grey page, ink 255 on a 0 ground (the polarity morphology and contour
/// search work on).
/// </summary>
internal static class Binarization
{
    /// <summary>One threshold for the whole page, chosen by Otsu's method: right for evenly lit scans and renders.</summary>
    public static Mat Otsu(Mat grey)
    {
        ArgumentNullException.ThrowIfNull(grey);
        RequireGrey(grey);
        var ink = new Mat();
        Cv2.Threshold(grey, ink, 0, 255, ThresholdTypes.BinaryInv | ThresholdTypes.Otsu);
        return ink;
    }

    /// <summary>
    /// A threshold per neighbourhood (Gaussian-weighted mean of a <paramref name="blockSize"/> square, less
    /// <paramref name="offset"/>): right for unevenly lit scans, with shadows at the binding or a tinted
    /// paper. The block should hold several characters; an even size is made odd.
    /// </summary>
    public static Mat Adaptive(Mat grey, int blockSize, double offset = 10)
    {
        ArgumentNullException.ThrowIfNull(grey);
        RequireGrey(grey);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 3);
        var ink = new Mat();
        Cv2.AdaptiveThreshold(grey, ink, 255, AdaptiveThresholdTypes.GaussianC, ThresholdTypes.BinaryInv, blockSize | 1, offset);
        return ink;
    }

    /// <summary>The adaptive block for a page <paramref name="width"/> pixels wide: about 1/40 of it (5 mm on A4).</summary>
    public static int BlockFor(int width) => Math.Max(15, (width / 40) | 1);

    private static void RequireGrey(Mat grey)
    {
        if (grey.Channels() != 1 || grey.Depth() != MatType.CV_8U)
        {
            throw new ArgumentException("an 8-bit grey image is needed", nameof(grey));
        }
    }
}
