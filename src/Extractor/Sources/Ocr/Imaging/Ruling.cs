namespace Extractor.Sources.Ocr.Imaging;

/// <summary>A ruling line found in a page image, in pixels (y grows downwards).</summary>
/// <param name="IsHorizontal">True for a line running left to right.</param>
/// <param name="From">Where it starts along its length (x for a horizontal line, y for a vertical one).</param>
/// <param name="To">Where it ends along its length (inclusive).</param>
/// <param name="At">Its centre across its length (y for a horizontal line, x for a vertical one).</param>
/// <param name="Thickness">Its mean thickness in pixels.</param>
internal sealed record Ruling(bool IsHorizontal, int From, int To, double At, double Thickness)
{
    /// <summary>Length in pixels.</summary>
    public int Length => To - From + 1;
}
