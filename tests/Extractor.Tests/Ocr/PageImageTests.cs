using Extractor.Ocr;

namespace Extractor.Tests.Ocr;

public sealed class PageImageTests
{
    [Fact]
    public void ShrinkingAveragesTheAreaEachPixelCovers()
    {
        var image = PageImage.Blank(4, 2);
        image[0, 0] = 0;
        image[1, 0] = 0;
        image[0, 1] = 0;
        image[1, 1] = 100;
        var half = image.Shrink(0.5);
        Assert.Equal((2, 1), (half.Width, half.Height));
        Assert.Equal(25, half[0, 0]);
        Assert.Equal(255, half[1, 0]);
    }

    [Fact]
    public void AThinStrokeFadesRatherThanVanishes()
    {
        var image = PageImage.Blank(30, 30);
        for (var y = 0; y < 30; y++)
        {
            image[10, y] = 0;
        }

        var shrunk = image.Shrink(2 / 3.0);
        Assert.Equal(20, shrunk.Width);
        Assert.All(Enumerable.Range(0, 20), y => Assert.InRange(Enumerable.Range(0, 20).Min(x => shrunk[x, y]), 0, 180));
    }

    [Fact]
    public void ShrinkingByOneCopiesAndOtherFactorsAreRefused()
    {
        var image = PageImage.Blank(3, 3);
        image[1, 1] = 7;
        Assert.Equal(image.Pixels, image.Shrink(1).Pixels);
        Assert.Throws<ArgumentOutOfRangeException>(() => image.Shrink(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => image.Shrink(1.5));
    }
}
