using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Extractor.Model;

namespace Extractor.Review;

/// <summary>
/// The rows of a document that the review page draws: every fund row and indicator, with its JSON path, its
/// values, and the checks and low-confidence diagnostics that point at it.
/// </summary>
internal static class ReviewRows
{
    /// <summary>The document's rows in reading order.</summary>
    public static ImmutableArray<ReviewRow> Of(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var rows = ImmutableArray.CreateBuilder<ReviewRow>();
        for (var f = 0; f < document.Forms.Length; f++)
        {
            var form = document.Forms[f];
            for (var r = 0; r < form.Funds.Rows.Length; r++)
            {
                var row = form.Funds.Rows[r];
                var values = Join(
                    Pair("全年预算数", Number(row.AnnualBudget)),
                    Pair("全年执行数", Number(row.Executed)),
                    Pair("执行率", row.ExecutionRatePercent is { } rate ? Number(rate) + "%" : null),
                    Pair("分值", Number(row.Weight)),
                    Pair("得分", Number(row.Score)));
                var detail = Lines(
                    Pair("label", row.Label),
                    Pair("key", row.Key),
                    Pair("年初预算数", Number(row.InitialBudget)),
                    Pair("全年预算数", Number(row.AnnualBudget)),
                    Pair("全年执行数", Number(row.Executed)),
                    Pair("执行率", row.ExecutionRatePercent is { } p ? Number(p) + "%" : null),
                    Pair("分值", Number(row.Weight)),
                    Pair("得分", Number(row.Score)),
                    Extra(row.Extra));
                rows.Add(Row(document, f, $"/funds/rows/{r}", $"forms[{f}].funds.rows[{r}]", $"f{f}-r{r}", row.Label, values, detail, row.Source));
            }

            for (var i = 0; i < form.Indicators.Length; i++)
            {
                var indicator = form.Indicators[i];
                var values = Join(
                    Pair("目标", indicator.Target?.Raw),
                    Pair("实际", indicator.Actual?.Raw),
                    Pair("分值", Number(indicator.Weight)),
                    Pair("得分", Number(indicator.Score)));
                var detail = Lines(
                    Pair("一级指标", indicator.Level1),
                    Pair("二级指标", indicator.Level2),
                    Pair("三级指标", indicator.Name),
                    Pair("年度指标值", indicator.Target?.Raw),
                    Pair("实际完成值", indicator.Actual?.Raw),
                    Pair("分值", Number(indicator.Weight)),
                    Pair("得分", Number(indicator.Score)),
                    Pair("met", indicator.Met is { } met ? (met ? "true" : "false") : null),
                    Pair("偏差原因", indicator.DeviationReason),
                    Extra(indicator.Extra));
                rows.Add(Row(document, f, $"/indicators/{i}", $"forms[{f}].indicators[{i}]", $"f{f}-i{i}", indicator.Name, values, detail, indicator.Source));
            }
        }

        return rows.ToImmutable();
    }

    /// <summary>A JSON pointer (<c>/forms/0/indicators/3/actual</c>) as a path of the page (<c>forms[0].indicators[3].actual</c>).</summary>
    public static string PathOf(string pointer)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        var path = new StringBuilder();
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                path.Append('[').Append(segment).Append(']');
            }
            else
            {
                path.Append(path.Length > 0 ? "." : string.Empty).Append(segment);
            }
        }

        return path.ToString();
    }

    /// <summary>A number as printed in the JSON (invariant, no exponent).</summary>
    public static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static ReviewRow Row(Document document, int form, string pointer, string path, string anchor, string label, string values, string detail, RowSource source)
    {
        var marks = new SortedSet<string>(StringComparer.Ordinal);
        var notes = ImmutableArray.CreateBuilder<string>();
        foreach (var check in document.Forms[form].Checks.Where(c => Concerns(c.Path, pointer)))
        {
            marks.Add(check.Severity switch
            {
                Severity.Error => "check-error",
                Severity.Warning => "check-warning",
                _ => "check-info",
            });
            notes.Add($"{check.Code}: {check.Message}");
        }

        var documentPointer = $"/forms/{form}{pointer}";
        foreach (var diagnostic in document.Diagnostics.Where(d => d.Path is not null && Concerns(d.Path, documentPointer)))
        {
            if (diagnostic.Code == DiagnosticCodes.OcrLowConfidence)
            {
                marks.Add("low-confidence");
            }

            notes.Add($"{diagnostic.Code}: {diagnostic.Message}");
        }

        if (source.Confidence is { } confidence)
        {
            detail += string.Create(CultureInfo.InvariantCulture, $"\nOCR confidence: {confidence:0.00}");
        }

        return new ReviewRow(path, anchor, label, values, detail, source, [.. marks], notes.ToImmutable());
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="row"/> or a field inside it.</summary>
    private static bool Concerns(string path, string row) =>
        path.Length >= row.Length && path.StartsWith(row, StringComparison.Ordinal) && (path.Length == row.Length || path[row.Length] == '/');

    private static string? Pair(string name, string? value) => value is null ? null : $"{name} {value}";

    private static string? Extra(ImmutableSortedDictionary<string, string>? extra) =>
        extra is null || extra.Count == 0 ? null : string.Join('\n', extra.Select(e => $"{e.Key}: {e.Value}"));

    private static string Join(params string?[] parts) => string.Join(" · ", parts.Where(p => p is not null));

    private static string Lines(params string?[] parts) => string.Join('\n', parts.Where(p => p is not null));
}
