using System.Collections.Immutable;
using System.Globalization;
using Extractor.Sources.Ocr;
using Extractor.Sources.Ocr.Imaging;
using OpenCvSharp;

namespace Extractor.Review;

/// <summary>
/// The page images of an image file (TIFF with every page, PNG, JPEG, BMP) for the review page: each page
/// scaled down to the longest side asked for and encoded as PNG, in the frame the OCR placed its rows in
/// (points from the bottom-left corner, at the resolution the file states, as <see cref="ImageFileReader"/>
/// reads it).
/// </summary>
internal static class ReviewImagePages
{
    /// <summary>Adds the pages of the image file at <paramref name="path"/> to <paramref name="images"/>, or says in <paramref name="notices"/> why not.</summary>
    public static void Draw(string path, ExtractorOptions options, ReviewOptions review, ImmutableArray<ReviewPageImage>.Builder images, ImmutableArray<string>.Builder notices, CancellationToken cancellationToken)
    {
        PageImageSet pages;
        try
        {
            if (new FileInfo(path).Length > options.MaxInputBytes)
            {
                notices.Add("page images not drawn: the file is larger than the conversion's limit; the rows read are shown as a table");
                return;
            }

            pages = PageImageSet.Open(File.ReadAllBytes(path), owned: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            notices.Add($"page images not drawn: the image could not be read ({e.Message}); the rows read are shown as a table");
            return;
        }

        // One page decoded at a time, as the conversion read them: a long multi-page TIFF is never held whole.
        long total = 0;
        for (var i = 0; i < pages.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var number = i + 1;
            if (options.Pages is { } wanted && !wanted.Contains(number))
            {
                continue;
            }

            if (images.Count == review.MaxPages)
            {
                notices.Add(string.Create(CultureInfo.InvariantCulture, $"pages from {number} on not drawn: only the first {review.MaxPages} pages are (--max-pages); their rows are in the table of rows"));
                return;
            }

            byte[] png;
            PageFrame frame;
            try
            {
                using var page = pages.Decode(i);
                var pixelsPerPoint = ImageResolution.DotsPerInch(pages.StatedDotsPerInch(i), page.Cols, page.Rows) / 72;
                frame = new PageFrame(number, 0, 0, page.Cols / pixelsPerPoint, page.Rows / pixelsPerPoint, 0);
                png = Encode(page, review.ImageSize);
            }
            catch (Exception e) when (e is InvalidDataException or OpenCVException)
            {
                notices.Add(string.Create(CultureInfo.InvariantCulture, $"page {number} not drawn: it could not be decoded ({e.Message}); its rows are in the table of rows"));
                continue;
            }

            if (total + png.Length > review.MaxImageBytes)
            {
                notices.Add(string.Create(CultureInfo.InvariantCulture, $"pages from {number} on not drawn: the images would pass {review.MaxImageBytes / (1024 * 1024)} MB; their rows are in the table of rows"));
                return;
            }

            total += png.Length;
            images.Add(new ReviewPageImage(frame, png));
        }
    }

    /// <summary>A page as PNG, scaled down so that its longer side is at most <paramref name="longest"/> pixels.</summary>
    private static byte[] Encode(Mat page, int longest)
    {
        var scale = Math.Min(1.0, (double)longest / Math.Max(page.Cols, page.Rows));
        if (scale >= 1.0)
        {
            return page.ImEncode(".png");
        }

        using var small = new Mat();
        Cv2.Resize(page, small, new Size(Math.Max(1, (int)(page.Cols * scale)), Math.Max(1, (int)(page.Rows * scale))), 0, 0, InterpolationFlags.Area);
        return small.ImEncode(".png");
    }
}
