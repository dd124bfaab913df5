using Extractor.Conversion;
using Extractor.Model;
using Extractor.Review;
using Extractor.Tests.Sources.Ocr;
using OpenCvSharp;

namespace Extractor.Tests.Review;

/// <summary>The review page of an image file shows its pages under the rows' boxes, as a PDF's does.</summary>
[Collection(PaddleEngineGroup.Name)]
public sealed class ReviewImageFileTests
{
    [Fact]
    public void AScannedPagesImageFileIsDrawnUnderItsRows()
    {
        var folder = Directory.CreateTempSubdirectory("extractor-review-image-");
        try
        {
            // Page 1 of a scanned fixture at 150 dpi, as a scanner's PNG (its resolution in pHYs).
            var path = Path.Combine(folder.FullName, "funds-ab.png");
            using (var page = Rendering.Page(Rendering.Scan("funds-ab-image-150"), 1, 150))
            {
                Cv2.ImWrite(path, page);
            }

            var document = DocumentConverter.ConvertFile(path, ExtractorOptions.Default with { Timeout = TimeSpan.FromMinutes(10) });
            Assert.Equal(SourceKinds.ImageOcr, document.Source.Kind);
            Assert.NotEmpty(document.Forms);

            var result = ReviewBuilder.Build(path, document, () => null, ExtractorOptions.Default, new ReviewOptions(ImageSize: 800));
            Assert.Equal(1, result.PagesDrawn);
            Assert.Contains("data:image/png;base64,", result.Html, StringComparison.Ordinal);
            Assert.DoesNotContain(result.Notices, n => n.Contains("not drawn", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
