using OpenCvSharp;

namespace Extractor.Sources.Ocr.Paddle;

/// <summary>A page made ready to read, and what was done to the scan to make it so.</summary>
/// <param name="Image">The grey page, upright and straightened (owned: disposed with this).</param>
/// <param name="ClockwiseTurn">The quarter turns applied first, in degrees clockwise (0, 90, 180, 270).</param>
/// <param name="SkewDegrees">The skew measured after the turn and undone (positive: the page had turned clockwise).</param>
internal sealed record PreparedPage(Mat Image, int ClockwiseTurn, double SkewDegrees) : IDisposable
{
    /// <summary>The text lines detected on the page, placed on <see cref="Image"/>, in reading order.</summary>
    public IReadOnlyList<TextRegion> Regions { get; init; } = [];

    /// <summary>
    /// When the page was taken out of a darker surround (<see cref="Imaging.PageOutline"/>), the 3 × 3 matrix
    /// taking a pixel of the flattened page back to the picture; null when the picture was the page.
    /// </summary>
    public double[]? Flattening { get; init; }

    /// <inheritdoc/>
    public void Dispose() => Image.Dispose();
}
