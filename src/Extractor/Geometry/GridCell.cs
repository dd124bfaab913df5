namespace Extractor.Geometry;

/// <summary>A cell of a ruled table, merged cells included.</summary>
/// <param name="Row">Top grid row (0 = top).</param>
/// <param name="Column">Left grid column (0 = left).</param>
/// <param name="RowSpan">Grid rows covered.</param>
/// <param name="ColumnSpan">Grid columns covered.</param>
/// <param name="Left">Left edge (display space).</param>
/// <param name="Bottom">Bottom edge.</param>
/// <param name="Right">Right edge.</param>
/// <param name="Top">Top edge.</param>
internal sealed record GridCell(int Row, int Column, int RowSpan, int ColumnSpan, double Left, double Bottom, double Right, double Top)
{
    /// <summary>True when the point lies inside the cell.</summary>
    public bool Contains(double x, double y) => x >= Left && x <= Right && y >= Bottom && y <= Top;
}
