using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Extractor.Model;
using Extractor.Pdf;
using Extractor.Sources.Text;

namespace Extractor.Review;

/// <summary>
/// Builds the review page of one converted input: for a PDF each page drawn by pdftoppm (bounded in number,
/// size, bytes and time), for an image file each of its pages, under the boxes of the rows read; for row
/// text and Office input, or when no page can be drawn, a table of the rows and of the row text.
/// </summary>
internal static class ReviewBuilder
{
    /// <summary>The review page of <paramref name="document"/>, converted from the file at <paramref name="path"/>.</summary>
    /// <param name="path">The input file.</param>
    /// <param name="document">Its conversion.</param>
    /// <param name="rowText">Reads the input's row text, for the table view; called only when it is shown.</param>
    /// <param name="options">The conversion's options (password, pages, time limit).</param>
    /// <param name="review">The page's bounds.</param>
    /// <param name="cancellationToken">Stops the rendering.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public static ReviewResult Build(string path, Document document, Func<string?> rowText, ExtractorOptions options, ReviewOptions review, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(rowText);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(review);
        var notices = ImmutableArray.CreateBuilder<string>();
        var images = ImmutableArray.CreateBuilder<ReviewPageImage>();
        if (document.Source.Kind is SourceKinds.Pdf or SourceKinds.PdfOcr)
        {
            DrawPages(path, options, review, images, notices, cancellationToken);
        }
        else if (document.Source.Kind == SourceKinds.ImageOcr)
        {
            ReviewImagePages.Draw(path, options, review, images, notices, cancellationToken);
        }

        // Text input: the file's own lines, which the rows' provenance numbers; other input: its row text.
        var text = images.Count == 0
            ? Bounded(document.Source.Kind == SourceKinds.Text ? InputLines(path, options) : rowText(), review.MaxTableLines, notices)
            : null;
        var content = new ReviewContent(document, images.ToImmutable(), text, notices.ToImmutable());
        return new ReviewResult(ReviewHtml.Write(content), content.Notices, images.Count);
    }

    private static void DrawPages(string path, ExtractorOptions options, ReviewOptions review, ImmutableArray<ReviewPageImage>.Builder images, ImmutableArray<string>.Builder notices, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        PdfDocument pdf;
        try
        {
            pdf = PdfDocument.Open(path, new PdfOpenOptions { Password = options.Password, MaxFileBytes = options.MaxInputBytes, Timeout = options.Timeout, CancellationToken = cancellationToken });
        }
        catch (PdfReadException e)
        {
            notices.Add($"page images not drawn: the PDF's pages could not be read ({e.Message}); the rows read are shown as a table");
            return;
        }

        using (pdf)
        {
            var wanted = Enumerable.Range(1, pdf.NumberOfPages).Where(n => options.Pages?.Contains(n) ?? true).ToList();
            if (wanted.Count > review.MaxPages)
            {
                notices.Add(string.Create(CultureInfo.InvariantCulture, $"pages {wanted[review.MaxPages]}–{wanted[^1]} not drawn: only the first {review.MaxPages} pages are (--max-pages); their rows are in the table of rows"));
                wanted = wanted[..review.MaxPages];
            }

            long bytes = 0;
            foreach (var number in wanted)
            {
                var left = options.Timeout - clock.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    notices.Add(string.Create(CultureInfo.InvariantCulture, $"pages from {number} on not drawn: the time limit of {options.Timeout.TotalSeconds:0} s ran out"));
                    return;
                }

                var page = pdf.GetPage(number);
                var frame = new PageFrame(number, page.CropBox.Left, page.CropBox.Bottom, page.CropBox.Width, page.CropBox.Height, page.Rotation);
                var rendering = PageRenderer.Render(path, number, review.ImageSize, options.Password, left < review.PageTimeLimit ? left : review.PageTimeLimit, cancellationToken);
                if (rendering.ToolMissing)
                {
                    images.Clear();
                    notices.Add($"page images not drawn: {rendering.Problem} (Debian/Ubuntu: apt-get install {PageRenderer.Package}); the rows read are shown as a table");
                    return;
                }

                if (rendering.Png is not { } png)
                {
                    notices.Add($"page {number.ToString(CultureInfo.InvariantCulture)} not drawn: {rendering.Problem}");
                    continue;
                }

                if (bytes + png.Length > review.MaxImageBytes)
                {
                    notices.Add(string.Create(CultureInfo.InvariantCulture, $"pages from {number} on not drawn: the images would pass {review.MaxImageBytes / (1024 * 1024)} MB; their rows are in the table of rows"));
                    return;
                }

                bytes += png.Length;
                images.Add(new ReviewPageImage(frame, png));
            }
        }
    }

    /// <summary>The lines of a row-text file as the reader numbers them (LF, CRLF or CR line ends, form feeds dropped).</summary>
    private static string? InputLines(string path, ExtractorOptions options)
    {
        try
        {
            if (new FileInfo(path).Length > options.MaxTextBytes)
            {
                return null;
            }

            return TextDecoder.Decode(File.ReadAllBytes(path)).Text?
                .Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace("\f", string.Empty, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? Bounded(string? text, int maxLines, ImmutableArray<string>.Builder notices)
    {
        if (text is null)
        {
            return null;
        }

        var seen = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' && ++seen == maxLines)
            {
                notices.Add(string.Create(CultureInfo.InvariantCulture, $"row text cut after {maxLines} lines"));
                return text[..(i + 1)];
            }
        }

        return text;
    }
}
