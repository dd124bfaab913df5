using System.Buffers.Binary;
using Extractor.Sources.Ocr.Imaging;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

public sealed class PageImageSetTests
{
    /// <summary>A TIFF of pages each its own size and grey level, written by OpenCV (little-endian, classic).</summary>
    private static byte[] Tiff(params (int Width, int Height, int Grey)[] pages)
    {
        var path = Path.Combine(Path.GetTempPath(), $"set-{Guid.NewGuid():N}.tif");
        var mats = pages.Select(p => new Mat(p.Height, p.Width, MatType.CV_8UC1, Scalar.All(p.Grey))).ToArray();
        try
        {
            Assert.True(Cv2.ImWrite(path, mats));
            return File.ReadAllBytes(path);
        }
        finally
        {
            foreach (var m in mats)
            {
                m.Dispose();
            }

            File.Delete(path);
        }
    }

    [Fact]
    public void EachPageOfATiffIsDecodedAloneInAnyOrder()
    {
        var set = PageImageSet.Open(Tiff((30, 40, 10), (20, 50, 200), (70, 60, 120)));
        Assert.Equal(3, set.Count);
        using var third = set.Decode(2);
        using var first = set.Decode(0);
        using var second = set.Decode(1);
        Assert.Equal(new Size(70, 60), third.Size());
        Assert.Equal(120, third.At<byte>(5, 5));
        Assert.Equal(new Size(30, 40), first.Size());
        Assert.Equal(10, first.At<byte>(5, 5));
        Assert.Equal(new Size(20, 50), second.Size());
        Assert.Equal(200, second.At<byte>(5, 5));
        Assert.Equal(1, second.Channels());
    }

    [Fact]
    public void TheCallersBytesAreLeftAsTheyWere()
    {
        var bytes = Tiff((30, 40, 10), (20, 50, 200));
        var copy = bytes.ToArray();
        var set = PageImageSet.Open(bytes);
        set.Decode(1).Dispose();
        Assert.Equal(copy, bytes);
    }

    [Fact]
    public void BytesOwnedByTheReaderArePointedAtEachPageInPlaceAndPutBack()
    {
        var bytes = Tiff((30, 40, 10), (20, 50, 200), (70, 60, 120));
        var copy = bytes.ToArray();
        var set = PageImageSet.Open(bytes, owned: true);
        using (var third = set.Decode(2))
        {
            Assert.Equal(new Size(70, 60), third.Size());
            Assert.Equal(120, third.At<byte>(5, 5));
            Assert.Equal(copy, bytes);
        }

        using var second = set.Decode(1);
        using var first = set.Decode(0);
        Assert.Equal((new Size(20, 50), 200), (second.Size(), (int)second.At<byte>(5, 5)));
        Assert.Equal((new Size(30, 40), 10), (first.Size(), (int)first.At<byte>(5, 5)));
        Assert.Equal(copy, bytes);
    }

    [Fact]
    public void NoManagedCopyOfTheFileIsKeptWhileItsPagesAreRead()
    {
        // Three uncompressed 700 × 1000 pages: a 2.1 MB file. A copy of it on the managed heap, held for the
        // whole conversion, doubled what a large multi-page TIFF cost while its pages were read.
        var bytes = Tiff((700, 1000, 10), (700, 1000, 200), (700, 1000, 120));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var set = PageImageSet.Open(bytes);
        for (var i = 0; i < set.Count; i++)
        {
            set.Decode(i).Dispose();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < bytes.Length / 10, $"{allocated} bytes allocated reading a {bytes.Length}-byte file");
    }

    [Fact]
    public void AChainThatLoopsOrRunsOffTheFileEndsThere()
    {
        var bytes = Tiff((30, 40, 10), (20, 50, 200));
        var directories = TiffLayout.Read(bytes)!.Directories;
        Assert.Equal(2, directories.Count);

        // The second directory's next pointer set back to the first: two pages, not a loop.
        var second = (int)directories[1];
        var next = second + 2 + (BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(second)) * 12);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(next), (uint)directories[0]);
        Assert.Equal(2, PageImageSet.Open(bytes).Count);

        // Pointed past the end of the file: the pages before it are kept.
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(next), (uint)bytes.Length + 100);
        Assert.Equal(2, PageImageSet.Open(bytes).Count);

        // A first directory outside the file: no page can be read.
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)bytes.Length + 100);
        Assert.Throws<InvalidDataException>(() => PageImageSet.Open(bytes));
    }

    [Fact]
    public void ABigEndianTiffIsWalkedAsWell()
    {
        // The same two pages in Motorola order: header, two one-entry directories (no image data needed to walk them).
        var bytes = new byte[64];
        "MM"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8 + 2 + 12), 30);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(30), 1);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(30 + 2 + 12), 0);
        Assert.Equal([8L, 30L], TiffLayout.Read(bytes)!.Directories);
        Assert.Equal(2, PageImageSet.Open(bytes).Count);
        Assert.Throws<InvalidDataException>(() => PageImageSet.Open(bytes).Decode(0).Dispose());
    }

    [Fact]
    public void OtherFormatsAreOnePage()
    {
        using var image = new Mat(30, 40, MatType.CV_8UC3, new Scalar(0, 0, 255));
        Cv2.ImEncode(".png", image, out var png);
        var set = PageImageSet.Open(png);
        Assert.Equal(1, set.Count);
        using var page = set.Decode(0);
        Assert.Equal(new Size(40, 30), page.Size());
        Assert.Throws<ArgumentOutOfRangeException>(() => set.Decode(1));
    }
}
