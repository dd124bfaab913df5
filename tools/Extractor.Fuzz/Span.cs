namespace Extractor.Fuzz;

/// <summary>A range of bytes in a file.</summary>
/// <param name="Start">Offset of the first byte.</param>
/// <param name="Length">Number of bytes.</param>
public readonly record struct Span(int Start, int Length)
{
    /// <summary>Offset just past the last byte.</summary>
    public int End => Start + Length;
}
