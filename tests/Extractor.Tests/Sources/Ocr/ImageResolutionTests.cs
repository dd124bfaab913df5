using System.Buffers.Binary;
using Extractor.Sources.Ocr;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

/// <summary>The resolution an image file states, and the A4 assumption when it states none that fits a page.</summary>
public sealed class ImageResolutionTests
{
    [Fact]
    public void ATiffStatesItsResolution()
    {
        using var page = new Mat(2339, 1654, MatType.CV_8UC1, Scalar.All(255));
        Cv2.ImEncode(".tif", page, out var tiff, [new ImageEncodingParam(ImwriteFlags.TiffResUnit, 2), new ImageEncodingParam(ImwriteFlags.TiffXDpi, 200), new ImageEncodingParam(ImwriteFlags.TiffYDpi, 200)]);
        Assert.Equal(200, ImageResolution.Stated(tiff)?.Across);
        Assert.Equal(200, ImageResolution.DotsPerInch(ImageResolution.Stated(tiff)?.Across, 1654, 2339));
    }

    [Fact]
    public void APngStatesItsResolutionInPixelsAMetre()
    {
        using var page = new Mat(10, 10, MatType.CV_8UC1, Scalar.All(255));
        Cv2.ImEncode(".png", page, out var png);

        // A pHYs chunk put after IHDR: 11811 pixels a metre is 300 dpi (299.99).
        var phys = new byte[21];
        BinaryPrimitives.WriteInt32BigEndian(phys, 9);
        "pHYs"u8.CopyTo(phys.AsSpan(4));
        BinaryPrimitives.WriteUInt32BigEndian(phys.AsSpan(8), 11811);
        BinaryPrimitives.WriteUInt32BigEndian(phys.AsSpan(12), 11811);
        phys[16] = 1;
        var withPhys = png[..33].Concat(phys).Concat(png[33..]).ToArray();
        Assert.Equal(300, ImageResolution.Stated(withPhys)!.Value.Across, 1);
        Assert.Null(ImageResolution.Stated(png));
    }

    [Fact]
    public void AJpegStatesItsResolutionInItsJfifHeader()
    {
        using var page = new Mat(10, 10, MatType.CV_8UC1, Scalar.All(255));
        Cv2.ImEncode(".jpg", page, out var jpeg);
        // OpenCV writes JFIF without units (aspect ratio only): no resolution.
        Assert.Null(ImageResolution.Stated(jpeg));
        var dense = (byte[])jpeg.Clone();
        Assert.Equal("JFIF", System.Text.Encoding.ASCII.GetString(dense, 6, 4));
        dense[13] = 1; // units: dots an inch
        BinaryPrimitives.WriteUInt16BigEndian(dense.AsSpan(14), 150);
        Assert.Equal(150, ImageResolution.Stated(dense)?.Across);
    }

    [Fact]
    public void EachFormatStatesItsResolutionAcrossAndDown()
    {
        using var page = new Mat(20, 20, MatType.CV_8UC1, Scalar.All(255));
        Cv2.ImEncode(".tif", page, out var tiff, [new ImageEncodingParam(ImwriteFlags.TiffResUnit, 2), new ImageEncodingParam(ImwriteFlags.TiffXDpi, 204), new ImageEncodingParam(ImwriteFlags.TiffYDpi, 98)]);
        Assert.Equal(new StatedResolution(204, 98), ImageResolution.Stated(tiff));

        Cv2.ImEncode(".jpg", page, out var jpeg);
        jpeg[13] = 1;
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(14), 200);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(16), 100);
        Assert.Equal(new StatedResolution(200, 100), ImageResolution.Stated(jpeg));

        Cv2.ImEncode(".bmp", page, out var bmp);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(38), 7874); // 200 dpi in pixels a metre
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(42), 0);    // none down: the one across stands for both
        Assert.Equal(200, ImageResolution.Stated(bmp)!.Value.Across, 0);
        Assert.Equal(200, ImageResolution.Stated(bmp)!.Value.Down, 0);
    }

    [Theory]
    [InlineData(204, 98, 100, 208)] // a fax in standard mode: stretched down the page
    [InlineData(100, 200, 200, 100)] // coarser across: stretched across
    [InlineData(200, 200, 0, 0)] // square already: left
    [InlineData(200, 197, 0, 0)] // within the tolerance: left
    [InlineData(400, 50, 0, 0)] // eight times as tall as wide cannot be a scanner's: left
    public void PixelsAreMadeSquareAtTheFinerResolution(double across, double down, int cols, int rows)
    {
        using var page = new Mat(100, 100, MatType.CV_8UC1, Scalar.All(255));
        using var square = ImageResolution.Square(page, new StatedResolution(across, down));
        Assert.Equal((cols, rows), square is null ? (0, 0) : (square.Cols, square.Rows));
    }

    [Theory]
    [InlineData(72, 2339, 1654, 200.0)] // 72 dpi would make an A4 scan a page 32 inches high: taken as A4
    [InlineData(0, 3508, 2480, 300.0)] // nothing stated
    public void AResolutionThatCannotBeAPagesIsReplacedByA4(int stated, int longer, int shorter, double expected)
    {
        using var page = new Mat(longer, shorter, MatType.CV_8UC1, Scalar.All(255));
        var parameters = stated == 0 ? Array.Empty<ImageEncodingParam>() : [new ImageEncodingParam(ImwriteFlags.TiffResUnit, 2), new ImageEncodingParam(ImwriteFlags.TiffXDpi, stated), new ImageEncodingParam(ImwriteFlags.TiffYDpi, stated)];
        Cv2.ImEncode(".tif", page, out var tiff, parameters);
        Assert.Equal(expected, ImageResolution.DotsPerInch(ImageResolution.Stated(tiff)?.Across, shorter, longer), 0);
    }
}
