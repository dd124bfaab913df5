namespace Extractor.Pdf;

/// <summary>An axis-aligned rectangle in PDF points (origin bottom-left).</summary>
/// <param name="Left">Smallest x.</param>
/// <param name="Bottom">Smallest y.</param>
/// <param name="Right">Largest x.</param>
/// <param name="Top">Largest y.</param>
public readonly record struct PdfRectangle(double Left, double Bottom, double Right, double Top)
{
    /// <summary>Horizontal extent.</summary>
    public double Width => Right - Left;

    /// <summary>Vertical extent.</summary>
    public double Height => Top - Bottom;

    /// <summary>The centre point.</summary>
    public PdfPoint Centre => new((Left + Right) / 2, (Bottom + Top) / 2);

    /// <summary>Builds a normalised rectangle from two opposite corners.</summary>
    public static PdfRectangle FromPoints(PdfPoint a, PdfPoint b) =>
        new(Math.Min(a.X, b.X), Math.Min(a.Y, b.Y), Math.Max(a.X, b.X), Math.Max(a.Y, b.Y));

    /// <summary>The smallest rectangle holding both.</summary>
    public PdfRectangle Union(PdfRectangle other) =>
        new(Math.Min(Left, other.Left), Math.Min(Bottom, other.Bottom), Math.Max(Right, other.Right), Math.Max(Top, other.Top));

    /// <summary>Whether the point lies inside or on the edge.</summary>
    public bool Contains(PdfPoint point) =>
        point.X >= Left && point.X <= Right && point.Y >= Bottom && point.Y <= Top;

    /// <summary>Whether <paramref name="other"/> lies inside this rectangle grown by <paramref name="tolerance"/> on every side.</summary>
    public bool Contains(PdfRectangle other, double tolerance = 0) =>
        other.Left >= Left - tolerance && other.Right <= Right + tolerance &&
        other.Bottom >= Bottom - tolerance && other.Top <= Top + tolerance;

    /// <summary>Whether the two rectangles share any area or edge.</summary>
    public bool Intersects(PdfRectangle other) =>
        other.Left <= Right && other.Right >= Left && other.Bottom <= Top && other.Top >= Bottom;
}
