using System.Collections.Immutable;
using Extractor.Model;
using Extractor.Sources.Ocr.Imaging;
using OpenCvSharp;

namespace Extractor.Sources.Ocr;

/// <summary>
/// Reads an image file (TIFF with every page, PNG, JPEG, BMP) by OCR, page by page. Positions are the
/// image's pixels at the resolution its page states (<see cref="ImageResolution"/>; each page of a TIFF its own) in points, origin at the image's
/// bottom-left corner, as PDF user space would be for a page holding the image.
/// </summary>
internal static class ImageFileReader
{
    /// <summary>The shortest side, in pixels, of an image read as a page (a thumbnail or an icon is not one).</summary>
    public const int MinSide = 64;

    /// <summary>Images scanned finer than this (dots an inch) are scaled to <see cref="PdfPageRenderer.Dpi"/> before they are read.</summary>
    public const double MaxDpi = 240;

    /// <summary>
    /// The pages of the image (those <paramref name="wanted"/> takes, or all), read, and how many the image
    /// has; an <c>ocr-unavailable</c> or <c>unreadable</c> diagnostic in <paramref name="diagnostics"/> and no
    /// pages when they cannot be. <paramref name="description"/> names the image's type in messages ("a PNG image");
    /// <paramref name="owned"/> when the bytes are the caller's own to change while read and put back (<see cref="PageImageSet"/>).
    /// </summary>
    public static (List<PageContent> Pages, List<OcrAlternative> Alternatives, int Count) Read(
        string path, string description, ReadOnlyMemory<byte> bytes, bool owned, OcrSetup setup, Func<int, bool>? wanted, ImmutableArray<Diagnostic>.Builder diagnostics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var pages = new List<PageContent>();
        var alternatives = new List<OcrAlternative>();
        var engine = setup.Engine(out var problem);
        if (engine is null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.OcrUnavailable, Severity.Error, $"{path}: {description} is read by OCR, but {problem}", null, null, null));
            return (pages, alternatives, 0);
        }

        // The pages are decoded one at a time as they are read: a multi-page TIFF decoded whole would hold
        // every page at once (PageImageSet).
        PageImageSet images;
        try
        {
            images = PageImageSet.Open(bytes, owned);
        }
        catch (InvalidDataException e)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Unreadable, Severity.Error, $"{path}: {description} that could not be decoded: {e.Message}", null, null, null));
            return (pages, alternatives, 0);
        }

        var side = new Paddle.DocumentSide();
        for (var i = 0; i < images.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (wanted is not null && !wanted(i + 1))
            {
                continue;
            }

            Mat image;
            try
            {
                image = images.Decode(i);
            }
            catch (Exception e) when (e is InvalidDataException or OpenCVException)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.Unreadable, Severity.Error, $"{path}: {description} that could not be decoded: {e.Message}", images.Count > 1 ? i + 1 : null, null, null));
                if (images.Count == 1)
                {
                    return (pages, alternatives, 0);
                }

                continue;
            }

            try
            {
                if (Math.Min(image.Cols, image.Rows) < MinSide)
                {
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.Unreadable, Severity.Error, $"{path}: {description}: page {i + 1} is {image.Cols} × {image.Rows} pixels, too small to be a scanned page", i + 1, null, null));
                    continue;
                }

                var dpi = ImageResolution.DotsPerInch(images.StatedDotsPerInch(i), image.Cols, image.Rows);
                var scanned = dpi * images.CoarserShare(i);
                if (dpi > MaxDpi)
                {
                    // Scanned finer than the models read: the page brought to the resolution PDF pages are
                    // rendered at, as a PDF of the same scan would be (fewer pixels to prepare and hold).
                    var scale = PdfPageRenderer.Dpi / dpi;
                    var smaller = new Mat();
                    Cv2.Resize(image, smaller, new Size(Math.Max(1, (int)Math.Round(image.Cols * scale)), Math.Max(1, (int)Math.Round(image.Rows * scale))), 0, 0, InterpolationFlags.Area);
                    dpi *= (double)smaller.Cols / image.Cols;
                    image.Dispose();
                    image = smaller;
                }

                var pixelsPerPoint = dpi / 72;
                var height = image.Rows / pixelsPerPoint;
                var result = ScanReader.Read(engine, image, i + 1, pixelsPerPoint, (x, y) => (x / pixelsPerPoint, height - (y / pixelsPerPoint)), cancellationToken, side, scanned);
                foreach (var diagnostic in result.Diagnostics)
                {
                    diagnostics.Add(diagnostic with { Message = $"{path}: {diagnostic.Message}" });
                }

                alternatives.AddRange(result.Alternatives);
                pages.Add(result.Content!);
            }
            finally
            {
                image.Dispose();
            }
        }

        return (pages, alternatives, images.Count);
    }
}
