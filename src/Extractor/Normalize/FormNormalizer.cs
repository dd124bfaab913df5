using System.Collections.Immutable;
using Extractor.Assembly;
using Extractor.Model;
using Extractor.Domain;
using Extractor.Text;

namespace Extractor.Normalize;

/// <summary>
/// Turns an assembled form into the contract's records: amounts, percentages, points and measures
/// parsed from the printed text, fund keys assigned, checks run. A value that cannot be read as its
/// field's type is reported, never dropped.
/// </summary>
internal static class FormNormalizer
{
    /// <summary>Normalizes one form; diagnostics for values that could not be read go to <paramref name="diagnostics"/>.</summary>
    public static Form Normalize(AssembledForm form, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var reader = new ValueReader(diagnostics);

        var fundRows = form.FundRows.Select(row => new FundRow(
            row.Label,
            FundKeys.Of(row.Label),
            reader.Amount(row, ColumnRole.InitialBudget, "年初预算数"),
            reader.Amount(row, ColumnRole.AnnualBudget, "全年预算数"),
            reader.Amount(row, ColumnRole.Executed, "全年执行数"),
            reader.Points(row.Values, row.Source, ColumnRole.Weight, $"分值 of {row.Label}"),
            reader.Percent(row, ColumnRole.ExecutionRate, "执行率"),
            reader.Points(row.Values, row.Source, ColumnRole.Score, $"得分 of {row.Label}"),
            row.Source.ToRowSource()) { Extra = ExtraOf(row.Extra) }).Select(row => InYuan(row, form.FundsUnit)).ToImmutableArray();

        var indicators = form.Indicators.Select(indicator => new Indicator(
            indicator.Level1 ?? Vocabulary.ParentOf(indicator.Level2),
            indicator.Level2,
            indicator.Name,
            Target(indicator.Values),
            CellGrammar.ReadMeasure(indicator.Values.GetValueOrDefault(ColumnRole.Actual)),
            reader.Points(indicator.Values, indicator.Source, ColumnRole.Weight, $"分值 of '{indicator.Name}'"),
            reader.Points(indicator.Values, indicator.Source, ColumnRole.Score, $"得分 of '{indicator.Name}'"),
            Text(indicator.Values.GetValueOrDefault(ColumnRole.Reason)),
            indicator.Source.ToRowSource()) { Extra = ExtraOf(indicator.Extra) }).Select(i => i with { Met = TargetComparison.Met(i.Target, i.Actual) }).ToImmutableArray();

        var draft = new Form(
            form.Title,
            form.Year,
            form.ProjectName,
            form.SupervisingDepartment,
            form.ImplementingUnit,
            new Funds(form.FundsUnit, fundRows),
            new Goals(form.GoalExpected, form.GoalActual),
            indicators,
            new Total(form.TotalWeight, form.TotalScore),
            [],
            new FormSource(form.Pages))
        {
            YearSource = form.Year is null ? null : form.YearSource,
        };
        return draft with { Checks = AuditChecks.Run(draft, form.HasTotalRow) };
    }

    /// <summary>The target, rebuilt from 指标性质 / 指标值 / 度量单位 when the table splits it.</summary>
    private static Measure? Target(ImmutableDictionary<ColumnRole, string> values)
    {
        if (values.ContainsKey(ColumnRole.TargetValue) || values.ContainsKey(ColumnRole.TargetOperator) || values.ContainsKey(ColumnRole.TargetUnit))
        {
            var parts = new[] { ColumnRole.TargetOperator, ColumnRole.TargetValue, ColumnRole.TargetUnit }
                .Select(r => values.GetValueOrDefault(r))
                .Where(p => !string.IsNullOrEmpty(p) && !CellGrammar.IsPlaceholder(p));
            return CellGrammar.ReadMeasure(WhitespaceRule.Apply(string.Concat(parts)));
        }

        return CellGrammar.ReadMeasure(values.GetValueOrDefault(ColumnRole.Target));
    }

    /// <summary>The row with its amounts also in 元: × 10,000 in a block of 万元; null when the block names no unit.</summary>
    private static FundRow InYuan(FundRow row, string? unit)
    {
        decimal? factor = unit is not null && Vocabulary.YuanPerAmountUnit.TryGetValue(unit, out var f) ? f : null;
        return row with
        {
            InitialBudgetYuan = row.InitialBudget * factor,
            AnnualBudgetYuan = row.AnnualBudget * factor,
            ExecutedYuan = row.Executed * factor,
        };
    }

    private static string? Text(string? raw) => CellGrammar.IsBlank(raw) ? null : raw;

    /// <summary>The extra columns' cells, or null when there are none (the field is then omitted).</summary>
    private static ImmutableSortedDictionary<string, string>? ExtraOf(ImmutableSortedDictionary<string, string> extra) =>
        extra.IsEmpty ? null : extra;

    private sealed class ValueReader(ICollection<Diagnostic> diagnostics)
    {
        public decimal? Amount(AssembledFundRow row, ColumnRole role, string field) =>
            Read(row.Values, row.Source, role, $"{field} of {row.Label}", CellGrammar.ReadAmount);

        public decimal? Percent(AssembledFundRow row, ColumnRole role, string field) =>
            Read(row.Values, row.Source, role, $"{field} of {row.Label}", CellGrammar.ReadPercent);

        public decimal? Points(ImmutableDictionary<ColumnRole, string> values, Provenance source, ColumnRole role, string field) =>
            Read(values, source, role, field, CellGrammar.ReadPoints);

        private decimal? Read(ImmutableDictionary<ColumnRole, string> values, Provenance source, ColumnRole role, string field, Func<string?, decimal?> read)
        {
            var raw = values.GetValueOrDefault(role);
            if (CellGrammar.IsBlank(raw))
            {
                return null;
            }

            var value = read(raw);
            if (value is null)
            {
                diagnostics.Add(new Diagnostic(
                    DiagnosticCodes.UnplacedText,
                    Severity.Warning,
                    $"unplaced text: '{raw}' is not a number, so {field} is null",
                    source.Pages.IsEmpty ? null : source.Pages[0],
                    source.Lines.IsEmpty ? null : source.Lines[0],
                    raw));
            }

            return value;
        }
    }
}
