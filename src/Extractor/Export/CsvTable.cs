using System.Collections.Immutable;
using Extractor.Model;

namespace Extractor.Export;

/// <summary>One CSV export's shape: its header and the records an input gives (documented in docs/csv.md).</summary>
/// <param name="Columns">The header, in column order.</param>
/// <param name="Write">Writes the records of one converted input.</param>
internal sealed record CsvTable(ImmutableArray<string> Columns, Action<CsvRow, ExportItem> Write)
{
    /// <summary>One record per indicator. The columns after <c>source_lines</c> were added later and come last, so that older readers of the file keep their positions.</summary>
    public static CsvTable Indicators { get; } = new(
        [
            "path", "sha256", "formIndex", "title", "year", "projectName", "supervisingDepartment", "implementingUnit",
            "indicatorIndex", "level1", "level2", "name",
            "target_raw", "target_operator", "target_value", "target_unit", "target_text",
            "actual_raw", "actual_operator", "actual_value", "actual_unit", "actual_text",
            "weight", "score", "deviationReason", "source_pages", "source_lines",
            "relPath", "met", "yearSource", "status",
        ],
        (row, item) =>
        {
            var document = item.Document;
            for (var f = 0; f < document.Forms.Length; f++)
            {
                var form = document.Forms[f];
                for (var i = 0; i < form.Indicators.Length; i++)
                {
                    var indicator = form.Indicators[i];
                    row.Text(document.Source.Path);
                    row.Text(document.Source.Sha256);
                    row.Number(f);
                    row.Text(form.Title);
                    row.Number(form.Year);
                    row.Text(form.ProjectName);
                    row.Text(form.SupervisingDepartment);
                    row.Text(form.ImplementingUnit);
                    row.Number(i);
                    row.Text(indicator.Level1);
                    row.Text(indicator.Level2);
                    row.Text(indicator.Name);
                    row.Measure(indicator.Target);
                    row.Measure(indicator.Actual);
                    row.Number(indicator.Weight);
                    row.Number(indicator.Score);
                    row.Text(indicator.DeviationReason);
                    row.List(indicator.Source.Pages);
                    row.List(indicator.Source.Lines);
                    row.Text(item.RelativePath);
                    row.Flag(indicator.Met);
                    row.Text(form.YearSource);
                    row.Text(document.Status);
                    row.End();
                }
            }
        });

    /// <summary>One record per fund row, amounts as printed and in 元.</summary>
    public static CsvTable FundRows { get; } = new(
        [
            .. FormColumns,
            "funds_unit", "rowIndex", "label", "key", "initialBudget", "annualBudget", "executed", "weight",
            "executionRatePercent", "score", "initialBudgetYuan", "annualBudgetYuan", "executedYuan", "source_pages", "source_lines",
        ],
        (row, item) =>
        {
            var document = item.Document;
            for (var f = 0; f < document.Forms.Length; f++)
            {
                var form = document.Forms[f];
                for (var r = 0; r < form.Funds.Rows.Length; r++)
                {
                    var fund = form.Funds.Rows[r];
                    FormFields(row, item, f);
                    row.Text(form.Funds.Unit);
                    row.Number(r);
                    row.Text(fund.Label);
                    row.Text(fund.Key);
                    row.Number(fund.InitialBudget);
                    row.Number(fund.AnnualBudget);
                    row.Number(fund.Executed);
                    row.Number(fund.Weight);
                    row.Number(fund.ExecutionRatePercent);
                    row.Number(fund.Score);
                    row.Number(fund.InitialBudgetYuan);
                    row.Number(fund.AnnualBudgetYuan);
                    row.Number(fund.ExecutedYuan);
                    row.List(fund.Source.Pages);
                    row.List(fund.Source.Lines);
                    row.End();
                }
            }
        });

    /// <summary>One record per check of a form.</summary>
    public static CsvTable Checks { get; } = new(
        [.. FormColumns, "checkIndex", "code", "severity", "message", "checkPath", "expected", "found"],
        (row, item) =>
        {
            var document = item.Document;
            for (var f = 0; f < document.Forms.Length; f++)
            {
                var form = document.Forms[f];
                for (var c = 0; c < form.Checks.Length; c++)
                {
                    var check = form.Checks[c];
                    FormFields(row, item, f);
                    row.Number(c);
                    row.Text(check.Code);
                    row.Text(check.Severity.ToString().ToLowerInvariant());
                    row.Text(check.Message);
                    row.Text(check.Path);
                    row.Number(check.Expected);
                    row.Number(check.Found);
                    row.End();
                }
            }
        });

    /// <summary>The document's and the form's columns that begin the fund-row and check files.</summary>
    private static ImmutableArray<string> FormColumns =>
        ["relPath", "path", "sha256", "status", "formIndex", "title", "year", "yearSource", "projectName", "supervisingDepartment", "implementingUnit"];

    private static void FormFields(CsvRow row, ExportItem item, int index)
    {
        var document = item.Document;
        var form = document.Forms[index];
        row.Text(item.RelativePath);
        row.Text(document.Source.Path);
        row.Text(document.Source.Sha256);
        row.Text(document.Status);
        row.Number(index);
        row.Text(form.Title);
        row.Number(form.Year);
        row.Text(form.YearSource);
        row.Text(form.ProjectName);
        row.Text(form.SupervisingDepartment);
        row.Text(form.ImplementingUnit);
    }
}
