using System.Globalization;
using Extractor.Model;

namespace Extractor.Conversion;

/// <summary>
/// Marks the rows OCR read less surely than <see cref="ExtractorOptions.OcrLowConfidence"/>: one
/// <c>ocr-low-confidence</c> warning a fund row or indicator, with its JSON path and its lowest cell
/// confidence, so that a reviewer knows which values to check against the scan.
/// </summary>
internal static class LowConfidence
{
    /// <summary><paramref name="document"/> with a warning for each row under <paramref name="threshold"/>.</summary>
    public static Document Mark(Document document, double threshold)
    {
        ArgumentNullException.ThrowIfNull(document);
        var found = new List<Diagnostic>();
        for (var f = 0; f < document.Forms.Length; f++)
        {
            var form = document.Forms[f];
            for (var r = 0; r < form.Funds.Rows.Length; r++)
            {
                var row = form.Funds.Rows[r];
                Add(found, row.Source, threshold, $"/forms/{f}/funds/rows/{r}", $"fund row '{row.Label}'", row.Label);
            }

            for (var i = 0; i < form.Indicators.Length; i++)
            {
                var indicator = form.Indicators[i];
                Add(found, indicator.Source, threshold, $"/forms/{f}/indicators/{i}", $"indicator '{indicator.Name}'", indicator.Name);
            }
        }

        return found.Count == 0
            ? document
            : document with { Diagnostics = DocumentConverter.InReadingOrder(document.Diagnostics.Concat(found)) };
    }

    private static void Add(List<Diagnostic> found, RowSource source, double threshold, string path, string what, string? text)
    {
        if (source.Confidence is { } confidence && confidence < threshold)
        {
            var page = source.Pages is { IsDefaultOrEmpty: false } pages ? pages[0] : (int?)null;
            var message = string.Create(CultureInfo.InvariantCulture, $"{what}: read by OCR with a confidence of {confidence:0.00}, under {threshold:0.00}; check its values against the scan");
            found.Add(new Diagnostic(DiagnosticCodes.OcrLowConfidence, Severity.Warning, message, page, null, text) { Path = path });
        }
    }
}
