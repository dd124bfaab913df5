using System.Collections.Immutable;
using Extractor.Domain;
using Extractor.Model;
using Extractor.Sources;
using Extractor.Text;

namespace Extractor.Layout;

/// <summary>The columns of a table without rulings: the header's, those left of it, and the gutters between them.</summary>
internal static class StreamColumns
{
    /// <summary>
    /// The zone's columns: the header's, plus columns left of the header found where the glyphs leave an
    /// empty strip (row labels, a block label); each column's extent runs to the emptiest strip between its
    /// neighbours' centres.
    /// </summary>
    public static List<StreamColumn> Columns(List<Glyph> glyphs, StreamZone zone, LayoutOptions options)
    {
        var columns = zone.Columns.ToList();
        var firstLeft = columns[0].Left;
        var left = new List<StreamColumn>();
        foreach (var (from, to) in Covered(glyphs.Where(g => g.Left < firstLeft - 1), options))
        {
            // A strip that runs on into the header's first column is that column's own text.
            if (to < firstLeft - 1)
            {
                left.Add(new StreamColumn(from, to, ColumnRole.Unknown, false));
            }
        }

        if (left.Count >= 2 || (left.Count == 1 && columns.All(c => c.Role is ColumnRole.GoalExpected or ColumnRole.GoalActual or ColumnRole.Unknown)))
        {
            // The outermost column is a block label (项目资金, 年度总体目标) spanning the rows beside it.
            left[0] = left[0] with { Spanning = true };
        }

        columns.InsertRange(0, left);

        // Each boundary lies where the fewest glyphs stand, between the two columns' centres.
        var result = new List<StreamColumn>();
        var previous = double.NegativeInfinity;
        for (var i = 0; i < columns.Count; i++)
        {
            var right = double.PositiveInfinity;
            if (i + 1 < columns.Count)
            {
                right = Gutter(glyphs, (columns[i].Left + columns[i].Right) / 2, (columns[i + 1].Left + columns[i + 1].Right) / 2, options.GutterStep);
            }

            result.Add(columns[i] with { Left = previous, Right = right });
            previous = right;
        }

        return result;
    }

    /// <summary>The x-intervals covered by glyphs, split where an empty strip at least 2 points wide runs through.</summary>
    public static List<(double From, double To)> Covered(IEnumerable<Glyph> glyphs, LayoutOptions options)
    {
        var intervals = new List<(double From, double To)>();
        foreach (var g in glyphs.OrderBy(g => g.Left))
        {
            if (intervals.Count > 0 && g.Left <= intervals[^1].To + options.StripWidth)
            {
                intervals[^1] = (intervals[^1].From, Math.Max(intervals[^1].To, g.Right));
            }
            else
            {
                intervals.Add((g.Left, g.Right));
            }
        }

        return intervals;
    }

    /// <summary>
    /// Where between two column centres the fewest glyphs stand (the middle of the widest such stretch):
    /// a coverage count over half-point steps, built once from the glyphs that reach into the span.
    /// </summary>
    public static double Gutter(List<Glyph> glyphs, double from, double to, double step)
    {
        if (to - from < 2)
        {
            return (from + to) / 2;
        }

        var steps = (int)Math.Ceiling((to - from) / step);
        var delta = new int[steps + 2];
        foreach (var g in glyphs)
        {
            if (g.Right <= from || g.Left >= to)
            {
                continue;
            }

            // Steps x = from + (i + 1) · step with Left < x < Right.
            var first = Math.Max(0, (int)Math.Floor((g.Left - from) / step));
            var last = Math.Min(steps - 1, (int)Math.Ceiling((g.Right - from) / step) - 2);
            if (first <= last)
            {
                delta[first]++;
                delta[last + 1]--;
            }
        }

        var bestCount = int.MaxValue;
        var bestStart = 0;
        var bestEnd = 0;
        var runStart = 0;
        var runCount = -1;
        var count = 0;
        for (var i = 0; i < steps - 1; i++)
        {
            count += delta[i];
            if (count != runCount)
            {
                runStart = i;
                runCount = count;
            }

            if (count < bestCount || (count == bestCount && i - runStart > bestEnd - bestStart))
            {
                bestCount = count;
                bestStart = runStart;
                bestEnd = i;
            }
        }

        return from + ((bestStart + bestEnd + 2) * step / 2);
    }

    public static int ColumnOf(List<StreamColumn> columns, double x)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (x < columns[i].Right)
            {
                return i;
            }
        }

        return columns.Count - 1;
    }
}
