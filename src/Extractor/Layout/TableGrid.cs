using System.Collections.Immutable;

namespace Extractor.Layout;

/// <summary>A ruled table: its grid lines and its cells.</summary>
/// <param name="Xs">Vertical grid lines, left to right.</param>
/// <param name="Ys">Horizontal grid lines, top to bottom (descending y).</param>
/// <param name="Cells">Cells in reading order (top row first, then left to right).</param>
public sealed record TableGrid(ImmutableArray<double> Xs, ImmutableArray<double> Ys, ImmutableArray<GridCell> Cells)
{
    /// <summary>Left edge.</summary>
    public double Left => Xs[0];

    /// <summary>Right edge.</summary>
    public double Right => Xs[^1];

    /// <summary>Top edge.</summary>
    public double Top => Ys[0];

    /// <summary>Bottom edge.</summary>
    public double Bottom => Ys[^1];

    /// <summary>Number of grid rows.</summary>
    public int RowCount => Ys.Length - 1;

    /// <summary>True when the point lies inside the table.</summary>
    public bool Contains(double x, double y) => x >= Left - 1 && x <= Right + 1 && y >= Bottom - 1 && y <= Top + 1;

    /// <summary>The cell holding a point, or null.</summary>
    public GridCell? CellAt(double x, double y)
    {
        foreach (var cell in Cells)
        {
            if (cell.Contains(x, y))
            {
                return cell;
            }
        }

        return null;
    }
}
