using System.Collections.Immutable;
using System.Diagnostics;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Ocr;
using Extractor.Pdf;

namespace Extractor.Conversion;

/// <summary>
/// The pages of one PDF as the layout stage reads them: the text layer, or OCR where <see cref="OcrDecision"/>
/// says so. The PDF's bytes are written to a temporary file for pdftoppm only when a page needs OCR.
/// </summary>
internal sealed class PageOcr(string path, ReadOnlyMemory<byte> bytes, ConversionOptions options, Stopwatch clock, CancellationToken cancellationToken) : IDisposable
{
    private static readonly OcrEngine SharedEngine = new();
    private readonly OcrEngine engine = options.OcrEngine ?? SharedEngine;
    private string? pdfFile;

    /// <summary>How many pages were read by OCR.</summary>
    public int PagesRead { get; private set; }

    /// <summary>Other readings of the number cells of the pages read by OCR.</summary>
    public List<OcrAlternative> Alternatives { get; } = [];

    /// <summary>The page's content as <paramref name="need"/> says (see <see cref="OcrDecision.DecideAll"/>), adding to <paramref name="diagnostics"/> what happened.</summary>
    public PageContent Content(PdfPage page, OcrNeed need, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        if (need == OcrNeed.None)
        {
            var content = PdfPageContent.From(page);
            if (content.Glyphs.IsEmpty && page.Images.Count > 0)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.NoTextLayer, Severity.Warning, $"{path}: page {page.Number} has no text layer, only images: it needs OCR", page.Number, null, null));
            }

            return content;
        }

        // Without OCR a page that has no text loses everything (an error); one with a layer keeps it (a warning).
        var severity = need == OcrNeed.NoTextLayer ? Severity.Error : Severity.Warning;
        var problem = engine.CheckTools(cancellationToken);
        if (problem is not null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.OcrUnavailable, severity, $"{path}: page {page.Number} {Why(need)}, but {problem}", page.Number, null, null));
            return PdfPageContent.From(page);
        }

        var left = options.Timeout - clock.Elapsed;
        if (left <= TimeSpan.Zero)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.OcrUnavailable, severity, $"{path}: page {page.Number} {Why(need)}, but the conversion's time limit of {options.Timeout.TotalSeconds:0} s ran out", page.Number, null, null));
            return PdfPageContent.From(page);
        }

        if (pdfFile is null)
        {
            pdfFile = Path.Combine(Path.GetTempPath(), $"extractor-ocr-{Guid.NewGuid():N}.pdf");
            File.WriteAllBytes(pdfFile, bytes.ToArray());
        }

        var result = engine.ReadPage(pdfFile, page, left, cancellationToken);
        foreach (var diagnostic in result.Diagnostics)
        {
            var message = $"{path}: {diagnostic.Message}";
            diagnostics.Add(diagnostic.Code == DiagnosticCodes.OcrUnavailable ? diagnostic with { Severity = severity, Message = message } : diagnostic with { Message = message });
        }

        if (result.Content is null)
        {
            return PdfPageContent.From(page);
        }

        PagesRead++;
        Alternatives.AddRange(result.Alternatives);
        return result.Content;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (pdfFile is not null)
        {
            try
            {
                File.Delete(pdfFile);
            }
            catch (IOException)
            {
                // Left in the temp folder; nothing else depends on it.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static string Why(OcrNeed need) => need switch
    {
        OcrNeed.NoTextLayer => "has no text layer, only a scan",
        OcrNeed.PoorTextLayer => "has only a poor OCR text layer",
        _ => "was to be OCR'd",
    };
}
