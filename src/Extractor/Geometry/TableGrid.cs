using System.Collections.Immutable;

namespace Extractor.Geometry;

/// <summary>A ruled table: its grid lines and its cells.</summary>
/// <param name="xs">Vertical grid lines, left to right.</param>
/// <param name="ys">Horizontal grid lines, top to bottom (descending y).</param>
/// <param name="cells">Cells in reading order (top row first, then left to right).</param>
internal sealed class TableGrid(ImmutableArray<double> xs, ImmutableArray<double> ys, ImmutableArray<GridCell> cells)
{
    private GridCell?[]? units;

    /// <summary>Vertical grid lines, left to right.</summary>
    public ImmutableArray<double> Xs { get; } = xs;

    /// <summary>Horizontal grid lines, top to bottom (descending y).</summary>
    public ImmutableArray<double> Ys { get; } = ys;

    /// <summary>Cells in reading order (top row first, then left to right).</summary>
    public ImmutableArray<GridCell> Cells { get; } = cells;

    /// <summary>True when no ruling closes the table's top: a page break cut its first row (its rest is on the page before).</summary>
    public bool OpenTop { get; init; }

    /// <summary>True when no ruling closes the table's bottom: a page break cut its last row (its rest is on the next page).</summary>
    public bool OpenBottom { get; init; }

    /// <summary>
    /// Cells of the first row whose top no ruling closes while the rest of the table's top is ruled: a page
    /// break cut them and not their neighbours (a header cell two rows high cut between its rows).
    /// </summary>
    public ImmutableHashSet<GridCell> OpenAbove { get; init; } = [];

    /// <summary>Cells reaching the last row whose bottom no ruling closes: the part of each cut by a page break.</summary>
    public ImmutableHashSet<GridCell> OpenBelow { get; init; } = [];

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

    /// <summary>The cell holding a point, or null: the grid unit found by binary search, then its (merged) cell.</summary>
    public GridCell? CellAt(double x, double y)
    {
        if (x < Left || x > Right || y < Bottom || y > Top)
        {
            return null;
        }

        var columns = Xs.Length - 1;
        units ??= Units(columns);
        var column = Math.Clamp(UpperBound(Xs, x, ascending: true) - 1, 0, columns - 1);
        var row = Math.Clamp(UpperBound(Ys, y, ascending: false) - 1, 0, RowCount - 1);
        return units[(row * columns) + column];
    }

    private GridCell?[] Units(int columns)
    {
        var map = new GridCell?[RowCount * columns];
        foreach (var cell in Cells)
        {
            for (var r = cell.Row; r < cell.Row + cell.RowSpan; r++)
            {
                for (var c = cell.Column; c < cell.Column + cell.ColumnSpan; c++)
                {
                    map[(r * columns) + c] = cell;
                }
            }
        }

        return map;
    }

    /// <summary>The number of lines at or before a position (x rising left to right, y falling top to bottom).</summary>
    private static int UpperBound(ImmutableArray<double> lines, double value, bool ascending)
    {
        var low = 0;
        var high = lines.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (ascending ? lines[middle] <= value : lines[middle] >= value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
