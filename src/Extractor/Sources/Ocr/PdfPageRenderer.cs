using System.Globalization;
using Extractor.Pdf;
using OpenCvSharp;

namespace Extractor.Sources.Ocr;

/// <summary>
/// Renders a PDF page for OCR with pdftoppm, in colour (red seal ink is found by its colour), at
/// <see cref="Dpi"/> or less for a page too large for <see cref="MaxPixels"/>. The image is written into a
/// temporary folder, read, and the folder removed.
/// </summary>
internal static class PdfPageRenderer
{
    /// <summary>
    /// The resolution pages are rendered at. The detector sees a page at most 960 pixels high whatever the
    /// render, and the recogniser a line 48 high: at 200 dpi a 10.5-point character is about 29 pixels, as
    /// the recogniser was trained on; more costs time and reads no better (docs/ocr-engine.md).
    /// </summary>
    public const int Dpi = 200;

    /// <summary>The most pixels a page is rendered with (A3 at 200 dpi is 7.8 million).</summary>
    public const double MaxPixels = 20_000_000;

    /// <summary>
    /// The page rendered, and its pixels a point; or null and why not (a page too large, pdftoppm missing,
    /// failed or too slow).
    /// </summary>
    public static (Mat? Image, double PixelsPerPoint, string? Problem) Render(IToolRunner runner, string pdfPath, PdfPage page, TimeSpan timeLimit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(page);
        var squareInches = Math.Abs(page.CropBox.Width * page.CropBox.Height) / (72.0 * 72.0);
        var dpi = (int)Math.Min(Dpi, Math.Floor(Math.Sqrt(MaxPixels / Math.Max(squareInches, 1e-6))));
        if (dpi < Dpi / 3)
        {
            return (null, 0, string.Create(CultureInfo.InvariantCulture, $"the page is {page.CropBox.Width / 72:0.#} × {page.CropBox.Height / 72:0.#} inches, too large to render for OCR"));
        }

        var folder = Directory.CreateTempSubdirectory("extractor-ocr-");
        try
        {
            var number = page.Number.ToString(CultureInfo.InvariantCulture);
            var prefix = Path.Combine(folder.FullName, "page");
            var run = runner.Run(OcrTools.Pdftoppm, ["-r", dpi.ToString(CultureInfo.InvariantCulture), "-f", number, "-l", number, "-singlefile", pdfPath, prefix], timeLimit, cancellationToken);
            if (!run.Succeeded)
            {
                return (null, 0, run switch
                {
                    { NotFound: true } => $"pdftoppm is not installed (install {OcrTools.Packages})",
                    { TimedOut: true } => string.Create(CultureInfo.InvariantCulture, $"pdftoppm took longer than the {timeLimit.TotalSeconds:0} s left"),
                    _ => $"pdftoppm failed with exit code {run.ExitCode}: {FirstLine(run.StandardError)}",
                });
            }

            var file = File.Exists(prefix + ".ppm") ? prefix + ".ppm" : prefix + ".pgm";
            // A grey scan comes back from pdftoppm as three equal channels: kept as one.
            var image = File.Exists(file) ? Imaging.PageImageLoader.Compact(Cv2.ImRead(file, ImreadModes.Unchanged)) : new Mat();
            if (image.Empty())
            {
                image.Dispose();
                return (null, 0, "pdftoppm's image could not be read");
            }

            return (image, image.Cols / page.DisplayWidth, null);
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is not worth failing the page for.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>
    /// A pixel position of the rendered page (the page as displayed, scaled by <paramref name="pixelsPerPoint"/>)
    /// in PDF user space: the inverse of the page's display rotation, offset by its crop box.
    /// </summary>
    public static (double X, double Y) ToUser(PdfPage page, double pixelsPerPoint, double x, double y)
    {
        ArgumentNullException.ThrowIfNull(page);
        var (dx, dy) = (x / pixelsPerPoint, page.DisplayHeight - (y / pixelsPerPoint));
        var (w, h) = (page.CropBox.Width, page.CropBox.Height);
        var (ux, uy) = page.Rotation switch
        {
            90 => (w - dy, dx),
            180 => (w - dx, h - dy),
            270 => (dy, h - dx),
            _ => (dx, dy),
        };
        return (ux + page.CropBox.Left, uy + page.CropBox.Bottom);
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? string.Empty;
        return line.Length > 200 ? line[..200] : line;
    }
}
