using Extractor.Sources.Ocr;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

/// <summary>An image file's page brought to the resolution PDF pages are rendered at before it is read.</summary>
public sealed class ReadingResolutionTests
{
    [Theory]
    [InlineData(150, 1240, 1754, 1653, 2339)]   // A4 scanned at 150 dpi: enlarged to 200
    [InlineData(100, 827, 1169, 1654, 2338)]    // at 100 dpi (a fax's fine mode is about that)
    [InlineData(300, 2480, 3508, 1653, 2339)]   // at 300 dpi: reduced to 200
    public void APageIsReadAt200Dpi(double dpi, int width, int height, int expectedWidth, int expectedHeight)
    {
        var page = Page(width, height);
        var (image, readAt) = ImageFileReader.AtReadingResolution(page, dpi);
        using (image)
        {
            Assert.Equal((expectedWidth, expectedHeight), (image.Cols, image.Rows));
            Assert.Equal(200, readAt, 0);
            Assert.NotSame(page, image);
            Assert.True(page.IsDisposed);
        }
    }

    [Theory]
    [InlineData(200)]
    [InlineData(190)]
    [InlineData(240)]
    public void APageNearTheRenderingResolutionIsLeftAsItIs(double dpi)
    {
        using var page = Page(1654, 2339);
        var (image, readAt) = ImageFileReader.AtReadingResolution(page, dpi);
        Assert.Same(page, image);
        Assert.Equal(dpi, readAt);
    }

    [Fact]
    public void AnEnlargementStaysWithinThePixelsAPageMayHave()
    {
        // A 1-metre drawing at 100 dpi: 200 dpi would be 62 million pixels; it is enlarged only as far as 20 million.
        var (image, readAt) = ImageFileReader.AtReadingResolution(Page(3937, 3937), 100);
        using (image)
        {
            Assert.InRange((double)image.Cols * image.Rows, 19.9e6, 20.0e6);
            Assert.InRange(readAt, 113, 114);
        }

        // Already larger than that: left as it is.
        using var huge = Page(4800, 4800);
        Assert.Same(huge, ImageFileReader.AtReadingResolution(huge, 100).Image);
    }

    [Fact]
    public void AnEnlargedBitonalPageIsSmoothed()
    {
        // A black square on white at 150 dpi: enlarged, its edge has grey between ink and paper, as pdftoppm
        // renders a bitonal scan in a PDF at 200 dpi.
        var page = Page(300, 300);
        Cv2.Rectangle(page, new Rect(100, 100, 101, 101), Scalar.All(0), -1);
        var (image, _) = ImageFileReader.AtReadingResolution(page, 150);
        using (image)
        {
            var values = Enumerable.Range(120, 30).Select(x => image.At<byte>(200, x)).ToList();
            Assert.Contains(values, v => v is > 20 and < 235);
            Assert.Equal(0, image.At<byte>(200, 200));
            Assert.Equal(255, image.At<byte>(20, 20));
        }
    }

    private static Mat Page(int width, int height) => new(height, width, MatType.CV_8UC1, Scalar.All(255));
}
