using System.Collections.Immutable;
using System.Diagnostics;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Pdf;
using Extractor.Sources;
using Extractor.Sources.Ocr;
using Extractor.Sources.Pdf;

namespace Extractor.Conversion;

/// <summary>
/// The row text of a PDF: every page (or the pages asked for) read from the text layer, scanned pages by OCR,
/// then laid out. What the reader recovered from is said as <c>damaged</c> warnings; a PDF that gives no text at
/// all is an error that says why (damage, scans not OCR'd, or no text in it).
/// </summary>
internal static class PdfRowText
{
    /// <summary>Reads the PDF in <paramref name="bytes"/>.</summary>
    public static RowTextResult Extract(string path, string sha, ReadOnlyMemory<byte> bytes, ExtractorOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();

        // One time limit for the whole conversion: the reader, OCR and layout all watch this token.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        var token = deadline.Token;
        var pdfOptions = new PdfOpenOptions
        {
            Timeout = options.Timeout,
            CancellationToken = token,
            MaxFileBytes = options.MaxInputBytes,
            MaxDecompressedBytesPerStream = options.MaxDecodedStreamBytes,
            MaxTotalDecompressedBytes = options.MaxDecodedBytes,
            MaxLettersPerPage = options.MaxLettersPerPage,
            MaxSegmentsPerPage = options.MaxRulingsPerPage,
            Password = options.Password,
        };
        var stage = "opening the file";
        try
        {
            using var document = PdfDocument.Open(bytes, pdfOptions);
            var fileWarnings = document.Warnings.ToList();
            var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();

            // All pages are read before any OCR, so that OCR's time does not count against the PDF reader's limit.
            var pdfPages = new List<PdfPage>(document.NumberOfPages);
            var letters = 0L;
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                if (options.Pages is { } selection && !selection.Contains(number))
                {
                    continue;
                }

                token.ThrowIfCancellationRequested();
                stage = $"reading page {number} of {document.NumberOfPages}";
                var page = document.GetPage(number);
                letters += page.Letters.Count;
                if (letters > options.MaxLettersPerDocument)
                {
                    // Every page read is held until layout: past the limit the rest is left unread, and said so.
                    diagnostics.Add(new Diagnostic(
                        DiagnosticCodes.Unreadable,
                        Severity.Error,
                        $"{path}: more than {options.MaxLettersPerDocument} letters in the document; reading stopped at page {number} of {document.NumberOfPages}",
                        number,
                        null,
                        null));
                    break;
                }

                pdfPages.Add(page);
            }

            diagnostics.AddRange(PdfDamage.Describe(path, bytes.Span, fileWarnings, pdfPages));
            var source = new SourceInfo(path, sha, SourceKinds.Pdf, document.NumberOfPages);
            if (pdfPages.Count == 0 && options.Pages is { } asked && document.NumberOfPages > 0)
            {
                return new(null, source, new Diagnostic(DiagnosticCodes.NoText, Severity.Error, $"{path}: none of the pages asked for ({asked}) is among its {document.NumberOfPages}", null, null, null), diagnostics.ToImmutable());
            }

            // A page cut short by the time limit comes back with a warning: the limit is what stopped it.
            token.ThrowIfCancellationRequested();
            stage = "reading pages by OCR";
            var textLayer = new TextLayerSource(path, pdfPages);
            var needs = OcrDecision.DecideAll(pdfPages, options.Ocr);
            using var ocr = new OcrPageSource(path, bytes, pdfPages, needs, options.OcrSetup, options.Timeout, clock);
            var pages = new List<PageContent>(pdfPages.Count);
            for (var i = 0; i < pdfPages.Count; i++)
            {
                // Sources take the position in the list of pages read; each page keeps its own number.
                // A page OCR could not read keeps its text layer (what OCR reported says why).
                pages.Add(needs[i] == OcrNeed.None
                    ? textLayer.Read(i + 1, diagnostics, token)!
                    : ocr.Read(i + 1, diagnostics, token) ?? PdfPageContent.From(pdfPages[i]));
            }

            token.ThrowIfCancellationRequested();
            stage = "laying out the pages";
            var rows = LayoutReader.Read(pages, token);
            source = source with { Kind = ocr.PagesRead > 0 ? SourceKinds.PdfOcr : SourceKinds.Pdf };
            if (rows.Lines.IsEmpty)
            {
                return new(null, source, NoText(path, document.NumberOfPages, pdfPages, diagnostics), diagnostics.ToImmutable());
            }

            return new RowTextResult(rows with { PageCount = document.NumberOfPages }, source, null, diagnostics.ToImmutable())
            {
                Readings = ocr.Alternatives.Count == 0 ? null : new OcrReadings([.. pages], [.. ocr.Alternatives], document.NumberOfPages, options.Timeout - clock.Elapsed),
            };
        }
        catch (Exception e) when ((e is OperationCanceledException && token.IsCancellationRequested) || e is PdfReadException { Kind: PdfErrorKind.Timeout })
        {
            // The caller's own cancellation is theirs to handle; the time limit is this file's failure.
            cancellationToken.ThrowIfCancellationRequested();
            return RowTextExtractor.Fail(path, sha, SourceKinds.Pdf, DiagnosticCodes.Timeout, $"timed out after {options.Timeout.TotalSeconds:0.###} s, {stage}");
        }
        catch (PdfReadException e)
        {
            var code = e.Kind switch
            {
                PdfErrorKind.Encrypted => DiagnosticCodes.Encrypted,
                PdfErrorKind.Damaged => DiagnosticCodes.Damaged,
                _ => DiagnosticCodes.Unreadable,
            };
            var reason = e.Kind == PdfErrorKind.Damaged && PdfDamage.IsTruncated(bytes.Span)
                ? $"the file is truncated (it ends after {bytes.Length} bytes without %%EOF) and nothing could be read: {e.Message}"
                : e.Message;
            return RowTextExtractor.Fail(path, sha, SourceKinds.Pdf, code, reason);
        }
    }

    /// <summary>Why a PDF gave no text: damage, scanned pages that were not OCR'd, or pages with nothing on them.</summary>
    private static Diagnostic NoText(string path, int pageCount, List<PdfPage> pages, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var damage = diagnostics.Where(d => d.Code == DiagnosticCodes.Damaged).ToList();
        if (damage.Count > 0)
        {
            // The first damage (a cut-off file comes first) without what it lost: nothing was read.
            var what = damage[0].Message.StartsWith(path + ": ", StringComparison.Ordinal) ? damage[0].Message[(path.Length + 2)..] : damage[0].Message;
            var cause = what.LastIndexOf("): ", StringComparison.Ordinal) is var end and > 0 ? what[..(end + 1)] : what;
            return new Diagnostic(DiagnosticCodes.Damaged, Severity.Error, $"{path}: no text could be read: {cause}", null, null, null);
        }

        var scans = pages.Count(p => p.Images.Count > 0);
        var reason = scans > 0
            ? $"its {(scans == 1 ? "page is a scan" : $"{scans} pages are scans")} without a text layer, and OCR did not read {(scans == 1 ? "it" : "them")}"
            : $"none of its {pageCount} pages has text or images";
        return new Diagnostic(DiagnosticCodes.NoText, Severity.Error, $"{path}: no text: {reason}", null, null, null);
    }
}
