using System.Collections.Immutable;
using Extractor.Domain;
using Extractor.Grammar;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Text;
using Sprache;

using static Extractor.Assembly.Placement;

namespace Extractor.Assembly;

/// <summary>Places the 项目资金 block: its header (which columns hold what) and its rows.</summary>
internal static class FundsPlacer
{
    public static bool TryFundsHeader(FormBuilder form, RowLine line, LineFacts facts)
    {
        var header = RowGrammar.FundsHeaderRow.TryParse(facts.Text);
        if (!header.WasSuccessful)
        {
            var titleOnly = RowGrammar.FundsTitleRow.TryParse(facts.Text);
            if (!titleOnly.WasSuccessful)
            {
                return false;
            }

            form.Section = Section.Funds;
            form.FundsUnit ??= titleOnly.Value.Unit;
            return true;
        }

        form.Section = Section.Funds;
        var columns = header.Value.Columns;

        // A cell above the row labels may carry the block's unit (年度预算数(万元) beside 年初预算 …): it is the
        // label column's header, not a column of values, when a later column names the same field.
        var labelColumn = (int?)null;
        if (columns.Length > 1 && HeaderNames.UnitNote(columns[0].Text) is not null
            && columns.Skip(1).Any(c => c.Role == columns[0].Role && c.Role != ColumnRole.Unknown))
        {
            labelColumn = columns[0].Column;
        }

        form.FundsUnit ??= header.Value.Unit ?? columns.Select(c => HeaderNames.UnitNote(c.Text)).FirstOrDefault(u => u is not null);
        if (labelColumn is not null)
        {
            columns = columns[1..];
        }

        var map = ColumnMap.From(columns);
        var firstValue = columns.Where(c => c.Role != ColumnRole.Unknown).Min(c => c.Column);
        if (!map.Has(ColumnRole.FundLabel))
        {
            // The label column is the one just left of the first value column.
            map = map with { Columns = map.Columns.SetItem(ColumnRole.FundLabel, labelColumn ?? Math.Max(0, firstValue - 1)) };
        }

        form.FundsMap = map;

        return true;
    }

    public static void PlaceFundRow(FormBuilder form, RowLine line)
    {
        var map = form.FundsMap ?? ColumnMap.DefaultFunds;
        var cells = line.Cells;
        var alignment = RowAligner.Align(cells, map, ColumnRole.FundLabel);

        // Pieces of the block's label (项 | 目资金(元), 资金情况(万元 | )) left beside a row's own label: its unit
        // is the block's, the rest is no part of the row's label.
        var leading = alignment.Leading.ToList();
        while (leading.Count > 0 && Vocabulary.IsFundsTitlePiece(leading[0].Text)
            && (leading.Count > 1 || (alignment.Values.Count == 0 && form.PendingFundLabel is null)))
        {
            form.FundsUnit ??= leading[0].Text.Contains("万元", StringComparison.Ordinal) ? "万元"
                : leading[0].Text.Contains('元', StringComparison.Ordinal) ? "元" : null;
            leading.RemoveAt(0);
        }

        var label = WhitespaceRule.Join(leading.Select(c => c.Text));
        var hasValues = alignment.Values.Count > 0;

        // A row with every value cell blank is still a row when the grid drew its empty cells, or when its
        // label is a whole fund label of the family (其他资金); otherwise a label alone is the first line of
        // a label that wrapped.
        var blankRow = !hasValues && label.Length > 0 && form.PendingFundLabel is null
            && (!line.EmptyCells.IsEmpty || FundKeys.IsKnownLabel(label));
        if (!hasValues && !blankRow)
        {
            if (label.Length > 0)
            {
                // A label wrapped onto its own line: it prefixes the next fund row.
                form.PendingFundLabel = Join(form.PendingFundLabel, label);
                form.PendingFundSource = (form.PendingFundSource ?? Provenance.None).Merge(Provenance.Of(line, cells));
                form.PendingFundLine = line;
            }

            return;
        }

        if (form.PendingFundLabel is not null)
        {
            label = WhitespaceRule.Join(form.PendingFundLabel, label);
        }

        var values = alignment.Values.ToImmutableDictionary(v => v.Key, v => v.Value.Text);
        var source = Provenance.Of(line, cells.Except(alignment.Extra)).Merge(form.PendingFundSource ?? Provenance.None);
        form.PendingFundLabel = null;
        form.PendingFundSource = null;
        form.PendingFundLine = null;
        form.FundRows.Add(new AssembledFundRow(label, values, source)
        {
            Extra = alignment.ExtraValues.ToImmutableSortedDictionary(e => map.Extras[e.Key], e => e.Value.Text, StringComparer.Ordinal),
        });
        foreach (var extra in alignment.Extra)
        {
            form.Diagnostics.Add(Unplaced(line, extra.Text, "fund row cell outside the header's columns"));
        }
    }
}
