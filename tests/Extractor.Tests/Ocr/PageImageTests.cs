
using Extractor.Sources.Ocr;

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

    [Fact]
    public void RedSealInkIsDroppedAndBlackPrintUnderItKept()
    {
        // Five colour pixels as pdftoppm writes them (P6): paper tint, black print, seal red, black print
        // under seal ink (multiplied: still black), and a seal stroke's blurred JPEG edge.
        byte[][] rgb = [[247, 244, 234], [20, 20, 20], [216, 32, 42], [18, 3, 4], [190, 120, 118]];
        var header = System.Text.Encoding.ASCII.GetBytes("P6\n5 1\n255\n");
        var image = PageImage.ReadPnm([.. header, .. rgb.SelectMany(p => p)]);

        Assert.Equal(244, image[0, 0]); // Rec. 601 grey of the tinted paper
        Assert.Equal(20, image[1, 0]);
        Assert.Equal(216, image[2, 0]); // the red channel: as light as paper once stretched
        Assert.Equal(8, image[3, 0]); // not red enough to drop: Rec. 601 grey, dark
        Assert.Equal(190, image[4, 0]);
    }

    [Fact]
    public void GreyPixelsOfAColourImageReadAsGrey()
    {
        var header = System.Text.Encoding.ASCII.GetBytes("P6\n2 1\n255\n");
        var image = PageImage.ReadPnm([.. header, 128, 128, 128, 60, 60, 200]);
        Assert.Equal(128, image[0, 0]);
        Assert.Equal(76, image[1, 0]); // blue ink stays ink: (299·60 + 587·60 + 114·200) / 1000
    }

    [Theory]
    [InlineData(90, 2, 3, 1, 0)]   // (0, 0) of a 3 × 2 image goes to the top right of the 2 × 3 result
    [InlineData(180, 3, 2, 2, 1)]
    [InlineData(270, 2, 3, 0, 2)]
    [InlineData(0, 3, 2, 0, 0)]
    public void TurningMovesTheCornerClockwise(int degrees, int width, int height, int x, int y)
    {
        var image = PageImage.Blank(3, 2);
        image[0, 0] = 7;
        var turned = image.RotateClockwise(degrees);
        Assert.Equal((width, height), (turned.Width, turned.Height));
        Assert.Equal(7, turned[x, y]);
        Assert.Equal(1, turned.Pixels.Count(p => p == 7));
    }

    [Fact]
    public void AFileIsReadRowByRowAsItsBytesAre()
    {
        // 3 × 2 colour with a comment in the header and 16-bit samples.
        var header = System.Text.Encoding.ASCII.GetBytes("P6\n# made by hand\n3 2\n65535\n");
        var samples = Enumerable.Range(0, 18).SelectMany(i => new[] { (byte)(i * 14), (byte)0 }).ToArray();
        byte[] data = [.. header, .. samples];
        var path = Path.Combine(Path.GetTempPath(), $"pnm-{Guid.NewGuid():N}.ppm");
        try
        {
            File.WriteAllBytes(path, data);
            var fromFile = PageImage.ReadPnmFile(path);
            var fromBytes = PageImage.ReadPnm(data);
            Assert.Equal((3, 2), (fromFile.Width, fromFile.Height));
            Assert.Equal(fromBytes.Pixels, fromFile.Pixels);

            File.WriteAllBytes(path, data[..^5]);
            Assert.Throws<FormatException>(() => PageImage.ReadPnmFile(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
