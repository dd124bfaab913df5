using System.Buffers.Binary;
using Extractor.Sources.Ocr;
using Extractor.Sources.Ocr.Imaging;

namespace Extractor.Tests.Sources.Ocr;

/// <summary>A TIFF's directories and the resolution each page states.</summary>
public sealed class TiffLayoutTests
{
    /// <summary>
    /// A little-endian classic TIFF of directories with only an XResolution (RATIONAL, its eight bytes after
    /// the directory) and, when given, a ResolutionUnit; no image data (none is needed to read the layout).
    /// </summary>
    private static byte[] Classic(params (uint Numerator, uint Denominator, ushort? Unit)[] pages)
    {
        var bytes = new List<byte>();
        void U16(int value) => bytes.AddRange(BitConverter.GetBytes((ushort)value));
        void U32(long value) => bytes.AddRange(BitConverter.GetBytes((uint)value));
        bytes.AddRange("II"u8.ToArray());
        U16(42);
        U32(8);
        foreach (var (i, page) in pages.Index())
        {
            var start = bytes.Count;
            var entries = page.Unit is null ? 1 : 2;
            var end = start + 2 + (12 * entries) + 4;
            U16(entries);
            U16(282);
            U16(5);
            U32(1);
            U32(end);
            if (page.Unit is { } unit)
            {
                U16(296);
                U16(3);
                U32(1);
                U16(unit);
                U16(0);
            }

            U32(i == pages.Length - 1 ? 0 : end + 8);
            U32(page.Numerator);
            U32(page.Denominator);
        }

        return [.. bytes];
    }

    [Fact]
    public void EachPageStatesItsOwnResolution()
    {
        // Pages of two scanning sessions in one file: 300 an inch, 150 an inch, 80 a centimetre, none said.
        var bytes = Classic((300, 1, 2), (300, 2, null), (80, 1, 3), (72, 1, 1));
        var layout = TiffLayout.Read(bytes)!;
        Assert.Equal(4, layout.Directories.Count);
        Assert.Equal(300, layout.StatedResolution(bytes, 0)?.Across);
        Assert.Equal(150, layout.StatedResolution(bytes, 1)?.Across);
        Assert.Equal(203.2, layout.StatedResolution(bytes, 2)!.Value.Across, 6);
        Assert.Null(layout.StatedResolution(bytes, 3));
        Assert.Null(layout.StatedResolution(bytes, 4));

        // The file as a whole states its first page's.
        Assert.Equal(300, ImageResolution.Stated(bytes)?.Across);
    }

    [Fact]
    public void AResolutionThatCannotBeReadStatesNothing()
    {
        var zero = Classic((300, 0, 2));
        Assert.Null(TiffLayout.Read(zero)!.StatedResolution(zero, 0));

        // The rational's offset pointed past the end of the file.
        var cut = Classic((300, 1, 2));
        BinaryPrimitives.WriteUInt32LittleEndian(cut.AsSpan(8 + 2 + 8), (uint)cut.Length - 4);
        Assert.Null(TiffLayout.Read(cut)!.StatedResolution(cut, 0));
        BinaryPrimitives.WriteUInt32LittleEndian(cut.AsSpan(8 + 2 + 8), uint.MaxValue);
        Assert.Null(TiffLayout.Read(cut)!.StatedResolution(cut, 0));
        Assert.Null(ImageResolution.Stated(cut));
    }

    [Fact]
    public void ABigTiffHoldsItsResolutionInTheEntry()
    {
        // BigTIFF: 8-byte offsets and counts, 20-byte entries; a RATIONAL's eight bytes fit the value field.
        var bytes = new byte[16 + 8 + (2 * 20) + 8];
        "II"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), 43);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8), 16);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(16), 2);
        var entry = 24;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(entry), 282);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(entry + 2), 5);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(entry + 4), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(entry + 12), 600);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(entry + 16), 2);
        entry += 20;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(entry), 296);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(entry + 2), 3);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(entry + 4), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(entry + 12), 2);

        var layout = TiffLayout.Read(bytes)!;
        Assert.True(layout.BigTiff);
        Assert.Equal([16L], layout.Directories);
        Assert.Equal(300, layout.StatedResolution(bytes, 0)?.Across);
    }

    [Fact]
    public void OtherFilesHaveNoLayout()
    {
        Assert.Null(TiffLayout.Read("%PDF-1.7\n"u8));
        Assert.Null(TiffLayout.Read("II"u8));
    }
}
