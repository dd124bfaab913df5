using System.Collections.Immutable;
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
