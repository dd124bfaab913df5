using Extractor.Model;

namespace Extractor.Sources.Ocr;

/// <summary>
/// Relates the pixels of a prepared page image (turned upright by quarter turns, then straightened) to
/// points: the layout's display space (the upright page, origin bottom-left) and the source's own space for
/// provenance (PDF user space for a PDF page; for an image file, the image at its resolution with the
/// origin at its bottom-left corner). The turn and the skew are undone exactly, so a box maps back onto
/// the scan as it lies.
/// </summary>
internal sealed class ScanFrame
{
    private readonly Func<double, double, (double X, double Y)> scanToSource;

    /// <summary>Creates the frame of a page.</summary>
    /// <param name="page">1-based page number.</param>
    /// <param name="scanWidth">Width of the scan as read, in pixels.</param>
    /// <param name="scanHeight">Height of the scan as read, in pixels.</param>
    /// <param name="pixelsPerPoint">The scan's resolution in pixels a point (dpi / 72).</param>
    /// <param name="clockwiseTurn">The quarter turns applied to the scan (0, 90, 180, 270).</param>
    /// <param name="skewDegrees">The skew undone after the turn (OpenCV's sense: positive turns the picture anticlockwise).</param>
    /// <param name="scanToSource">A scan pixel position in the source's points.</param>
    public ScanFrame(int page, int scanWidth, int scanHeight, double pixelsPerPoint, int clockwiseTurn, double skewDegrees, Func<double, double, (double X, double Y)> scanToSource)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixelsPerPoint);
        Page = page;
        ScanWidth = scanWidth;
        ScanHeight = scanHeight;
        PixelsPerPoint = pixelsPerPoint;
        Turn = ((clockwiseTurn % 360) + 360) % 360;
        SkewDegrees = skewDegrees;
        this.scanToSource = scanToSource ?? throw new ArgumentNullException(nameof(scanToSource));
        (Width, Height) = Turn is 90 or 270 ? (scanHeight, scanWidth) : (scanWidth, scanHeight);
    }

    /// <summary>1-based page number.</summary>
    public int Page { get; }

    /// <summary>Width of the scan as read.</summary>
    public int ScanWidth { get; }

    /// <summary>Height of the scan as read.</summary>
    public int ScanHeight { get; }

    /// <summary>Pixels a point.</summary>
    public double PixelsPerPoint { get; }

    /// <summary>The clockwise quarter turn that set the page upright.</summary>
    public int Turn { get; }

    /// <summary>The skew undone.</summary>
    public double SkewDegrees { get; }

    /// <summary>
    /// When the page was taken out of a darker surround, the matrix taking a pixel of the flattened page (which
    /// <see cref="ScanWidth"/> and <see cref="ScanHeight"/> then measure) back to the picture as read
    /// (<see cref="Imaging.PageOutline.Flatten"/>); null when the picture was the page.
    /// </summary>
    public double[]? Flattening { get; init; }

    /// <summary>Width of the prepared image in pixels.</summary>
    public int Width { get; }

    /// <summary>Height of the prepared image in pixels.</summary>
    public int Height { get; }

    /// <summary>The upright page's width in points.</summary>
    public double DisplayWidth => Width / PixelsPerPoint;

    /// <summary>The upright page's height in points.</summary>
    public double DisplayHeight => Height / PixelsPerPoint;

    /// <summary>A prepared-image pixel position in display space.</summary>
    public (double X, double Y) ToDisplay(double x, double y) => (x / PixelsPerPoint, DisplayHeight - (y / PixelsPerPoint));

    /// <summary>A display-space position as a prepared-image pixel position.</summary>
    public (double X, double Y) ToPixels(double x, double y) => (x * PixelsPerPoint, (DisplayHeight - y) * PixelsPerPoint);

    /// <summary>A prepared-image pixel position in the scan as read: the skew undone, then the turn, then the flattening.</summary>
    public (double X, double Y) ToScan(double x, double y)
    {
        var (ux, uy) = Rotate(x, y, Width / 2.0, Height / 2.0, -SkewDegrees);
        var (sx, sy) = Turn switch
        {
            90 => (uy, ScanHeight - ux),
            180 => (ScanWidth - ux, ScanHeight - uy),
            270 => (ScanWidth - uy, ux),
            _ => (ux, uy),
        };
        return Flattening is null ? (sx, sy) : Imaging.PageOutline.ToPicture(Flattening, sx, sy);
    }

    /// <summary>
    /// A prepared-image pixel box in the source's points: its corners taken back to the scan, then to the
    /// source; the smallest upright box round them, to a hundredth of a point.
    /// </summary>
    public PageBox ToSourceBox(double left, double top, double right, double bottom)
    {
        double x0 = double.MaxValue, y0 = double.MaxValue, x1 = double.MinValue, y1 = double.MinValue;
        foreach (var (px, py) in new[] { (left, top), (right, top), (left, bottom), (right, bottom) })
        {
            var (sx, sy) = ToScan(px, py);
            var (ux, uy) = scanToSource(sx, sy);
            (x0, y0, x1, y1) = (Math.Min(x0, ux), Math.Min(y0, uy), Math.Max(x1, ux), Math.Max(y1, uy));
        }

        return new PageBox(Page, Math.Round(x0, 2), Math.Round(y0, 2), Math.Round(x1, 2), Math.Round(y1, 2));
    }

    /// <summary>
    /// A point turned about (<paramref name="cx"/>, <paramref name="cy"/>) as OpenCV's rotation matrix of
    /// <paramref name="degrees"/> turns it (positive: anticlockwise as seen, y growing downwards).
    /// </summary>
    public static (double X, double Y) Rotate(double x, double y, double cx, double cy, double degrees)
    {
        if (degrees == 0)
        {
            return (x, y);
        }

        var radians = degrees * Math.PI / 180;
        var (a, b) = (Math.Cos(radians), Math.Sin(radians));
        return (cx + (a * (x - cx)) + (b * (y - cy)), cy - (b * (x - cx)) + (a * (y - cy)));
    }
}
