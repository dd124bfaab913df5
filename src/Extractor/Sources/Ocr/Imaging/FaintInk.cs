using OpenCvSharp;

namespace Extractor.Sources.Ocr.Imaging;

/// <summary>
/// Ink far lighter than the page's print taken for paper: a thin sheet's back showing through, mirrored, at a
/// fraction of its print's depth, which the detector boxes with the front's lines beside it and the recogniser
/// reads as characters. The page's grey levels are set as a photo editor's levels set them: from the paper's
/// level (the page's median) down to a fifth of the way to its print's (its darkest hundredth) everything is
/// paper, from there to three tenths the levels are stretched to meet it, and darker ones stay as they are.
/// Only a page with faint ink away from its print is levelled: on a clean page the levels take nothing but its
/// strokes' pale edges, and a few small characters read otherwise.
/// </summary>
internal static class FaintInk
{
    /// <summary>Share of the way from paper to print above which a level is paper.</summary>
    public const double PaperShare = 0.2;

    /// <summary>Share of the way from paper to print above which a level is stretched towards paper; darker ones are kept.</summary>
    public const double KeptShare = 0.3;

    /// <summary>Least depth (grey levels) of print under paper for a page to be levelled: a blank page has none.</summary>
    public const int LeastDepth = 60;

    /// <summary>Share of the way from paper to print under which a level is the paper's own noise, not faint ink.</summary>
    public const double NoiseShare = 0.08;

    /// <summary>
    /// Least share of a page's pixels faint ink away from its print for the page to be levelled: sampled clean
    /// scans (150 and 200 dpi, blurred, noisy, JPEG q40, bitonal, low-contrast) measured none, a thin sheet's
    /// back showing through 0.2–1.1%, creases 0.7–1.3%, stained paper and a page lit unevenly 5–8%.
    /// </summary>
    public const double LeastFaint = 0.0005;

    /// <summary>Sets the levels of the grey page <paramref name="grey"/> in place.</summary>
    public static void Clear(Mat grey)
    {
        ArgumentNullException.ThrowIfNull(grey);
        var counts = GreyLevels.Count(grey);
        var total = counts.Sum();

        // A bitonal scan (its render's pixels nearly all black or white) has no faint ink to take, and its
        // scaled edges' greys are all it has between.
        var (ink, paper) = (GreyLevels.Quantile(counts, 0.01), GreyLevels.Quantile(counts, 0.5));
        if (paper - ink < LeastDepth || GreyLevels.IsBitonal(counts))
        {
            return;
        }

        var (kept, white) = (paper - (KeptShare * (paper - ink)), paper - (PaperShare * (paper - ink)));
        if (FaintAway(grey, kept, white, paper - (NoiseShare * (paper - ink))) < LeastFaint * total)
        {
            return;
        }

        var levels = new byte[256];
        for (var v = 0; v < 256; v++)
        {
            levels[v] = v < kept ? (byte)v
                : v >= white ? (byte)Math.Max(v, paper)
                : (byte)Math.Round(kept + ((v - kept) * (paper - kept) / (white - kept)));
        }

        using var table = Mat.FromPixelData(1, 256, MatType.CV_8UC1, levels);
        Cv2.LUT(grey, table, grey);
    }

    /// <summary>
    /// Pixels between <paramref name="white"/> and <paramref name="noise"/> (faint ink) lying more than three
    /// pixels from any darker than <paramref name="kept"/> (print), in pieces wider than a pixel: a clean page's
    /// faint pixels are its print's pale edges and the scan's noise, and count none.
    /// </summary>
    private static int FaintAway(Mat grey, double kept, double white, double noise)
    {
        using var faint = new Mat();
        Cv2.InRange(grey, new Scalar(white), new Scalar(noise), faint);
        using var print = new Mat();
        Cv2.Threshold(grey, print, kept, 255, ThresholdTypes.BinaryInv);
        using (var near = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(7, 7)))
        {
            Cv2.Dilate(print, print, near);
        }

        Cv2.Subtract(faint, print, faint);
        using (var speck = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(3, 3)))
        {
            Cv2.MorphologyEx(faint, faint, MorphTypes.Open, speck);
        }

        return Cv2.CountNonZero(faint);
    }
}
