using System.Collections.Immutable;
using Extractor.Domain;
using Extractor.Grammar;
using Extractor.Layout;
using Extractor.Text;
using Sprache;

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
        if (rest.Cells.Any(c => IsFigure(c.Text)))
        {
            return false;
        }

        var below = rest.Cells.ToDictionary(c => c.Column, c => c.Text);
        return top.Cells.Any(c => below.TryGetValue(c.Column, out var tail)
            && !IsKnownLabel(c.Text) && !IsKnownLabel(tail) && IsKnownLabel(WhitespaceRule.Join(c.Text, tail)));
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
    /// <paramref name="lines"/> with the rests of cut cells taken back. Where a line's cells are open at the
    /// bottom while others of the table are closed (<see cref="RowLine.OpenBelow"/>) and the first line of the
    /// next page has the same columns open at the top (or is open at the top all along), those cells' text
    /// there is joined to the cells' text on the page before. Where a producer closes each page's part of a
    /// row it split (<see cref="IsSplitRow"/>), the cells of the part at the head of the next page whose
    /// column has text at the foot of the page before are joined to it. The line at the top of the next page
    /// keeps only its other cells (dropped when none are left). A row cut across, open at both sides of the
    /// break, is joined by <see cref="Join"/>.
    /// </summary>
    public static ImmutableArray<RowLine> MendCells(ImmutableArray<RowLine> lines)
    {
        if (lines.All(l => l.OpenBelow.IsEmpty && l.FullToFoot.IsEmpty))
        {
            return lines;
        }

        var result = lines.ToBuilder();
        for (var i = 0; i < result.Count; i++)
        {
            var line = result[i];
            if (line.OpenBelow.IsEmpty && line.FullToFoot.IsEmpty)
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
            var taken = line.OpenBelow.Where(c => rest.CutAbove || rest.OpenAbove.Contains(c)).ToHashSet();
            if (taken.Count == 0 && next == i + 1 && IsSplitRow(line, rest))
            {
                taken = [.. rest.Cells.Select(c => c.Column).Where(c => line.CellAt(c) is not null)];
            }

            // A figure is whole in its cell: two figures are two rows' (a scan's rulings broken at a page's edge
            // can leave cells open that a break did not cut).
            taken.RemoveWhere(c => line.CellAt(c) is not { } head || rest.CellAt(c) is not { } tail || BreaksLabel(head.Text, tail.Text)
                || (IsFigure(head.Text) && IsFigure(tail.Text)));
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

    /// <summary>
    /// True when <paramref name="rest"/>, the first row of a table at the head of a page, is the rest of
    /// <paramref name="top"/>, the last row of the page before, though rulings close both parts (a word
    /// processor splitting a row over two pages): every cell of the rest whose column has text in
    /// <paramref name="top"/> continues a cell of it whose text runs down to its cell's bottom, the rest has no
    /// number (a row's points and figures fit on its first part: a row of its own has them), no header, whole
    /// label or template residue, and <paramref name="top"/> has a number in a column the rest leaves empty; or,
    /// where <paramref name="top"/> is the indicator table's header, every cell of the rest makes a header word of
    /// the cell above whole.
    /// </summary>
    internal static bool IsSplitRow(RowLine top, RowLine rest)
    {
        if (!rest.TableHead || top.FullToFoot.IsEmpty || rest.Page != top.Page + 1 || top.CutBelow || rest.CutAbove)
        {
            return false;
        }

        // A row's points and figures fit on its first part (a row of its own has them), and a cell of the rest under
        // an empty one of the part before can only be the tail of a label (社会效益 | 指标).
        if (rest.Cells.Any(c => IsFigure(c.Text) || (top.CellAt(c.Column) is null && c.Text.Length > MaxLabelTail)))
        {
            return false;
        }

        var continued = rest.Cells.Where(c => top.CellAt(c.Column) is not null).ToList();
        if (continued.Count == 0 || !continued.All(c => top.FullToFoot.Contains(c.Column)))
        {
            return false;
        }

        // The indicator table's header split the same way: the rest holds the tails of its words (一级指 | 标,
        // 偏差原因 | 分析及改进措施), each making a header word whole, and no header of its own (指标性质 | 指标值
        // under 年度指标值 is the header's second row: 年度指标值指标性质 is no header word).
        if (IsIndicatorHeader(top))
        {
            return continued.All(c => CompletesHeaderWord(top.CellAt(c.Column)!.Text, c.Text))
                && !IsIndicatorHeader(rest) && IsIndicatorHeader(Join(top, rest));
        }

        // A header row at the head of the page (年初设定目标 | 年度总体目标完成情况综述) is a row of its own, and so is one
        // holding a whole label (其他资金, a 满意度指标 a spreadsheet prints again on each page) or a template's
        // residue (……).
        return top.Cells.Any(c => IsFigure(c.Text) && rest.CellAt(c.Column) is null)
            && !rest.Cells.Any(c => HeaderNames.IndicatorColumn(c.Text) != ColumnRole.Unknown || HeaderNames.GoalsColumn(c.Text) != ColumnRole.Unknown
                || HeaderNames.FundColumn(c.Text) != ColumnRole.Unknown || IsKnownLabel(c.Text) || FundKeys.IsKnownLabel(c.Text) || Vocabulary.IsTemplateResidue(c.Text));
    }

    private static bool CompletesHeaderWord(string head, string tail)
    {
        var joined = WhitespaceRule.Join(head, tail);
        return HeaderNames.IndicatorColumn(joined) != ColumnRole.Unknown || Vocabulary.IsTableLabel(joined);
    }

    private static bool IsFigure(string text) => CellKind.Of(text) is { IsNumeric: true } or { IsNumericMeasure: true };

    private static bool IsIndicatorHeader(RowLine line) => RowGrammar.IndicatorHeaderRow.TryParse(line.ToTabText()).WasSuccessful;

    /// <summary>The most characters of a label's tail at the head of a page, its start on the row above (效益 | 指标, 满意 | 度指标).</summary>
    private const int MaxLabelTail = 3;

    /// <summary>
    /// True when joining <paramref name="tail"/> to <paramref name="head"/> would break a label the head begins:
    /// 可持续 stands for 可持续影响指标 as it is (<see cref="Vocabulary.CompleteLabel"/>), 可持续 + 标 for nothing.
    /// </summary>
    private static bool BreaksLabel(string head, string tail) =>
        Vocabulary.CompleteLabel(head) is not null && !IsKnownLabel(WhitespaceRule.Join(head, tail));

    /// <summary>True for a known 一级 or 二级 name.</summary>
    private static bool IsKnownLabel(string text) => Vocabulary.Level1Of(text) is not null || Vocabulary.Level2Of(text) is not null;
}
