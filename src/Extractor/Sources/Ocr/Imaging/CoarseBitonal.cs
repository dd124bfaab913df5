using OpenCvSharp;

namespace Extractor.Sources.Ocr.Imaging;

/// <summary>
/// A page scanned in black and white, coarsely, smoothed a little before it is read. Its characters' slanting
/// edges are steps a pixel or more high, and the recogniser, trained on grey images, reads the steps as strokes
/// (工 as 「, 日 as 口, 5 as 3); blurred by a fraction of a pixel, the page reads as a grey scan of it does. A fax
/// in standard mode is the coarsest (98 rows an inch, each row stretched over two of the page's). Finer scans
/// keep steps too small to matter and lose detail to the blur.
/// </summary>
internal static class CoarseBitonal
{
    /// <summary>
    /// The finest scan smoothed, in dots an inch along its coarser side. Measured over bitonal scans (fields
    /// right, smoothed against not): standard-mode faxes (98 dpi down) 88.9 → 91.8%, G4 TIFFs at 150 dpi 95.7 →
    /// 96.3%, noisy G4 scans at 150 dpi in PDFs 71.8 → 72.3%; at 180 dpi +12 and −40 fields over two sets of 24
    /// files, at 200 dpi −9 over the grid's three PDFs, at 300 dpi −21 over 23 files.
    /// </summary>
    public const double MaxDotsPerInch = 170;

    /// <summary>The blur, a Gaussian's standard deviation in pixels: 0.5 changed little (faxes 89.0%), 0.7 and 1.0 the same.</summary>
    public const double Blur = 0.7;

    /// <summary>Whether a page scanned at <paramref name="scannedDotsPerInch"/> (its coarser side's; null when not known) is coarse enough to be smoothed.</summary>
    public static bool IsCoarse(double? scannedDotsPerInch) => scannedDotsPerInch is > 0 and < MaxDotsPerInch;

    /// <summary>Smooths the grey page <paramref name="grey"/> in place when it is bitonal (<see cref="GreyLevels.IsBitonal"/>); whether it was.</summary>
    public static bool Smooth(Mat grey)
    {
        ArgumentNullException.ThrowIfNull(grey);
        if (!GreyLevels.IsBitonal(GreyLevels.Count(grey)))
        {
            return false;
        }

        Cv2.GaussianBlur(grey, grey, new Size(0, 0), Blur, Blur);
        return true;
    }
}
