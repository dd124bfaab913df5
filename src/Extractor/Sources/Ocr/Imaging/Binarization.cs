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
        var block = blockSize | 1;
        var (rows, cols) = (grey.Rows, grey.Cols);
        var ink = new Mat(rows, cols, MatType.CV_8UC1);

        // OpenCV takes the Gaussian mean in floats, a copy of the page four times its size (15 MB of a 200-dpi A4
        // page, while the page is read): it is taken a band of rows at a time instead, each seen with the rows its
        // mean reaches above and below, so every pixel's neighbourhood is the one it has in the whole page.
        var reach = (block / 2) + 1;
        for (var from = 0; from < rows; from += BandRows)
        {
            var to = Math.Min(rows, from + BandRows);
            var (runFrom, runTo) = (Math.Max(0, from - reach), Math.Min(rows, to + reach));
            using var source = new Mat(grey, new Rect(0, runFrom, cols, runTo - runFrom));
            using var band = new Mat();
            Cv2.AdaptiveThreshold(source, band, 255, AdaptiveThresholdTypes.GaussianC, ThresholdTypes.BinaryInv, block, offset);
            using var own = new Mat(band, new Rect(0, from - runFrom, cols, to - from));
            using var target = new Mat(ink, new Rect(0, from, cols, to - from));
            own.CopyTo(target);
        }

        return ink;
    }

    /// <summary>Rows of the page <see cref="Adaptive"/> thresholds at once.</summary>
    public const int BandRows = 256;

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
