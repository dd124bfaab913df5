using Extractor.Sources.Ocr.Imaging;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

public sealed class SealInkTests
{
    [Fact]
    public void RedInkGoesAndBlackPrintUnderItStays()
    {
        using var page = new Mat(300, 300, MatType.CV_8UC3, new Scalar(245, 245, 245));
        Cv2.Rectangle(page, new Rect(60, 140, 180, 20), new Scalar(20, 20, 20), -1);

        // A seal's ring multiplied over the print, as stamp ink lies on paper.
        using var ring = new Mat(300, 300, MatType.CV_8UC3, Scalar.All(255));
        Cv2.Circle(ring, new Point(150, 150), 100, new Scalar(40, 40, 220), 12);
        using var stamped = new Mat();
        Cv2.Multiply(page, ring, stamped, 1 / 255.0);

        using var grey = SealInk.ToGreyWithoutRed(stamped);
        Assert.True(grey.At<byte>(150, 250) > 200, "the ring where it crosses paper is gone");
        Assert.True(grey.At<byte>(50, 150) > 200, "the ring's top is gone");
        Assert.True(grey.At<byte>(150, 245) < 60 || grey.At<byte>(150, 100) < 60, "the print is still dark");
        Assert.True(grey.At<byte>(150, 55 + 5) < 60, "the print under the ring is still dark");
    }

    [Fact]
    public void TheSealOfTheStampedScanIsDropped()
    {
        // fixtures/scans/README.md: a red seal over the funds block of the first page.
        using var scan = Rendering.Page(Rendering.Scan("seal-seed-chromium-image-200"), 1, 100, grey: false);
        using var before = SealInk.RedMask(scan);
        Assert.True(Cv2.CountNonZero(before) > 2000, "the scan has a red seal");

        // Where the seal was, the page is now as light as paper (the ink's red channel); black print stays dark.
        using var grey = SealInk.ToGreyWithoutRed(scan);
        using var plain = Greyscale.ToGrey(scan);
        Assert.True(Cv2.Mean(grey, before).Val0 > 190, $"the seal's pixels average {Cv2.Mean(grey, before).Val0:0} after");
        Assert.True(Cv2.Mean(grey, before).Val0 > Cv2.Mean(plain, before).Val0 + 30, $"the seal's pixels average {Cv2.Mean(plain, before).Val0:0} in plain grey");
    }

    [Fact]
    public void AGreyPageIsReturnedAsItWas()
    {
        using var grey = new Mat(10, 10, MatType.CV_8UC1, Scalar.All(77));
        using var result = SealInk.ToGreyWithoutRed(grey);
        Assert.Equal(1, result.Channels());
        Assert.Equal(77, result.At<byte>(5, 5));
    }
}
