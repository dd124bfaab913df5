using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Sources;
using Extractor.Sources.Ocr;

namespace Extractor.Conversion;

/// <summary>
/// Lets the arithmetic checks choose between OCR's readings of a number cell. When a document read by OCR
/// fails a check that sums or divides (分值 and 得分 against 总分, 执行率 against 执行数 / 预算数, 得分 against
/// 分值), each other reading OCR made of a number cell (<see cref="OcrAlternative"/>) is tried in its place and
/// the document is laid out and checked again. A reading is taken when the checks it leaves failing are a
/// strict part of those failing before (it mends at least one and breaks none), the forms hold no fewer
/// numbers (a number that no longer parses leaves a check nothing to compare, which is no mend) and no
/// other warning or check appears; the best such reading is
/// taken, and the search repeats a few times. Every reading taken is an <c>ocr-repair</c> diagnostic naming
/// the checks it mended. Only readings OCR made are tried: a check no reading mends stays failed, as it was.
/// </summary>
internal static class ReadingChooser
{
    /// <summary>Checks that sums and ratios of printed numbers must pass.</summary>
    public static readonly ImmutableHashSet<string> ArithmeticChecks =
    [
        CheckCodes.WeightSumMismatch,
        CheckCodes.ScoreSumMismatch,
        CheckCodes.ExecutionRateMismatch,
        CheckCodes.ExecutionScoreMismatch,
        CheckCodes.ScoreExceedsWeight,
    ];

    /// <summary>At most this many readings are tried in all (each is a layout and a check of the document).</summary>
    public const int MaxTries = 200;

    /// <summary>At most this many readings are taken.</summary>
    public const int MaxChoices = 8;

    /// <summary>
    /// The document with the readings the checks chose, or <paramref name="document"/> itself when no
    /// arithmetic check fails or no other reading mends one. <paramref name="rebuild"/> turns row text into
    /// a document as the conversion does.
    /// </summary>
    public static Document Choose(Document document, OcrReadings readings, Func<RowText, Document> rebuild, TimeSpan timeLimit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(rebuild);
        var failing = Failing(document);
        if (failing.Count == 0 || readings.Alternatives.IsEmpty)
        {
            return document;
        }

        var clock = Stopwatch.StartNew();
        var pages = readings.Pages.ToArray();
        var pageIndex = pages.Select((p, i) => (p.Number, i)).GroupBy(x => x.Number).ToDictionary(g => g.Key, g => g.First().i);
        var open = readings.Alternatives.Where(a => pageIndex.ContainsKey(a.Page)).ToList();
        var repairs = new List<Diagnostic>();
        var current = document;
        var tries = 0;
        var filled = Filled(document);
        var problems = Problems(document);
        while (failing.Count > 0 && repairs.Count < MaxChoices && tries < MaxTries && clock.Elapsed < timeLimit)
        {
            (Document Document, HashSet<CheckKey> Failing, OcrAlternative Cell, string Text)? best = null;
            foreach (var alternative in Ordered(open, current, failing, pages, pageIndex))
            {
                foreach (var text in alternative.Texts)
                {
                    if (tries >= MaxTries || clock.Elapsed >= timeLimit)
                    {
                        break;
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                    tries++;
                    var trial = WithText(pages, pageIndex[alternative.Page], alternative.Glyph, text);
                    var rows = LayoutReader.Read(trial, cancellationToken);
                    var candidate = rebuild(rows with { PageCount = readings.PageCount });
                    var left = Failing(candidate);
                    if (left.IsProperSubsetOf(failing)
                        && Filled(candidate) >= filled
                        && Problems(candidate) <= problems
                        && (best is null || left.Count < best.Value.Failing.Count))
                    {
                        best = (candidate, left, alternative, text);
                    }
                }
            }

            if (best is not { } chosen)
            {
                break;
            }

            var index = pageIndex[chosen.Cell.Page];
            var old = pages[index].Glyphs[chosen.Cell.Glyph].Text;
            pages = WithText(pages, index, chosen.Cell.Glyph, chosen.Text);
            var mended = failing.Except(chosen.Failing).OrderBy(k => k.Form).ThenBy(k => k.Path, StringComparer.Ordinal).Select(k => k.Describe());
            repairs.Add(new Diagnostic(
                DiagnosticCodes.OcrRepair,
                Severity.Info,
                $"{document.Source.Path}: page {chosen.Cell.Page}: OCR repair, another reading chosen by the checks: '{old}' → '{chosen.Text}' (mends {string.Join(", ", mended)})",
                chosen.Cell.Page,
                null,
                chosen.Text));
            open.Remove(chosen.Cell);
            open.Add(chosen.Cell with { Texts = [.. chosen.Cell.Texts.Where(t => t != chosen.Text).Prepend(old)] });
            current = chosen.Document;
            failing = chosen.Failing;
            (filled, problems) = (Filled(current), Problems(current));
        }

        if (repairs.Count == 0)
        {
            return document;
        }

        return current with { Diagnostics = DocumentConverter.InReadingOrder(current.Diagnostics.AddRange(repairs)) };
    }

    /// <summary>The arithmetic checks a document fails, by form and place.</summary>
    private static HashSet<CheckKey> Failing(Document document)
    {
        var keys = new HashSet<CheckKey>();
        for (var form = 0; form < document.Forms.Length; form++)
        {
            foreach (var check in document.Forms[form].Checks)
            {
                if (ArithmeticChecks.Contains(check.Code))
                {
                    keys.Add(new CheckKey(form, check.Code, check.Path));
                }
            }
        }

        return keys;
    }

    /// <summary>
    /// How many numbers the forms hold: a reading that mends a check by losing a number (one that does not
    /// parse, so the check has nothing to compare) is no mend.
    /// </summary>
    private static int Filled(Document document)
    {
        static int Count(params decimal?[] values) => values.Count(v => v is not null);
        var filled = 0;
        foreach (var form in document.Forms)
        {
            filled += Count(form.Total.Weight, form.Total.Score);
            foreach (var row in form.Funds.Rows)
            {
                filled += Count(row.InitialBudget, row.AnnualBudget, row.Executed, row.Weight, row.ExecutionRatePercent, row.Score);
            }

            foreach (var indicator in form.Indicators)
            {
                filled += Count(indicator.Weight, indicator.Score, indicator.Target?.Value, indicator.Actual?.Value);
            }
        }

        return filled;
    }

    /// <summary>Warnings and errors of the document and its forms other than the arithmetic checks.</summary>
    private static int Problems(Document document) =>
        document.Diagnostics.Count(d => d.Severity != Severity.Info)
        + document.Forms.Sum(f => f.Checks.Count(c => c.Severity != Severity.Info && !ArithmeticChecks.Contains(c.Code)));

    /// <summary>
    /// The cells to try, those inside the rows a failing check names first (a fund row's 执行率, an
    /// indicator's 得分), then the rest of the pages of forms whose totals fail; cells of other forms are not tried.
    /// </summary>
    private static List<OcrAlternative> Ordered(List<OcrAlternative> open, Document document, HashSet<CheckKey> failing, PageContent[] pages, Dictionary<int, int> pageIndex)
    {
        var rowBoxes = new List<PageBox>();
        var formPages = new HashSet<int>();
        foreach (var key in failing)
        {
            var form = document.Forms[key.Form];
            var parts = key.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            RowSource? source = null;
            if (parts.Length >= 3 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var row) && parts[0] == "funds" && row < form.Funds.Rows.Length)
            {
                source = form.Funds.Rows[row].Source;
            }
            else if (parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var at) && parts[0] == "indicators" && at < form.Indicators.Length)
            {
                source = form.Indicators[at].Source;
            }

            if (source?.Boxes is { } boxes)
            {
                rowBoxes.AddRange(boxes);
            }
            else
            {
                formPages.UnionWith(form.Source.Pages);
            }
        }

        bool InRow(OcrAlternative a)
        {
            var box = pages[pageIndex[a.Page]].Glyphs[a.Glyph].Source;
            var (x, y) = ((box.X0 + box.X1) / 2, (box.Y0 + box.Y1) / 2);
            return rowBoxes.Any(b => b.Page == a.Page && x >= b.X0 - 1 && x <= b.X1 + 1 && y >= b.Y0 - 1 && y <= b.Y1 + 1);
        }

        var first = open.Where(InRow).ToList();
        return first.Concat(open.Where(a => formPages.Contains(a.Page) && !first.Contains(a))).ToList();
    }

    private static PageContent[] WithText(PageContent[] pages, int index, int glyph, string text)
    {
        var copy = (PageContent[])pages.Clone();
        var page = copy[index];
        copy[index] = page with { Glyphs = page.Glyphs.SetItem(glyph, page.Glyphs[glyph] with { Text = text }) };
        return copy;
    }

    private sealed record CheckKey(int Form, string Code, string Path)
    {
        public string Describe() => $"{Code} at /forms/{Form}{Path}";
    }
}
