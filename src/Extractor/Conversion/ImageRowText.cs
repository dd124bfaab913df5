using System.Collections.Immutable;
using System.Diagnostics;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Sources.Ocr;

namespace Extractor.Conversion;

/// <summary>
/// The row text of an image file (TIFF with every page, PNG, JPEG, BMP): every page (or the pages asked for)
/// read by OCR, then laid out, within the conversion's time limit.
/// </summary>
internal static class ImageRowText
{
    /// <summary>
    /// Reads the image in <paramref name="bytes"/>, whose type <paramref name="description"/> names ("a PNG
    /// image"); <paramref name="owned"/> when the bytes are the conversion's own to change while read and put back.
    /// </summary>
    public static RowTextResult Extract(string path, string sha, string description, ReadOnlyMemory<byte> bytes, bool owned, ExtractorOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        try
        {
            var (pages, alternatives, count) = ImageFileReader.Read(path, description, bytes, owned, options.OcrSetup, options.Pages is { } selection ? selection.Contains : null, diagnostics, deadline.Token);
            var source = new SourceInfo(path, sha, SourceKinds.ImageOcr, count);
            if (pages.Count == 0)
            {
                var error = diagnostics.FirstOrDefault(d => d.Severity == Severity.Error)
                    ?? new Diagnostic(DiagnosticCodes.NoText, Severity.Error, $"{path}: none of the pages asked for ({options.Pages}) is among its {count}", null, null, null);
                return new RowTextResult(null, source, error, [.. diagnostics.Where(d => d != error)]);
            }

            var rows = LayoutReader.Read(pages, deadline.Token);
            return new RowTextResult(rows with { PageCount = count }, source, null, diagnostics.ToImmutable())
            {
                Readings = alternatives.Count == 0 ? null : new OcrReadings([.. pages], [.. alternatives], count, options.Timeout - clock.Elapsed),
            };
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return RowTextExtractor.Fail(path, sha, SourceKinds.ImageOcr, DiagnosticCodes.Timeout, $"timed out after {options.Timeout.TotalSeconds:0.###} s, reading the image by OCR");
        }
    }
}
