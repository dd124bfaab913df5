using System.Security.Cryptography;
using System.Collections.Immutable;
using Extractor.Layout;
using Extractor.Pdf;
using Extractor.Model;
using Extractor.Sources.Ocr;
using Extractor.Sources;
using Extractor.Sources.Text;
using Extractor.Sources.Pdf;

namespace Extractor.Conversion;

/// <summary>
/// Gets the row text of an input file: text files are read as they are; PDFs go through the text layer
/// and the layout stage. This is what <c>extractor text</c> prints and what conversion starts from.
/// </summary>
internal static class RowTextExtractor
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static RowTextResult ExtractFile(string path, ExtractorOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= ExtractorOptions.Default;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return Fail(path, string.Empty, SourceKinds.Text, DiagnosticCodes.Unreadable, "no such file");
            }

            if (info.Length > options.MaxInputBytes)
            {
                return Fail(path, string.Empty, SourceKinds.Text, DiagnosticCodes.Unreadable, $"the file is {info.Length} bytes, more than the limit of {options.MaxInputBytes}");
            }

            return Extract(path, File.ReadAllBytes(path), options, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(path, string.Empty, SourceKinds.Text, DiagnosticCodes.Unreadable, e.Message);
        }
    }

    /// <summary>Reads the bytes of a file named <paramref name="path"/>.</summary>
    public static RowTextResult Extract(string path, ReadOnlyMemory<byte> bytes, ExtractorOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= ExtractorOptions.Default;
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes.Span));
        if (bytes.Length > options.MaxInputBytes)
        {
            return Fail(path, sha, SourceKinds.Text, DiagnosticCodes.Unreadable, $"the input is {bytes.Length} bytes, more than the limit of {options.MaxInputBytes}");
        }

        if (IsPdf(bytes.Span))
        {
            return ExtractPdf(path, sha, bytes, options, cancellationToken);
        }

        if (ImageFileReader.IsImage(bytes.Span))
        {
            return ExtractImage(path, sha, bytes, options, cancellationToken);
        }

        if (bytes.Length > options.MaxTextBytes)
        {
            return Fail(path, sha, SourceKinds.Text, DiagnosticCodes.Unreadable, $"the text is {bytes.Length} bytes, more than the limit of {options.MaxTextBytes} for row text");
        }

        var decoded = TextDecoder.Decode(bytes.Span);
        if (decoded.Text is null)
        {
            return Fail(path, sha, SourceKinds.Text, DiagnosticCodes.Unreadable, decoded.Error!);
        }

        var limits = CheckTextLimits(decoded.Text, options);
        if (limits is not null)
        {
            return Fail(path, sha, SourceKinds.Text, DiagnosticCodes.Unreadable, limits);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var rows = RowTextReader.Read(decoded.Text);
        return new RowTextResult(rows, new SourceInfo(path, sha, SourceKinds.Text, rows.PageCount), null, []);
    }

    private static RowTextResult ExtractPdf(string path, string sha, ReadOnlyMemory<byte> bytes, ExtractorOptions options, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();

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
        };
        var stage = "opening the file";
        try
        {
            using var document = PdfDocument.Open(bytes, pdfOptions);
            var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
            foreach (var warning in document.Warnings)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.Unreadable, Severity.Warning, $"{path}: {warning}", null, null, null));
            }

            // All pages are read before any OCR, so that OCR's time does not count against the PDF reader's limit.
            var pdfPages = new List<PdfPage>(document.NumberOfPages);
            var letters = 0L;
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                token.ThrowIfCancellationRequested();
                stage = $"reading page {number} of {document.NumberOfPages}";
                var page = document.GetPage(number);
                foreach (var warning in page.Warnings)
                {
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.Unreadable, Severity.Warning, $"{path}: page {number}: {warning}", number, null, null));
                }

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

            // A page cut short by the time limit comes back with a warning: the limit is what stopped it.
            token.ThrowIfCancellationRequested();
            stage = "reading pages by OCR";
            var textLayer = new TextLayerSource(path, pdfPages);
            var needs = OcrDecision.DecideAll(pdfPages, options.Ocr);
            using var ocr = new OcrPageSource(path, bytes, pdfPages, needs, options.OcrSetup, options.Timeout, clock);
            var pages = new List<PageContent>(pdfPages.Count);
            for (var i = 0; i < pdfPages.Count; i++)
            {
                // A page OCR could not read keeps its text layer (what OCR reported says why).
                pages.Add(needs[i] == OcrNeed.None
                    ? textLayer.Read(i + 1, diagnostics, token)!
                    : ocr.Read(i + 1, diagnostics, token) ?? PdfPageContent.From(pdfPages[i]));
            }

            token.ThrowIfCancellationRequested();
            stage = "laying out the pages";
            var rows = LayoutReader.Read(pages, token);
            var kind = ocr.PagesRead > 0 ? SourceKinds.PdfOcr : SourceKinds.Pdf;
            return new RowTextResult(rows with { PageCount = document.NumberOfPages }, new SourceInfo(path, sha, kind, document.NumberOfPages), null, diagnostics.ToImmutable())
            {
                Readings = ocr.Alternatives.Count == 0 ? null : new OcrReadings([.. pages], [.. ocr.Alternatives], document.NumberOfPages, options.Timeout - clock.Elapsed),
            };
        }
        catch (Exception e) when ((e is OperationCanceledException && token.IsCancellationRequested) || e is PdfReadException { Kind: PdfErrorKind.Timeout })
        {
            // The caller's own cancellation is theirs to handle; the time limit is this file's failure.
            cancellationToken.ThrowIfCancellationRequested();
            return Fail(path, sha, SourceKinds.Pdf, DiagnosticCodes.Timeout, $"timed out after {options.Timeout.TotalSeconds:0.###} s, {stage}");
        }
        catch (PdfReadException e)
        {
            var code = e.Kind == PdfErrorKind.Encrypted ? DiagnosticCodes.Encrypted : DiagnosticCodes.Unreadable;
            return Fail(path, sha, SourceKinds.Pdf, code, e.Message);
        }
    }

    /// <summary>An image file (TIFF, PNG, JPEG, BMP): every page read by OCR, within the conversion's time limit.</summary>
    private static RowTextResult ExtractImage(string path, string sha, ReadOnlyMemory<byte> bytes, ExtractorOptions options, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        try
        {
            var (pages, alternatives) = ImageFileReader.Read(path, bytes, options.OcrSetup, diagnostics, deadline.Token);
            if (pages.Count == 0)
            {
                var error = diagnostics.FirstOrDefault(d => d.Severity == Severity.Error) ?? new Diagnostic(DiagnosticCodes.Unreadable, Severity.Error, $"{path}: no page", null, null, null);
                return new RowTextResult(null, new SourceInfo(path, sha, SourceKinds.ImageOcr, 0), error, diagnostics.Where(d => d != error).ToImmutableArray());
            }

            var rows = LayoutReader.Read(pages, deadline.Token);
            return new RowTextResult(rows with { PageCount = pages.Count }, new SourceInfo(path, sha, SourceKinds.ImageOcr, pages.Count), null, diagnostics.ToImmutable())
            {
                Readings = alternatives.Count == 0 ? null : new OcrReadings([.. pages], [.. alternatives], pages.Count, options.Timeout - clock.Elapsed),
            };
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Fail(path, sha, SourceKinds.ImageOcr, DiagnosticCodes.Timeout, $"timed out after {options.Timeout.TotalSeconds:0.###} s, reading the image by OCR");
        }
    }

    private static RowTextResult Fail(string path, string sha, string kind, string code, string reason) =>
        new(null, new SourceInfo(path, sha, kind, 0), new Diagnostic(code, Severity.Error, $"{path}: {reason}", null, null, null), []);

    private static bool IsPdf(ReadOnlySpan<byte> bytes) => bytes[..Math.Min(bytes.Length, 1024)].IndexOf("%PDF-"u8) >= 0;

    private static string? CheckTextLimits(string text, ExtractorOptions options)
    {
        var lines = 1;
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];

            // Lines end as the row-text reader ends them: LF, CRLF, or CR alone.
            if (c == '\n' || (c == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                lines++;
                length = 0;
                if (lines > options.MaxLines)
                {
                    return $"more than {options.MaxLines} lines";
                }
            }
            else if (c != '\r' && ++length > options.MaxLineLength)
            {
                return $"line {lines} is longer than {options.MaxLineLength} characters";
            }
        }

        return null;
    }
}
