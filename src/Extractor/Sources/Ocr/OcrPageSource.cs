using System.Collections.Immutable;
using System.Diagnostics;
using Extractor.Model;
using Extractor.Pdf;
using Extractor.Sources.Ocr.Paddle;

namespace Extractor.Sources.Ocr;

/// <summary>
/// The pages of one PDF read by OCR, for the pages <see cref="OcrDecision"/> sends to it: each rendered by
/// pdftoppm and read by <see cref="ScanReader"/>. The PDF's bytes are written to a temporary file for
/// pdftoppm only when a page is read; the models are loaded when the first page needs them.
/// </summary>
internal sealed class OcrPageSource(string path, ReadOnlyMemory<byte> bytes, IReadOnlyList<PdfPage> pages, IReadOnlyList<OcrNeed> needs, OcrSetup setup, TimeSpan timeout, Stopwatch clock) : IPageSource, IDisposable
{
    private string? pdfFile;
    private readonly DocumentSide side = new();

    /// <summary>How many pages were read by OCR.</summary>
    public int PagesRead { get; private set; }

    /// <summary>Other readings of the number cells of the pages read by OCR.</summary>
    public List<OcrAlternative> Alternatives { get; } = [];

    /// <inheritdoc/>
    public PageContent? Read(int number, ImmutableArray<Diagnostic>.Builder diagnostics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var page = pages[number - 1];
        var need = needs[number - 1];

        // Without OCR a page that has no text loses everything (an error); one with a layer keeps it (a warning).
        var severity = need == OcrNeed.NoTextLayer ? Severity.Error : Severity.Warning;
        var engine = setup.Engine(out var problem);
        if (engine is null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.OcrUnavailable, severity, $"{path}: page {page.Number} {Why(need)}, but {problem}", page.Number, null, null));
            return null;
        }

        var left = timeout - clock.Elapsed;
        if (left <= TimeSpan.Zero)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.OcrUnavailable, severity, $"{path}: page {page.Number} {Why(need)}, but the conversion's time limit of {timeout.TotalSeconds:0} s ran out", page.Number, null, null));
            return null;
        }

        if (pdfFile is null)
        {
            pdfFile = Path.Combine(Path.GetTempPath(), $"extractor-ocr-{Guid.NewGuid():N}.pdf");
            File.WriteAllBytes(pdfFile, bytes.Span);
        }

        var (image, pixelsPerPoint, failure) = PdfPageRenderer.Render(setup.Runner, pdfFile, page, left, cancellationToken);
        if (image is null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.OcrUnavailable, severity, $"{path}: page {page.Number} could not be OCR'd: {failure}", page.Number, null, null));
            return null;
        }

        OcrPageResult result;
        using (image)
        {
            result = ScanReader.Read(engine, image, page.Number, pixelsPerPoint, (x, y) => PdfPageRenderer.ToUser(page, pixelsPerPoint, x, y), cancellationToken, side, ScannedDotsPerInch(page));
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            diagnostics.Add(diagnostic with { Message = $"{path}: {diagnostic.Message}" });
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

    /// <summary>
    /// The resolution of the scan a page holds, along its coarser side in dots an inch: its largest image, when that
    /// covers as much of the page as a scan must (<see cref="OcrDecision.MinImageCover"/>), its pixels over the inches
    /// it is drawn on along each side (drawn upright or a quarter turned, whichever gives the nearer resolutions),
    /// the coarser of the two; null when the page holds no such image.
    /// </summary>
    internal static double? ScannedDotsPerInch(PdfPage page)
    {
        if (OcrDecision.LargestImage(page) is not ({ PixelWidth: > 0, PixelHeight: > 0 } scan, >= OcrDecision.MinImageCover))
        {
            return null;
        }

        // Drawn upright or a quarter turned, each side of the image lies along one of its box's; the one that gives
        // the nearer resolutions across and down is the way it is drawn.
        var (w, h) = (Math.Abs(scan.Bounds.Width) / 72, Math.Abs(scan.Bounds.Height) / 72);
        var upright = (scan.PixelWidth / w, scan.PixelHeight / h);
        var turned = (scan.PixelHeight / w, scan.PixelWidth / h);
        static double Spread((double A, double B) r) => Math.Max(r.A, r.B) / Math.Min(r.A, r.B);
        var (across, down) = Spread(upright) <= Spread(turned) ? upright : turned;
        return Math.Min(across, down);
    }

    private static string Why(OcrNeed need) => need switch
    {
        OcrNeed.NoTextLayer => "has no text layer, only a scan",
        OcrNeed.PoorTextLayer => "has only a poor OCR text layer",
        _ => "was to be OCR'd",
    };
}
