using Extractor.Model;
using Extractor.Pdf;
using Extractor.Sources.Ocr;

namespace Extractor.Tests.Ocr;

public sealed class PageGeometryTests
{
    // An A4 page rendered at 300 dpi: 2480 × 3508 pixels upright.
    private static readonly PdfRectangle A4 = new(0, 0, 595.2, 841.92);

    [Fact]
    public void PixelsMapToDisplayPointsWithTheOriginBottomLeft()
    {
        var geometry = new PageGeometry(1, A4, 0, 2480, 3508, 0);
        var (x, y) = geometry.ToDisplay(1240, 0);
        Assert.Equal(297.6, x, 6);
        Assert.Equal(841.92, y, 6);
        var (px, py) = geometry.ToPixels(297.6, 0);
        Assert.Equal(1240, px, 6);
        Assert.Equal(3508, py, 6);
    }

    [Fact]
    public void AnUnrotatedPageKeepsTheBoxInUserSpaceAndHonoursTheCropBoxOrigin()
    {
        var geometry = new PageGeometry(3, new PdfRectangle(10, 20, 605.2, 861.92), 0, 2480, 3508, 0);
        var box = geometry.ToUserBox(0, 0, 2480, 3508);
        Assert.Equal(new PageBox(3, 10, 20, 605.2, 861.92), box);
    }

    [Theory]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public void RotatedPagesMapBackThroughTheirRotation(int rotation)
    {
        // A landscape display (rotated portrait page): the image is the display.
        var swap = rotation is 90 or 270;
        var (width, height) = swap ? (3508, 2480) : (2480, 3508);
        var geometry = new PageGeometry(1, A4, rotation, width, height, 0);
        Assert.Equal(swap ? 841.92 : 595.2, geometry.DisplayWidth, 6);

        // The top-left pixel of the display is this corner of the unrotated page.
        var box = geometry.ToUserBox(0, 0, 1, 1);
        var corner = rotation switch
        {
            // PdfPage.ToDisplay: 90 maps (x, y) to (y, w − x); 180 to (w − x, h − y); 270 to (h − y, x).
            90 => (X: 0.0, Y: 0.0),
            180 => (X: 595.2, Y: 0.0),
            _ => (X: 595.2, Y: 841.92),
        };
        Assert.True(Math.Abs(box.X0 - corner.X) < 0.5 || Math.Abs(box.X1 - corner.X) < 0.5, $"{rotation}: {box}");
        Assert.True(Math.Abs(box.Y0 - corner.Y) < 0.5 || Math.Abs(box.Y1 - corner.Y) < 0.5, $"{rotation}: {box}");

        // Every user-space box maps back to the page it came from.
        var page = new PageGeometry(1, A4, rotation, width, height, 0).ToUserBox(0, 0, width, height);
        Assert.Equal(new PageBox(1, 0, 0, 595.2, 841.92), page);
    }

    [Fact]
    public void TheSkewIsTurnedBackForProvenance()
    {
        var geometry = new PageGeometry(1, A4, 0, 2480, 3508, 1.0);
        var (ox, oy) = Skew.ToOriginal(2479, 1753.5, 2480, 3508, 1.0);

        // A point at the right edge, half way down, lies lower in the scan by tan(1°) of half the width.
        Assert.Equal(2479, ox, 0);
        Assert.Equal(1753.5 + (1239.5 * Math.Sin(Math.PI / 180)), oy, 1);
        var box = geometry.ToUserBox(2478, 1753, 2479, 1754);
        Assert.Equal(841.92 - (oy / geometry.PixelsPerPointY), (box.Y0 + box.Y1) / 2, 0);
    }
}
