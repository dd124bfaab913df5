using Extractor.Sources.Ocr.Imaging;
using OpenCvSharp;

namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// Readies a scanned page for reading: red seal ink dropped, the page turned upright by quarter turns, its
/// skew measured and undone. What was done is kept so that positions can be related to the scan.
/// </summary>
internal static class PagePreparation
{
    /// <summary>The page <paramref name="scan"/> (grey, BGR or BGRA) made ready to read.</summary>
    /// <param name="engine">The engine whose detector and classifier find the page's orientation.</param>
    /// <param name="scan">The page as scanned.</param>
    /// <param name="findOrientation">Whether to look for a page turned by quarter turns (costs one detection).</param>
    public static PreparedPage Prepare(PaddleOcrEngine engine, Mat scan, bool findOrientation = true)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(scan);
        using var clean = SealInk.Remove(scan);
        var turn = findOrientation ? PageOrientation.UprightTurn(engine, clean) : 0;
        using var upright = QuarterTurn.Clockwise(clean, turn);
        using var grey = Greyscale.ToGrey(upright);
        var skew = Deskew.EstimateDegrees(grey);
        var straight = Deskew.Rotate(grey, skew);
        return new PreparedPage(straight, turn, skew);
    }
}
