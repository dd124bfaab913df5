using System.Collections.Immutable;
using Extractor.Domain;
using Extractor.Layout;
using Extractor.Text;

namespace Extractor.Assembly;

/// <summary>
/// Joins the two parts of a ruled row that a page break cut (the part at the foot of one page, open at
/// the bottom, and the rest at the head of the next, open at the top): each column's text is the two
/// parts' text joined, so that a name, a label or a header cell cut in two is whole again. Where the break
/// cut only some cells of a row (a header's cells two rows high, cut between the header's rows), only
/// those cells' rests are taken back (<see cref="MendCells"/>).
/// </summary>
internal static class CutRows
{
    /// <summary>
    /// True when <paramref name="top"/> (the last row of a page) and <paramref name="rest"/> (the first of
    /// the next) are the two parts of one row: the rulings leave the table open at the break, or, where a
    /// producer closes every page's part with a ruling, a label cell's two parts make a known 一级 or 二级
    /// name while neither part is one (产 | 出指标, 数 | 量指标) and the rest has no number of its own.
    /// </summary>
    public static bool AreOneRow(RowLine top, RowLine rest)
    {
        if (rest.Page <= top.Page)
        {
            return false;
        }

        if (top.CutBelow && rest.CutAbove)
        {
            return true;
        }

        // A label cell spans rows, so its parts alone do not say the row was cut: the rest must also hold no
        // number of its own (a row of its own has its points).
        if (rest.Cells.Any(c => CellKind.Of(c.Text) is { IsNumeric: true } or { IsNumericMeasure: true }))
        {
            return false;
        }

        static bool Known(string text) => Vocabulary.Level1Of(text) is not null || Vocabulary.Level2Of(text) is not null;
        var below = rest.Cells.ToDictionary(c => c.Column, c => c.Text);
        return top.Cells.Any(c => below.TryGetValue(c.Column, out var tail)
            && !Known(c.Text) && !Known(tail) && Known(WhitespaceRule.Join(c.Text, tail)));
    }

    /// <summary>The row made of <paramref name="top"/> and its rest <paramref name="rest"/>.</summary>
    public static RowLine Join(RowLine top, RowLine rest)
    {
        var columns = new SortedDictionary<int, RowCell>();
        foreach (var cell in top.Cells.Concat(rest.Cells))
        {
            columns[cell.Column] = columns.TryGetValue(cell.Column, out var first)
                ? first with { Text = WhitespaceRule.Join(first.Text, cell.Text), Boxes = first.Boxes.AddRange(cell.Boxes) }
                : cell;
        }

        var empty = top.EmptyCells.Intersect(rest.EmptyCells).Where(c => !columns.ContainsKey(c));
        return top with { Cells = [.. columns.Values], EmptyCells = [.. empty], CutBelow = rest.CutBelow };
    }

    /// <summary>
    /// <paramref name="lines"/> with the rests of cut cells taken back: where a line's cells are open at the
    /// bottom while others of the table are closed (<see cref="RowLine.OpenBelow"/>) and the first line of the
    /// next page has the same columns open at the top (or is open at the top all along), those cells' text there is joined to the cells' text
    /// on the page before, and the line at the top of the next page keeps only its own cells (dropped when
    /// none are left). A line of two rows is left whole: a row cut across is joined by <see cref="Join"/>.
    /// </summary>
    public static ImmutableArray<RowLine> MendCells(ImmutableArray<RowLine> lines)
    {
        if (lines.All(l => l.OpenBelow.IsEmpty))
        {
            return lines;
        }

        var result = lines.ToBuilder();
        for (var i = 0; i < result.Count; i++)
        {
            var line = result[i];
            if (line.OpenBelow.IsEmpty)
            {
                continue;
            }

            var next = i + 1;
            while (next < result.Count && result[next].Page == line.Page)
            {
                next++;
            }

            if (next == result.Count || result[next].Page != line.Page + 1)
            {
                continue;
            }

            var rest = result[next];
            var taken = line.OpenBelow.Where(c => rest.CutAbove || rest.OpenAbove.Contains(c)).Where(c => line.CellAt(c) is not null && rest.CellAt(c) is not null).ToHashSet();
            if (taken.Count == 0)
            {
                continue;
            }

            result[i] = line with
            {
                Cells = [.. line.Cells.Select(c => taken.Contains(c.Column) && rest.CellAt(c.Column) is { } tail
                    ? c with { Text = WhitespaceRule.Join(c.Text, tail.Text), Boxes = c.Boxes.AddRange(tail.Boxes) }
                    : c)],
            };
            var left = rest.Cells.Where(c => !taken.Contains(c.Column)).ToImmutableArray();
            if (left.IsEmpty)
            {
                result.RemoveAt(next);
            }
            else
            {
                result[next] = rest with { Cells = left, OpenAbove = [.. rest.OpenAbove.Where(c => !taken.Contains(c))] };
            }
        }

        return result.ToImmutable();
    }
}
