using System.Collections.Immutable;
using Extractor.Domain;
using Extractor.Grammar;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Text;
using Sprache;

using static Extractor.Assembly.Placement;

namespace Extractor.Assembly;

/// <summary>
/// Places the indicator table: its header, each row's 一级/二级 labels and values, and the pieces of rows
/// that wrapping or a page break cut.
/// </summary>
internal static class IndicatorPlacer
{
    public static void StartIndicators(FormBuilder form, RowLine line, IndicatorHeaderRow header, bool afterHeader)
    {
        var map = ColumnMap.From(header.Columns);
        if (afterHeader && form.IndicatorMap is not null)
        {
            // A header over two rows (年度指标值 over 指标性质 / 指标值 / 度量单位, 绩效指标 over 一级 / 二级 /
            // 三级): the lower row names the columns under the upper one's groups.
            form.IndicatorMap = form.IndicatorMap.With(map).Settled();
        }
        else if (form.Section != Section.Indicators || form.IndicatorMap is null)
        {
            form.IndicatorMap = map.Settled();
        }
        else
        {
            // A header repeated on a new page: same table, keep rows; adopt its columns (the page may shift them).
            form.IndicatorMap = map.Columns.Count >= form.IndicatorMap.Columns.Count ? map.Settled() : form.IndicatorMap;
        }

        form.LastWasHeader = true;
        form.Section = Section.Indicators;
        foreach (var label in header.Labels)
        {
            if (Vocabulary.Level1Of(label.Value) is { } level1)
            {
                form.ApplyLevel1(level1);
            }
        }

    }

    /// <summary>
    /// True when <paramref name="lines"/>[<paramref name="index"/>] and every line after it on its page hold
    /// only 一级/二级 labels (or pieces of them, points notes, the table's label) and another page follows: a
    /// merged label cell that a page break cut, its text printed at the foot of the page below the rows it
    /// labels (a spreadsheet centres it over the whole merged range and the page shows its part).
    /// </summary>
    public static bool LabelsAtFoot(ImmutableArray<RowLine> lines, int index)
    {
        var page = lines[index].Page;
        var i = index;
        for (; i < lines.Length && lines[i].Page == page; i++)
        {
            if (lines[i].Cells.IsEmpty || !lines[i].Cells.All(c => IsLabelPiece(c.Text)))
            {
                return false;
            }
        }

        return i < lines.Length;
    }

    /// <summary>Characters of a label that make no label, whole or begun (象满意度指, 响): neither 满意度指标 nor 可持续.</summary>
    private static bool IsBrokenLabel(string text) =>
        Vocabulary.IsLabelCharacters(text) && Vocabulary.Level1Of(text) is null && Vocabulary.Level2Of(text) is null
        && !Vocabulary.IsTableLabel(text) && Vocabulary.CompleteLabel(text.Trim()) is null;

    /// <summary>A label, whole, begun or broken, a points note or the table's label: what a foot line may hold.</summary>
    private static bool IsLabelPiece(string text)
    {
        var bare = Vocabulary.StripPointsNote(text);
        return bare.Length == 0 || Vocabulary.Level1Of(text) is not null || Vocabulary.Level2Of(text) is not null
            || Vocabulary.IsTableLabel(text) || Vocabulary.IsTableLabelPiece(text) || Vocabulary.IsPointsNoteTail(text)
            || Vocabulary.CompleteLabel(bare) is not null || Vocabulary.IsLabelCharacters(text);
    }

    public static void PlaceIndicatorLine(FormBuilder form, RowLine line, bool firstOnPage, bool labelsAtFoot = false)
    {
        var map = form.IndicatorMap ?? ColumnMap.DefaultIndicators;
        if (labelsAtFoot && map[ColumnRole.Name] is { } nameColumn
            && line.Cells.Where(c => c.Column < nameColumn && IsBrokenLabel(c.Text)).ToList() is { Count: > 0 } pieces)
        {
            // Characters of a label at the foot of a page (产, 响 | 指, 象满意度指): no start of the next row's name.
            form.Diagnostics.Add(new Diagnostic(DiagnosticCodes.UnplacedText, Severity.Info, "pieces of a label at the foot of a page", line.Page, line.Number, string.Join(' ', pieces.Select(c => c.Text))));
            if (pieces.Count == line.Cells.Length)
            {
                return;
            }

            line = line with { Cells = [.. line.Cells.Except(pieces)] };
        }

        string? level1 = null;
        string? level2 = null;
        var rest = new List<RowCell>();
        var labelColumn = map[ColumnRole.Level2] ?? map[ColumnRole.Level1] ?? -1;
        foreach (var cell in line.Cells)
        {
            // The label of the whole table (绩效指标, 年度绩效目标(80分)), or a piece of it a page break cut.
            if (Vocabulary.IsTableLabel(cell.Text)
                || (map[ColumnRole.Level1] is { } tableStart && cell.Column < tableStart && Vocabulary.IsTableLabelPiece(cell.Text)))
            {
                continue;
            }

            if (Vocabulary.Level1Of(cell.Text) is { } l1 && level1 is null)
            {
                level1 = l1;
                continue;
            }

            // 成本指标 in the 一级 column with a 二级 beside it is a 一级 of its own (the 2021 central template:
            // 成本指标 over 经济成本指标 …); elsewhere it is a 二级 of 产出指标.
            if (level1 is null && map[ColumnRole.Level1] is { } c1 && cell.Column == c1
                && Vocabulary.StripPointsNote(cell.Text) == Vocabulary.Cost && HasLevel2After(line, cell))
            {
                level1 = Vocabulary.Cost;
                continue;
            }

            if (Vocabulary.Level2Of(cell.Text) is { } l2 && level2 is null)
            {
                level2 = l2;
                continue;
            }

            // In the label columns, the halves of a label cell that a page break cut.
            if (cell.Column <= labelColumn)
            {
                // The tail of a label (标, 响指标, 标（20分）) or of its points note (分)) alone, at the top of the next page.
                var bare = Vocabulary.StripPointsNote(cell.Text);
                if (bare.Length == 0 || Vocabulary.IsPointsNoteTail(bare) || form.TryExtendLabel(bare) || form.IsTailOfLabel(bare))
                {
                    continue;
                }

                // The head of a cut label (可持续影 → 可持续影响指标), beside the row's other cells or alone at a
                // page's foot; a label in the form's own words (经济效益) is left as printed.
                if ((cell != line.Cells[^1] || line.Cells.Length == 1) && Vocabulary.CompleteLabel(bare) is { } completed
                    && (completed.Level1 is not null || completed.Level2![bare.Length..] != "指标" || !IsCategoryText(bare)))
                {
                    level1 ??= completed.Level1;
                    level2 ??= completed.Level2;
                    if (completed.Level1 is not null || completed.Level2 is not null)
                    {
                        continue;
                    }
                }

                // A 二级 in the form's own words (经济效益, 质量) in the 二级 column, beside other cells.
                if (level2 is null && cell.Column == labelColumn && map[ColumnRole.Level2] is not null && cell != line.Cells[^1] && bare.Length <= 6 && IsCategoryText(bare))
                {
                    level2 = bare;
                    continue;
                }
            }

            rest.Add(cell);
        }

        form.LabelCarriedOver(level1, level2, firstOnPage);
        if (rest.Count == 0)
        {
            if (labelsAtFoot)
            {
                form.LabelAtFoot(level1, level2);
            }

            form.ApplyLabels(level1, level2);
            return;
        }

        if (rest.All(c => Vocabulary.IsTemplateResidue(c.Text) || CellGrammar.IsPlaceholder(c.Text)))
        {
            // A template row left unfilled (指标1：, ……, -, 指标1：/ marked not applicable): no indicator, and
            // not the start of the next one's name. Its labels still open their group.
            form.ApplyLabels(level1, level2);
            form.Diagnostics.Add(Residue(line, rest));
            return;
        }

        var alignment = RowAligner.Align(rest, map, ColumnRole.Name);
        var anchored = IsAnchored(alignment) || (!firstOnPage && IsWholeRuledRow(line, map, alignment));
        if (!anchored)
        {
            PlaceFragment(form, line, rest, level1, level2, firstOnPage, map);
            form.EmptyLabelCells(line, map, level1, level2, firstOnPage);
            return;
        }

        form.ApplyLabels(level1, level2);
        form.EmptyLabelCells(line, map, level1, level2, firstOnPage);

        // Cells left of the values: the last is the name; one before it is an unlisted 二级 label.
        var leading = alignment.Leading;
        var nameCells = leading;
        if (leading.Length >= 2 && level2 is null)
        {
            var candidate = leading[^2];
            if (IsCategoryText(candidate.Text) || leading.Length == 2)
            {
                form.ApplyLabels(null, candidate.Text);
                nameCells = [leading[^1]];
                foreach (var early in leading.Take(leading.Length - 2))
                {
                    form.Diagnostics.Add(Unplaced(line, early.Text, "text left of the indicator name"));
                }
            }
        }

        var draft = new IndicatorDraft(form.Level1, form.Level2);
        if (form.Pending is { } pending)
        {
            draft.Absorb(pending);
            form.Pending = null;
        }

        draft.AddName(WhitespaceRule.Join(nameCells.Select(c => c.Text)));
        foreach (var (role, cell) in alignment.Values)
        {
            draft.AddValue(role, cell.Text);
        }

        foreach (var (column, cell) in alignment.ExtraValues)
        {
            draft.AddExtra(map.Extras[column], cell.Text);
        }

        draft.Source = draft.Source.Merge(Provenance.Of(line, rest.Except(alignment.Extra)));
        form.Indicators.Add(draft);
        foreach (var extra in alignment.Extra)
        {
            form.Diagnostics.Add(Unplaced(line, extra.Text, "indicator cell outside the header's columns"));
        }
    }

    /// <summary>
    /// A row that stands on its own: points in 分值/得分, or a name with a target or an actual (tables without
    /// 分值/得分, and rows under a merged 分值 such as the 其中… parts of a ★ indicator).
    /// </summary>
    private static bool IsAnchored(Alignment alignment)
    {
        var points = alignment.Values.Where(v => v.Key is ColumnRole.Weight or ColumnRole.Score)
            .Any(v => CellKind.Of(v.Value.Text).IsPoints);
        var measure = alignment.Values.Keys.Any(r => r is ColumnRole.Target or ColumnRole.Actual or ColumnRole.TargetValue);
        return points || (measure && !alignment.Leading.IsEmpty && alignment.Extra.IsEmpty);
    }

    /// <summary>
    /// A ruled row whose value cells are drawn but empty (a name with nothing filled in): a row of its own,
    /// not a piece of the next. At the top of a page this says nothing, as a cut row's rest is drawn so too.
    /// </summary>
    private static bool IsWholeRuledRow(RowLine line, ColumnMap map, Alignment alignment) =>
        !alignment.Leading.IsEmpty && alignment.Values.Count == 0 && alignment.Extra.IsEmpty
        && new[] { ColumnRole.Target, ColumnRole.Actual, ColumnRole.TargetValue }
            .Any(r => map[r] is { } column && line.EmptyCells.Contains(column));

    private static bool HasLevel2After(RowLine line, RowCell cell) =>
        line.Cells.SkipWhile(c => c != cell).Skip(1).FirstOrDefault() is { } next
        && Vocabulary.Level2Of(next.Text) is { } known && known != Vocabulary.Cost;

    private static Diagnostic Residue(RowLine line, IEnumerable<RowCell> cells) =>
        new(DiagnosticCodes.UnplacedText, Severity.Info, "template row left unfilled (no indicator)", line.Page, line.Number, string.Join(' ', cells.Select(c => c.Text)));

    public static bool IsCategoryText(string text) =>
        text.Length <= 16 && (text.EndsWith("指标", StringComparison.Ordinal) || Vocabulary.ParentOf(text) is not null);

    private static void PlaceFragment(FormBuilder form, RowLine line, List<RowCell> cells, string? level1, string? level2, bool firstOnPage, ColumnMap map)
    {
        var nameColumn = map[ColumnRole.Name] ?? 0;

        // A lone short "…指标" text left of the name column is a category whose name is not in the vocabulary.
        if (cells.Count == 1 && cells[0].Column < nameColumn && IsCategoryText(cells[0].Text) && level2 is null)
        {
            form.ApplyLabels(level1, cells[0].Text);
            return;
        }

        var fragment = new IndicatorDraft(null, null);
        var roles = map.Columns.Keys.Where(r => r is not (ColumnRole.Level1 or ColumnRole.Level2)).ToList();
        foreach (var cell in cells)
        {
            if (cell.Column > nameColumn && map.Extras.TryGetValue(cell.Column, out var header))
            {
                fragment.AddExtra(header, cell.Text);
                continue;
            }

            var role = cell.Column <= nameColumn ? ColumnRole.Name : map.Nearest(cell.Column, roles);
            if (role == ColumnRole.Name)
            {
                fragment.AddName(cell.Text);
            }
            else
            {
                fragment.AddValue(role, cell.Text);
            }
        }

        fragment.Source = Provenance.Of(line, cells);

        // First on its page with nothing waiting: the rest of the row the page break cut.
        if (firstOnPage && form.Pending is null && form.Indicators.Count > 0 && level1 is null && level2 is null
            && form.Indicators[^1].Source.Pages.Max() < line.Page)
        {
            form.Indicators[^1].Absorb(fragment);
            return;
        }

        // Otherwise it waits for the row that completes it; labels on it belong to that row.
        form.ApplyLabels(level1, level2);
        if (form.Pending is null)
        {
            form.Pending = fragment;
        }
        else
        {
            form.Pending.Absorb(fragment);
        }
    }
}
