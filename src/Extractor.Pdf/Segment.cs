namespace Extractor.Pdf;

/// <summary>A straight ruling drawn on the page: a stroked line or a thin filled rectangle, in user space.</summary>
/// <param name="Start">One end.</param>
/// <param name="End">The other end.</param>
/// <param name="Thickness">Line width (or the short side of the filled rectangle) in points.</param>
public readonly record struct Segment(PdfPoint Start, PdfPoint End, double Thickness)
{
    /// <summary>Whether the segment runs horizontally (within 0.5 pt over its length).</summary>
    public bool IsHorizontal => Math.Abs(End.Y - Start.Y) <= 0.5 && Math.Abs(End.X - Start.X) > Math.Abs(End.Y - Start.Y);

    /// <summary>Whether the segment runs vertically (within 0.5 pt over its length).</summary>
    public bool IsVertical => Math.Abs(End.X - Start.X) <= 0.5 && Math.Abs(End.Y - Start.Y) > Math.Abs(End.X - Start.X);

    /// <summary>Euclidean length.</summary>
    public double Length => Math.Sqrt(((End.X - Start.X) * (End.X - Start.X)) + ((End.Y - Start.Y) * (End.Y - Start.Y)));
}
