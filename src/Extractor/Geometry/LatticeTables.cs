using System.Collections.Immutable;

namespace Extractor.Geometry;

/// <summary>
/// Finds ruled tables on a page: ruling lines that touch each other form a table; the distinct x of its
/// vertical lines and y of its horizontal lines form a grid; a grid edge with no ruling over it joins
/// the two units beside it, so merged cells come out as one cell.
/// </summary>
internal sealed class LatticeTables
{
    private readonly double snap;
    private readonly int maxGridUnits;

    private LatticeTables(double snap, int maxGridUnits)
    {
        this.snap = snap;
        this.maxGridUnits = maxGridUnits;
    }

    /// <summary>Distance within which two line positions are the same grid line.</summary>
    public const double DefaultSnap = 2.0;

    /// <summary>
    /// Most units (rows × columns) a grid may have to be read as a table. A form's table has a few hundred
    /// per page; a mesh of thousands of lines each way is not a table, and building it would take memory and
    /// time in proportion to its units. Its text is read as text without rulings.
    /// </summary>
    public const int DefaultMaxGridUnits = 100_000;

    /// <summary>Finds the tables drawn by <paramref name="rulings"/>.</summary>
    /// <param name="rulings">The page's ruling lines.</param>
    /// <param name="snap">Distance within which two line positions are the same grid line.</param>
    /// <param name="maxGridUnits">Most units a grid may have to be read as a table.</param>
    public static ImmutableArray<TableGrid> Find(IReadOnlyList<Ruling> rulings, double snap = DefaultSnap, int maxGridUnits = DefaultMaxGridUnits)
    {
        ArgumentNullException.ThrowIfNull(rulings);
        return new LatticeTables(snap, maxGridUnits).Read(rulings);
    }

    private ImmutableArray<TableGrid> Read(IReadOnlyList<Ruling> rulings)
    {
        var horizontals = Merge(rulings.Where(r => r.IsHorizontal).Select(r => new Line(Math.Min(r.X0, r.X1), Math.Max(r.X0, r.X1), (r.Y0 + r.Y1) / 2)));
        var verticals = Merge(rulings.Where(r => r.IsVertical).Select(r => new Line(Math.Min(r.Y0, r.Y1), Math.Max(r.Y0, r.Y1), (r.X0 + r.X1) / 2)));
        if (horizontals.Count < 1 || verticals.Count < 2)
        {
            return [];
        }

        // Lines that cross or touch belong to one table. Verticals are taken in order of position, so each
        // horizontal looks only at those within its extent.
        var parent = Enumerable.Range(0, horizontals.Count + verticals.Count).ToArray();
        var byPosition = Enumerable.Range(0, verticals.Count).OrderBy(v => verticals[v].At).ToArray();
        var positions = byPosition.Select(v => verticals[v].At).ToArray();
        for (var h = 0; h < horizontals.Count; h++)
        {
            for (var k = LowerBound(positions, horizontals[h].From - snap); k < positions.Length && positions[k] <= horizontals[h].To + snap; k++)
            {
                var v = byPosition[k];
                if (Touch(horizontals[h], verticals[v]))
                {
                    Union(parent, h, horizontals.Count + v);
                }
            }
        }

        var tables = ImmutableArray.CreateBuilder<TableGrid>();
        foreach (var group in Enumerable.Range(0, parent.Length).GroupBy(i => Find(parent, i)))
        {
            var hs = group.Where(i => i < horizontals.Count).Select(i => horizontals[i]).ToList();
            var vs = group.Where(i => i >= horizontals.Count).Select(i => verticals[i - horizontals.Count]).ToList();
            if (vs.Count >= 2 && (hs.Count >= 2 || IsCutRow(hs, vs)) && Build(hs, vs) is { } grid)
            {
                tables.Add(grid);
            }
        }

        return [.. tables.OrderByDescending(t => t.Top)];
    }

    /// <summary>
    /// Whether one horizontal ruling and the verticals touching it are a row a page break cut from its table:
    /// the verticals run on past the ruling, above or below it, at least <see cref="MinCutRow"/> (the
    /// continuation of a row at the top of the next page: its side walls and its bottom ruling, no top).
    /// </summary>
    private static bool IsCutRow(List<Line> horizontals, List<Line> verticals) =>
        horizontals.Count == 1
        && (verticals.Max(v => v.To) >= horizontals[0].At + MinCutRow || verticals.Min(v => v.From) <= horizontals[0].At - MinCutRow);

    /// <summary>The least height, in points, of a row cut by a page break and found alone (a line of 5-point text).</summary>
    public const double MinCutRow = 6.0;

    private TableGrid? Build(List<Line> horizontals, List<Line> verticals)
    {
        var xs = Cluster(verticals.Select(v => v.At));

        // Where a page break cuts a row, producers draw its side borders but no top (or bottom) border:
        // the vertical rulings end beyond the outermost horizontal one, and that edge closes the table.
        var tableTop = verticals.Max(v => v.To);
        var tableBottom = verticals.Min(v => v.From);
        var openTop = tableTop > horizontals.Max(h => h.At) + snap;
        var openBottom = tableBottom < horizontals.Min(h => h.At) - snap;
        var ys = Cluster(horizontals.Select(h => h.At)
            .Concat(openTop ? [tableTop] : [])
            .Concat(openBottom ? [tableBottom] : []));
        ys.Reverse();
        if (xs.Count < 2 || ys.Count < 2)
        {
            return null;
        }

        var rows = ys.Count - 1;
        var columns = xs.Count - 1;
        if ((long)rows * columns > maxGridUnits)
        {
            return null;
        }

        horizontals = [.. horizontals.OrderBy(h => h.At)];
        verticals = [.. verticals.OrderBy(v => v.At)];
        var parent = Enumerable.Range(0, rows * columns).ToArray();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                // No ruling on the edge between two units: they are one merged cell.
                if (c + 1 < columns && !Covers(verticals, xs[c + 1], ys[r + 1], ys[r]))
                {
                    Union(parent, (r * columns) + c, (r * columns) + c + 1);
                }

                if (r + 1 < rows && !Covers(horizontals, ys[r + 1], xs[c], xs[c + 1]))
                {
                    Union(parent, (r * columns) + c, ((r + 1) * columns) + c);
                }
            }
        }

        var cells = ImmutableArray.CreateBuilder<GridCell>();
        foreach (var group in Enumerable.Range(0, parent.Length).GroupBy(i => Find(parent, i)))
        {
            var top = group.Min(i => i / columns);
            var bottom = group.Max(i => i / columns);
            var left = group.Min(i => i % columns);
            var right = group.Max(i => i % columns);
            cells.Add(new GridCell(top, left, bottom - top + 1, right - left + 1, xs[left], ys[bottom + 1], xs[right + 1], ys[top]));
        }

        // A page break can cut some cells of a row and not others (a header cell two rows high whose lower row
        // went on to the next page): those edges of the table have no ruling where the rest have one.
        bool Open(GridCell cell, int line) => Enumerable.Range(cell.Column, cell.ColumnSpan).All(c => !Covers(horizontals, ys[line], xs[c], xs[c + 1]));
        var openAbove = openTop ? [] : cells.Where(c => c.Row == 0 && Open(c, 0)).ToImmutableHashSet();
        var openBelow = openBottom ? [] : cells.Where(c => c.Row + c.RowSpan == rows && Open(c, rows)).ToImmutableHashSet();
        return new TableGrid([.. xs], [.. ys], [.. cells.OrderBy(c => c.Row).ThenBy(c => c.Column)])
        {
            OpenTop = openTop,
            OpenBottom = openBottom,
            OpenAbove = openAbove.Count < cells.Count(c => c.Row == 0) ? openAbove : [],
            OpenBelow = openBelow.Count < cells.Count(c => c.Row + c.RowSpan == rows) ? openBelow : [],
        };
    }

    /// <summary>
    /// True when a ruling at <paramref name="at"/> covers the middle of the span from <paramref name="from"/> to <paramref name="to"/>.
    /// <paramref name="lines"/> are in order of position: only those within the snap distance of it are looked at.
    /// </summary>
    private bool Covers(List<Line> lines, double at, double from, double to)
    {
        var low = Math.Min(from, to);
        var high = Math.Max(from, to);
        var middle = (low + high) / 2;
        var quarter = (high - low) / 4;
        int first = 0, last = lines.Count;
        while (first < last)
        {
            var mid = (first + last) / 2;
            if (lines[mid].At < at - snap)
            {
                first = mid + 1;
            }
            else
            {
                last = mid;
            }
        }

        for (var i = first; i < lines.Count && lines[i].At <= at + snap; i++)
        {
            var line = lines[i];
            if (Math.Abs(line.At - at) <= snap && line.From <= middle - quarter + snap && line.To >= middle + quarter - snap)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first index whose value is at least <paramref name="value"/>.</summary>
    private static int LowerBound(double[] sorted, double value)
    {
        int first = 0, last = sorted.Length;
        while (first < last)
        {
            var mid = (first + last) / 2;
            if (sorted[mid] < value)
            {
                first = mid + 1;
            }
            else
            {
                last = mid;
            }
        }

        return first;
    }

    private bool Touch(Line horizontal, Line vertical) =>
        vertical.At >= horizontal.From - snap && vertical.At <= horizontal.To + snap
        && horizontal.At >= vertical.From - snap && horizontal.At <= vertical.To + snap;

    /// <summary>Joins collinear pieces of one line (drawn as several strokes) into maximal lines.</summary>
    private List<Line> Merge(IEnumerable<Line> lines)
    {
        var merged = new List<Line>();
        foreach (var group in ClusterBy(lines.ToList(), l => l.At))
        {
            var sorted = group.OrderBy(l => l.From).ToList();
            var current = sorted[0];
            var at = group.Average(l => l.At);
            foreach (var line in sorted.Skip(1))
            {
                if (line.From <= current.To + snap)
                {
                    current = current with { To = Math.Max(current.To, line.To) };
                }
                else
                {
                    merged.Add(current with { At = at });
                    current = line;
                }
            }

            merged.Add(current with { At = at });
        }

        return [.. merged.Where(l => l.To - l.From >= snap)];
    }

    private List<List<Line>> ClusterBy(List<Line> lines, Func<Line, double> key)
    {
        var groups = new List<List<Line>>();
        foreach (var line in lines.OrderBy(key))
        {
            if (groups.Count > 0 && key(line) - key(groups[^1][^1]) <= snap)
            {
                groups[^1].Add(line);
            }
            else
            {
                groups.Add([line]);
            }
        }

        return groups;
    }

    private List<double> Cluster(IEnumerable<double> positions)
    {
        var result = new List<double>();
        var group = new List<double>();
        foreach (var p in positions.Order())
        {
            if (group.Count > 0 && p - group[^1] > snap)
            {
                result.Add(group.Average());
                group.Clear();
            }

            group.Add(p);
        }

        if (group.Count > 0)
        {
            result.Add(group.Average());
        }

        return result;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb)
        {
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }

    /// <summary>A line along one axis: from/to along it, at the position across it.</summary>
    private readonly record struct Line(double From, double To, double At);
}
