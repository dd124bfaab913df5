using Extractor.Sources.Ocr.Imaging;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

public sealed class PageImageLoaderTests
{
    [Theory]
    [InlineData(".png")]
    [InlineData(".jpg")]
    [InlineData(".bmp")]
    public void OneImageFormatsGiveOnePage(string extension)
    {
        using var image = new Mat(30, 40, MatType.CV_8UC3, new Scalar(0, 0, 255));
        Cv2.ImEncode(extension, image, out var bytes);
        var set = PageImageSet.Open(bytes);
        Assert.Equal(1, set.Count);
        using var page = set.Decode(0);
        Assert.Equal(new Size(40, 30), page.Size());
        Assert.True(page.At<Vec3b>(15, 20).Item2 > 240, "red stays red: colour is kept");
    }

    [Fact]
    public void PagesComeBackEightBitGreyWhenTheyHaveNoColour()
    {
        // A grey PNG of 16-bit samples: its top eight bits, one channel.
        using var deep = new Mat(20, 20, MatType.CV_16UC1, Scalar.All(200 * 256));
        Cv2.ImEncode(".png", deep, out var png);
        using var grey = PageImageSet.Open(png).Decode(0);
        Assert.Equal((1, MatType.CV_8U, (byte)200), (grey.Channels(), grey.Depth(), grey.At<byte>(5, 5)));

        // Three equal channels are one; a drop of colour keeps all three; an alpha channel goes.
        using var equal = PageImageLoader.Compact(new Mat(10, 10, MatType.CV_8UC3, Scalar.All(90)));
        Assert.Equal(1, equal.Channels());
        var tinted = new Mat(10, 10, MatType.CV_8UC3, Scalar.All(90));
        tinted.Set(3, 3, new Vec3b(90, 90, 200));
        using var colour = PageImageLoader.Compact(tinted);
        Assert.Equal(3, colour.Channels());

        // Compared a band of rows at a time: a drop of colour in the last, short band still counts.
        var late = new Mat(300, 10, MatType.CV_8UC3, Scalar.All(90));
        late.Set(299, 7, new Vec3b(90, 91, 90));
        using var lateColour = PageImageLoader.Compact(late);
        Assert.Equal(3, lateColour.Channels());
        using var tall = PageImageLoader.Compact(new Mat(300, 10, MatType.CV_8UC3, Scalar.All(90)));
        Assert.Equal(1, tall.Channels());
        using var alpha = PageImageLoader.Compact(new Mat(10, 10, MatType.CV_8UC4, new Scalar(10, 20, 30, 255)));
        Assert.Equal((3, (byte)30), (alpha.Channels(), alpha.At<Vec3b>(1, 1).Item2));
    }

    [Fact]
    public void APngWithATransparentBackgroundIsLaidOnWhite()
    {
        // A page exported with a transparent background, its clear pixels black (as a canvas exports them):
        // ink opaque black, paper clear, and one half-clear black pixel.
        using var image = new Mat(20, 20, MatType.CV_8UC4, Scalar.All(0));
        image.Rectangle(new Rect(8, 8, 5, 5), new Scalar(0, 0, 0, 255), -1);
        image.Set(4, 15, new Vec4b(0, 0, 0, 128));
        Cv2.ImEncode(".png", image, out var png);
        using var page = PageImageSet.Open(png).Decode(0);
        Assert.Equal(1, page.Channels());
        Assert.Equal((255, 0), (page.At<byte>(2, 2), page.At<byte>(10, 10)));
        Assert.InRange(page.At<byte>(4, 15), 126, 128);
    }

    [Fact]
    public void GreyWithAlphaIsLaidOnWhiteToo()
    {
        using var image = new Mat(10, 10, MatType.CV_8UC2, Scalar.All(0));
        image.Set(5, 5, new Vec2b(40, 255));
        image.Set(6, 6, new Vec2b(40, 0));
        using var page = PageImageLoader.Compact(image.Clone());
        Assert.Equal((1, (byte)40, (byte)255, (byte)255), (page.Channels(), page.At<byte>(5, 5), page.At<byte>(6, 6), page.At<byte>(1, 1)));
    }

    [Fact]
    public void BytesThatAreNoImageAreRefused()
    {
        Assert.Throws<InvalidDataException>(() => PageImageSet.Open("not an image"u8.ToArray()).Decode(0));
    }

    [Fact]
    public void QuarterTurnsTurnClockwiseAndBack()
    {
        using var image = new Mat(20, 40, MatType.CV_8UC1, Scalar.All(255));
        image.Set(0, 0, (byte)0);
        using var right = QuarterTurn.Clockwise(image, 90);
        Assert.Equal(new Size(20, 40), right.Size());
        Assert.Equal(0, right.At<byte>(0, 19));
        using var back = QuarterTurn.Clockwise(right, -90);
        Assert.Equal(0, back.At<byte>(0, 0));
        Assert.Equal(270, QuarterTurn.Normalise(-90));
        Assert.Throws<ArgumentOutOfRangeException>(() => QuarterTurn.Normalise(45));
    }
}
