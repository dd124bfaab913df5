using Extractor.Sources.Ocr.Imaging;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

/// <summary>A page lying on a darker surround found by its outline and flattened; a page that fills its picture left alone.</summary>
public sealed class PageOutlineTests
{
    /// <summary>Where the page's corners are put in the 1,000 × 1,300 picture: its top edge 8% shorter than its bottom, turned a degree.</summary>
    private static readonly Point2f[] Seen = [new(112, 86), new(868, 99), new(921, 1214), new(63, 1199)];

    [Fact]
    public void APagePhotographedOffSquareOnADeskIsFoundByItsCorners()
    {
        using var page = Rendering.Page(Rendering.Form("seed-chromium-ar-pl-uming-a4"), 1, 100);
        using var picture = OnSurround(page, Seen, 70);
        var corners = PageOutline.Find(picture);
        Assert.NotNull(corners);
        foreach (var (found, put) in corners.Zip(Seen))
        {
            Assert.InRange(found.X, put.X - 6, put.X + 6);
            Assert.InRange(found.Y, put.Y - 6, put.Y + 6);
        }
    }

    [Fact]
    public void TheFlattenedPageLiesOverThePrintedOneAndMapsBackOntoThePicture()
    {
        using var page = Rendering.Page(Rendering.Form("seed-chromium-ar-pl-uming-a4"), 1, 100);
        using var picture = OnSurround(page, Seen, 70);
        var (flat, toPicture) = PageOutline.Flatten(picture, PageOutline.Find(picture)!);
        using var flattened = flat;

        // The page's ink as printed, scaled to the flattened page and widened by two pixels (the corners are found on a copy at half the size): the flattened page's
        // ink falls on it, where the page as seen (on white, scaled to the same size) mostly does not.
        using var printed = InkAt(page, flattened.Size());
        using var onWhite = OnSurround(page, Seen, 255);
        using var seen = InkAt(onWhite, flattened.Size());
        using var flatInk = InkAt(flattened, flattened.Size());
        Assert.True(Covered(flatInk, printed) > 0.9, $"flattened: {Covered(flatInk, printed):F2}");
        Assert.True(Covered(seen, printed) < 0.5, $"as seen: {Covered(seen, printed):F2}");

        var (x, y) = PageOutline.ToPicture(toPicture, flattened.Cols - 1, flattened.Rows - 1);
        Assert.InRange(x, Seen[2].X - 6, Seen[2].X + 6);
        Assert.InRange(y, Seen[2].Y - 6, Seen[2].Y + 6);
    }

    [Fact]
    public void APageThatFillsItsScanIsLeftAsItIs()
    {
        using var page = Rendering.Page(Rendering.Form("seed-chromium-ar-pl-uming-a4"), 1, 100);
        Assert.Null(PageOutline.Find(page));
    }

    [Fact]
    public void APageOnAScannersGreyBackingIsLeftAsItIs()
    {
        // A backing sheet 30 levels under the paper is a grown canvas, not a surround to cut away.
        using var page = Rendering.Page(Rendering.Form("seed-chromium-ar-pl-uming-a4"), 1, 100);
        using var picture = OnSurround(page, Seen, 217);
        Assert.Null(PageOutline.Find(picture));
    }

    [Fact]
    public void APageRunningOffThePictureIsLeftAsItIs()
    {
        // The desk shows on three sides; the bottom edge is cut by the picture's, so no outline closes the page.
        using var page = Rendering.Page(Rendering.Form("seed-chromium-ar-pl-uming-a4"), 1, 100);
        using var picture = OnSurround(page, [new(112, 86), new(868, 99), new(921, 1320), new(63, 1320)], 70);
        Assert.Null(PageOutline.Find(picture));
    }

    /// <summary><paramref name="page"/> warped onto <paramref name="corners"/> of a 1,000 × 1,300 picture of grey <paramref name="surround"/>.</summary>
    private static Mat OnSurround(Mat page, Point2f[] corners, int surround)
    {
        Point2f[] own = [new(0, 0), new(page.Cols - 1, 0), new(page.Cols - 1, page.Rows - 1), new(0, page.Rows - 1)];
        using var warp = Cv2.GetPerspectiveTransform(own, corners);
        var picture = new Mat(1300, 1000, MatType.CV_8UC1, Scalar.All(surround));
        Cv2.WarpPerspective(page, picture, warp, picture.Size(), InterpolationFlags.Linear, BorderTypes.Transparent);
        return picture;
    }

    private static Mat InkAt(Mat grey, Size size)
    {
        using var scaled = new Mat();
        Cv2.Resize(grey, scaled, size, 0, 0, InterpolationFlags.Area);
        var ink = new Mat();
        Cv2.Threshold(scaled, ink, 128, 255, ThresholdTypes.BinaryInv);
        return ink;
    }

    /// <summary>The share of <paramref name="ink"/>'s pixels that fall on <paramref name="reference"/>'s ink widened by two pixels.</summary>
    private static double Covered(Mat ink, Mat reference)
    {
        using var widened = new Mat();
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(5, 5));
        Cv2.Dilate(reference, widened, kernel);
        using var both = new Mat();
        Cv2.BitwiseAnd(ink, widened, both);
        return (double)Cv2.CountNonZero(both) / Math.Max(1, Cv2.CountNonZero(ink));
    }
}
