using Extractor.Pdf;
using Extractor.Sources.Ocr;
using Extractor.Sources.Ocr.Imaging;
using Extractor.Tests.Support;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

public sealed class CoarseBitonalTests
{
    [Fact]
    public void AFaxStretchedSquareIsSmoothedAndAGreyScanIsNot()
    {
        // A stroke of a fax's bitonal page: a slanting edge in steps of one row, each row two of the square page's.
        using var fax = new Mat(100, 204, MatType.CV_8UC1, Scalar.All(255));
        for (var row = 20; row < 80; row++)
        {
            Cv2.Line(fax, new Point(40 + row, row), new Point(60 + row, row), Scalar.All(0));
        }

        using var square = ImageResolution.Square(fax, new StatedResolution(204, 98))!;
        using var plain = square.Clone();
        Assert.True(CoarseBitonal.Smooth(square));

        // Smoothed: the edge's steps are greys, as a grey scan's edge is, and the stroke's middle stays black.
        Assert.True(Greys(square) > 2 * Greys(plain), $"{Greys(square)} greys against {Greys(plain)} stretched plain");
        Assert.InRange(square.At<byte>(100, 40 + 48 + 10), (byte)0, (byte)20);

        // A grey scan (more than a fifth of its pixels between black and white) is left as it is.
        using var grey = plain.Clone();
        using (var shade = new Mat(grey, new Rect(0, 0, 204, 80)))
        {
            shade.SetTo(Scalar.All(200));
        }

        using var before = grey.Clone();
        Assert.False(CoarseBitonal.Smooth(grey));
        using var difference = new Mat();
        Cv2.Absdiff(grey, before, difference);
        Assert.Equal(0, Cv2.CountNonZero(difference));
    }

    [Theory]
    [InlineData(98.0, true)] // a fax in standard mode, down the page
    [InlineData(150.0, true)]
    [InlineData(169.0, true)]
    [InlineData(180.0, false)]
    [InlineData(300.0, false)]
    [InlineData(null, false)] // not known: a page with no scan in it
    public void OnlyScansCoarserThan170DpiAreSmoothed(double? dpi, bool coarse) => Assert.Equal(coarse, CoarseBitonal.IsCoarse(dpi));

    [Theory]
    [InlineData("funds-ab-image-150", 150.0)]
    [InlineData("long-libreoffice-ocr-150", 150.0)] // landscape
    [InlineData("score-first-image-300", 300.0)]
    [InlineData("split-target-image-200", 200.0)]
    public void APdfPagesScanResolutionIsItsImagesPixelsOverTheInchesItIsDrawnOn(string name, double dpi)
    {
        using var pdf = PdfDocument.Open(RepoPaths.Combine("fixtures", "scans", name + ".pdf"));
        Assert.All(pdf.GetPages(), page => Assert.Equal(dpi, OcrPageSource.ScannedDotsPerInch(page)!.Value, 1.0));
    }

    [Theory]
    [InlineData(204, 98, 98.0 / 204)] // a fax in standard mode
    [InlineData(200, 200, 1.0)]
    [InlineData(400, 50, 1.0)] // eight times as tall as wide cannot be a scanner's: taken as square
    public void AnImageFilesCoarserSideIsTakenFromTheResolutionItStates(int across, int down, double share)
    {
        using var page = new Mat(400, 300, MatType.CV_8UC1, Scalar.All(255));
        Cv2.ImEncode(".tif", page, out var tiff, [new ImageEncodingParam(ImwriteFlags.TiffResUnit, 2), new ImageEncodingParam(ImwriteFlags.TiffXDpi, across), new ImageEncodingParam(ImwriteFlags.TiffYDpi, down)]);
        Assert.Equal(share, PageImageSet.Open(tiff).CoarserShare(0), 3);
    }

    [Fact]
    public void APdfPageWithoutAScanHasNoScanResolution()
    {
        using var pdf = PdfDocument.Open(RepoPaths.Combine("fixtures", "variants", "funds-ab.pdf"));
        Assert.All(pdf.GetPages(), page => Assert.Null(OcrPageSource.ScannedDotsPerInch(page)));
    }

    private static int Greys(Mat image)
    {
        using var inside = new Mat();
        Cv2.InRange(image, new Scalar(1), new Scalar(254), inside);
        return Cv2.CountNonZero(inside);
    }
}
