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

        using var grey = SealInk.ToGreyWithoutColour(stamped);
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
        using var before = SealInk.ColourMask(scan);
        Assert.True(Cv2.CountNonZero(before) > 2000, "the scan has a red seal");

        // Where the seal was, the page is now as light as paper; black print stays dark.
        using var grey = SealInk.ToGreyWithoutColour(scan);
        using var plain = Greyscale.ToGrey(scan);
        Assert.True(Cv2.Mean(grey, before).Val0 > 190, $"the seal's pixels average {Cv2.Mean(grey, before).Val0:0} after");
        Assert.True(Cv2.Mean(grey, before).Val0 > Cv2.Mean(plain, before).Val0 + 30, $"the seal's pixels average {Cv2.Mean(plain, before).Val0:0} in plain grey");
    }

    [Fact]
    public void ARingAcrossManyBandsComesOutAsTheWholePageWould()
    {
        // Rings and strokes crossing the bands' edges, the page's height no multiple of a band.
        var rows = (3 * SealInk.BandRows) + 17;
        using var page = new Mat(rows, 200, MatType.CV_8UC3, new Scalar(240, 242, 245));
        Cv2.Rectangle(page, new Rect(20, SealInk.BandRows - 3, 160, 6), new Scalar(25, 25, 25), -1);
        Cv2.Circle(page, new Point(100, rows / 2), rows / 2 - 4, new Scalar(50, 40, 210), 5);
        Cv2.Line(page, new Point(10, (2 * SealInk.BandRows) - 1), new Point(190, (2 * SealInk.BandRows) - 1), new Scalar(60, 50, 200), 1);
        Cv2.Line(page, new Point(10, SealInk.BandRows), new Point(190, SealInk.BandRows), new Scalar(60, 50, 200), 1);
        Cv2.Line(page, new Point(10, (2 * SealInk.BandRows) + 2), new Point(190, (2 * SealInk.BandRows) + 2), new Scalar(184, 79, 47), 1);

        // The whole page at once: the ink measured from every stroke, then taken out of the widened masks.
        using var expected = Greyscale.ToGrey(page);
        var paper = GreyLevels.Paper(expected);
        var (redCore, blueCore) = SealInk.InkMasks(page, widen: false);
        var (red, blue) = SealInk.InkMasks(page, widen: true);
        using (redCore)
        using (blueCore)
        using (red)
        using (blue)
        {
            foreach (var (core, mask) in new[] { (redCore, red), (blueCore, blue) })
            {
                var ink = new StampInkColour();
                ink.Count(page, core);
                var measured = ink.Measure(paper);
                Assert.NotNull(measured);
                measured.Value.Apply(page, mask, expected);
            }

            using var banded = SealInk.ToGreyWithoutColour(page);
            using var difference = new Mat();
            Cv2.Absdiff(expected, banded, difference);
            Assert.True(Cv2.CountNonZero(red) > 1000, "the page has red ink");
            Assert.Equal(0, Cv2.CountNonZero(difference));
        }
    }

    [Theory]
    [InlineData(184, 79, 47)] // a blue "checked against the original" stamp
    [InlineData(160, 40, 120)] // a violet date stamp
    [InlineData(200, 110, 60)] // a lighter blue date stamp
    [InlineData(40, 40, 220)] // a red seal
    public void StampInkGoesAndBlackPrintUnderItStays(int b, int g, int r)
    {
        using var page = new Mat(200, 300, MatType.CV_8UC3, new Scalar(245, 245, 245));
        Cv2.Rectangle(page, new Rect(40, 90, 220, 20), new Scalar(20, 20, 20), -1);
        Cv2.Rectangle(page, new Rect(40, 130, 220, 20), new Scalar(90, 90, 90), -1);
        using var stamp = new Mat(200, 300, MatType.CV_8UC3, Scalar.All(255));
        Cv2.Rectangle(stamp, new Rect(100, 40, 100, 120), new Scalar(b, g, r), 10);
        using var stamped = new Mat();
        Cv2.Multiply(page, stamp, stamped, 1 / 255.0);

        using var plain = Greyscale.ToGrey(stamped);
        using var grey = SealInk.ToGreyWithoutColour(stamped);
        // The frame's side over paper is paper again, however dark the ink's lightest channel; the print it
        // crosses stays print, black or mid-grey.
        Assert.InRange(grey.At<byte>(70, 104), 242, 248);
        Assert.True(plain.At<byte>(70, 104) < 200, $"the frame is {plain.At<byte>(70, 104)} in plain grey");
        Assert.True(grey.At<byte>(100, 104) < 40, $"the black print under the frame is {grey.At<byte>(100, 104)}");
        Assert.True(grey.At<byte>(140, 104) < 100, $"the grey print under the frame is {grey.At<byte>(140, 104)}");
    }

    [Fact]
    public void AStampInAJpegLeavesNoOutline()
    {
        // A JPEG keeps colour at half the resolution: a stroke's edges keep its darkness but lose its hue.
        using var page = new Mat(240, 400, MatType.CV_8UC3, new Scalar(238, 240, 242));
        Cv2.PutText(page, "12000", new Point(40, 190), HersheyFonts.HersheySimplex, 1.4, new Scalar(30, 30, 30), 3);
        using var stamp = new Mat(240, 400, MatType.CV_8UC3, Scalar.All(255));
        Cv2.Rectangle(stamp, new Rect(60, 40, 280, 110), new Scalar(184, 79, 47), 4);
        Cv2.PutText(stamp, "2021 3 15", new Point(100, 110), HersheyFonts.HersheySimplex, 1.0, new Scalar(184, 79, 47), 2);
        using var stamped = new Mat();
        Cv2.Multiply(page, stamp, stamped, 1 / 255.0);
        Cv2.ImEncode(".jpg", stamped, out var bytes, new ImageEncodingParam(ImwriteFlags.JpegQuality, 75));
        using var scan = Cv2.ImDecode(bytes, ImreadModes.Color);

        using var grey = SealInk.ToGreyWithoutColour(scan);
        using var plain = Greyscale.ToGrey(scan);
        var area = new Rect(50, 30, 300, 125);
        int Darker(Mat image, int level)
        {
            using var region = new Mat(image, area);
            using var dark = new Mat();
            Cv2.Threshold(region, dark, level, 255, ThresholdTypes.BinaryInv);
            return Cv2.CountNonZero(dark);
        }

        // What is left of the strokes' edges is lighter than print, and a tenth of the stamp's pixels at most.
        Assert.True(Darker(plain, 180) > 4000, $"the stamp has {Darker(plain, 180)} pixels darker than 180");
        Assert.True(Darker(grey, 180) < Darker(plain, 180) / 10, $"{Darker(grey, 180)} pixels of the stamp stay darker than 180");
        Assert.True(Darker(grey, 128) < 40, $"{Darker(grey, 128)} pixels of the stamp stay darker than 128");
        using var print = new Mat(grey, new Rect(40, 160, 200, 40));
        Cv2.MinMaxLoc(print, out double darkest, out double _);
        Assert.True(darkest < 60, $"the print's darkest pixel is {darkest}");
    }

    [Fact]
    public void GreyishInkIsNoStampInk()
    {
        // Print's edges on brown-stained paper, taken for red by their hue: dark in every channel.
        var ink = new StampInkColour();
        using var edges = new Mat(10, 10, MatType.CV_8UC3, new Scalar(54, 70, 86));
        using var all = new Mat(10, 10, MatType.CV_8UC1, Scalar.All(255));
        ink.Count(edges, all);
        Assert.Equal(100, ink.Pixels);
        Assert.Null(ink.Measure(230));
        Assert.Null(new StampInkColour().Measure(230));
    }

    [Fact]
    public void ABrownDeskRoundAPhotographedPageIsLeftAsItIs()
    {
        using var page = new Mat(200, 200, MatType.CV_8UC3, new Scalar(72, 90, 107));
        Cv2.Rectangle(page, new Rect(20, 20, 160, 160), new Scalar(236, 238, 240), -1);
        Cv2.Rectangle(page, new Rect(40, 90, 120, 4), new Scalar(30, 30, 30), -1);
        using var grey = SealInk.ToGreyWithoutColour(page);
        using var plain = Greyscale.ToGrey(page);
        using var difference = new Mat();
        Cv2.Absdiff(grey, plain, difference);
        Assert.Equal(0, Cv2.CountNonZero(difference));
    }

    [Fact]
    public void PrintOnPaperStainedBrownKeepsItsEdges()
    {
        // A stroke's grey edge multiplied by a brown stain is as saturated as a stamp's ink, but brown.
        using var page = new Mat(100, 100, MatType.CV_8UC3, new Scalar(171, 211, 230));
        Cv2.Rectangle(page, new Rect(40, 20, 3, 60), new Scalar(50, 90, 130), -1);
        using var grey = SealInk.ToGreyWithoutColour(page);
        using var plain = Greyscale.ToGrey(page);
        Assert.Equal(plain.At<byte>(50, 41), grey.At<byte>(50, 41));
    }

    [Fact]
    public void AGreyPageIsReturnedAsItWas()
    {
        using var grey = new Mat(10, 10, MatType.CV_8UC1, Scalar.All(77));
        using var result = SealInk.ToGreyWithoutColour(grey);
        Assert.Equal(1, result.Channels());
        Assert.Equal(77, result.At<byte>(5, 5));
    }
}
