using System.Buffers.Binary;
using System.Collections.Immutable;
using Extractor.Model;
using Extractor.Sources.Ocr;
using Extractor.Sources.Ocr.Imaging;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

/// <summary>Each page of a TIFF read at the resolution it states, not at its first page's.</summary>
[Collection(PaddleEngineGroup.Name)]
public sealed class TiffPageResolutionTests(PaddleEngineFixture fixture)
{
    [Fact]
    public void APageScannedCoarserThanTheFirstIsReadAtItsOwnResolution()
    {
        // An A4 page at 300 dpi, then one at 150 dpi (written at 300, its directory's resolution set to 150).
        var path = Path.Combine(Path.GetTempPath(), $"mixed-{Guid.NewGuid():N}.tif");
        byte[] bytes;
        using (var fine = new Mat(3508, 2480, MatType.CV_8UC1, Scalar.All(255)))
        using (var coarse = new Mat(1754, 1240, MatType.CV_8UC1, Scalar.All(255)))
        {
            try
            {
                Assert.True(Cv2.ImWrite(path, [fine, coarse], [new ImageEncodingParam(ImwriteFlags.TiffResUnit, 2), new ImageEncodingParam(ImwriteFlags.TiffXDpi, 300), new ImageEncodingParam(ImwriteFlags.TiffYDpi, 300)]));
                bytes = File.ReadAllBytes(path);
            }
            finally
            {
                File.Delete(path);
            }
        }

        SetResolution(bytes, page: 1, 150);
        var set = PageImageSet.Open(bytes);
        Assert.Equal((300.0, 150.0), (set.StatedDotsPerInch(0)!.Value, set.StatedDotsPerInch(1)!.Value));

        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var (pages, _, count) = ImageFileReader.Read("mixed.tif", "a TIFF image", bytes, false, new OcrSetup(null, new ProcessToolRunner(), fixture.Engine), null, diagnostics, CancellationToken.None);
        Assert.Equal(2, count);
        // Both A4 in points (595 × 842), to the pixel the 300-dpi page loses when it is brought to 200 dpi.
        Assert.All(pages, p => Assert.Equal((595.0, 842.0), (Math.Round(p.Width), Math.Round(p.Height))));
    }

    [Fact]
    public void AFaxPageIsStretchedToSquarePixelsBeforeItIsRead()
    {
        // A form faxed in standard mode: 204 dpi across, 98 down, bitonal, kept as a TIFF stating both.
        byte[] bytes;
        using (var page = Rendering.Page(Rendering.Form("seed-chromium-noto-sans-a4"), 1, 204))
        using (var fax = new Mat())
        {
            Cv2.Resize(page, fax, new Size(page.Cols, (int)Math.Round(page.Rows * 98.0 / 204)), 0, 0, InterpolationFlags.Area);
            Cv2.Threshold(fax, fax, 160, 255, ThresholdTypes.Binary);
            Cv2.ImEncode(".tif", fax, out bytes, [new ImageEncodingParam(ImwriteFlags.TiffResUnit, 2), new ImageEncodingParam(ImwriteFlags.TiffXDpi, 204), new ImageEncodingParam(ImwriteFlags.TiffYDpi, 98)]);
        }

        var set = PageImageSet.Open(bytes);
        Assert.Equal(204, set.StatedDotsPerInch(0));
        using (var decoded = set.Decode(0))
        {
            // 2,385 rows at 204 dpi, sent as 1,146: stretched back to within a row of them.
            Assert.InRange(decoded.Rows, 2384, 2386);
        }

        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var (pages, _, _) = ImageFileReader.Read("fax.tif", "a TIFF image", bytes, false, new OcrSetup(null, new ProcessToolRunner(), fixture.Engine), null, diagnostics, CancellationToken.None);
        var read = Assert.Single(pages);
        Assert.Equal((595.0, 842.0), (Math.Round(read.Width), Math.Round(read.Height)));
        var text = string.Concat(read.Glyphs.Select(g => g.Text));
        Assert.Contains("财政项目支出绩效自评表", text, StringComparison.Ordinal);
        Assert.Contains("上海市宝山区杨行镇社区党群服务中心", text, StringComparison.Ordinal);
    }

    /// <summary>Sets the XResolution and YResolution of page <paramref name="page"/> (from 0) of a little-endian classic TIFF to <paramref name="dpi"/>/1.</summary>
    private static void SetResolution(byte[] tiff, int page, uint dpi)
    {
        var directory = (int)BinaryPrimitives.ReadUInt32LittleEndian(tiff.AsSpan(4));
        for (var i = 0; i < page; i++)
        {
            var count = BinaryPrimitives.ReadUInt16LittleEndian(tiff.AsSpan(directory));
            directory = (int)BinaryPrimitives.ReadUInt32LittleEndian(tiff.AsSpan(directory + 2 + (12 * count)));
        }

        var entries = BinaryPrimitives.ReadUInt16LittleEndian(tiff.AsSpan(directory));
        var set = 0;
        for (var i = 0; i < entries; i++)
        {
            var entry = directory + 2 + (12 * i);
            if (BinaryPrimitives.ReadUInt16LittleEndian(tiff.AsSpan(entry)) is 282 or 283)
            {
                var at = (int)BinaryPrimitives.ReadUInt32LittleEndian(tiff.AsSpan(entry + 8));
                BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at), dpi);
                BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 4), 1);
                set++;
            }
        }

        Assert.True(set == 2, $"page {page + 1} of the TIFF states no XResolution and YResolution");
    }
}
