using System.Collections.Immutable;
using Extractor.Domain;
using Extractor.Layout;
using Extractor.Text;

namespace Extractor.Assembly;

/// <summary>
/// Joins the two parts of a ruled row that a page break cut (the part at the foot of one page, open at
/// the bottom, and the rest at the head of the next, open at the top): each column's text is the two
/// parts' text joined, so that a name, a label or a header cell cut in two is whole again.
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
}
