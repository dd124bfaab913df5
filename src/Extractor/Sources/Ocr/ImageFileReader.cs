using System.Collections.Immutable;
using Extractor.Model;
using Extractor.Sources.Ocr.Imaging;
using OpenCvSharp;

namespace Extractor.Sources.Ocr;

/// <summary>
/// Reads an image file (TIFF with every page, PNG, JPEG, BMP) by OCR, page by page. Positions are the
/// image's pixels at its resolution (<see cref="ImageResolution"/>) in points, origin at the image's
/// bottom-left corner, as PDF user space would be for a page holding the image.
/// </summary>
internal static class ImageFileReader
{
    /// <summary>The eight bytes a PNG file starts with.</summary>
    public static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>True when <paramref name="data"/> starts as a PNG, JPEG, BMP or TIFF file does.</summary>
    public static bool IsImage(ReadOnlySpan<byte> data) =>
        (data.Length >= 8 && data[..8].SequenceEqual(PngSignature))
        || (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        || (data.Length >= 26 && data[0] == 'B' && data[1] == 'M')
        || PageImageLoader.IsTiff(data);

    /// <summary>
    /// The pages of the image, read; an <c>ocr-unavailable</c> or <c>unreadable</c> diagnostic in
    /// <paramref name="diagnostics"/> and no pages when they cannot be.
    /// </summary>
    public static (List<PageContent> Pages, List<OcrAlternative> Alternatives) Read(
        string path, ReadOnlyMemory<byte> bytes, OcrSetup setup, ImmutableArray<Diagnostic>.Builder diagnostics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var pages = new List<PageContent>();
        var alternatives = new List<OcrAlternative>();
        var engine = setup.Engine(out var problem);
        if (engine is null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.OcrUnavailable, Severity.Error, $"{path}: an image file is read by OCR, but {problem}", null, null, null));
            return (pages, alternatives);
        }

        IReadOnlyList<Mat> images;
        try
        {
            images = PageImageLoader.Decode(bytes.Span);
        }
        catch (Exception e) when (e is InvalidDataException or OpenCVException or IOException)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Unreadable, Severity.Error, $"{path}: the image could not be decoded: {e.Message}", null, null, null));
            return (pages, alternatives);
        }

        try
        {
            for (var i = 0; i < images.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var image = images[i];
                var pixelsPerPoint = ImageResolution.DotsPerInch(bytes.Span, image.Cols, image.Rows) / 72;
                var height = image.Rows / pixelsPerPoint;
                var result = ScanReader.Read(engine, image, i + 1, pixelsPerPoint, (x, y) => (x / pixelsPerPoint, height - (y / pixelsPerPoint)), cancellationToken);
                foreach (var diagnostic in result.Diagnostics)
                {
                    diagnostics.Add(diagnostic with { Message = $"{path}: {diagnostic.Message}" });
                }

                alternatives.AddRange(result.Alternatives);
                pages.Add(result.Content!);
            }
        }
        finally
        {
            foreach (var image in images)
            {
                image.Dispose();
            }
        }

        return (pages, alternatives);
    }
}
