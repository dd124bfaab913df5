using System.Buffers.Binary;
using OpenCvSharp;

namespace Extractor.Sources.Ocr.Imaging;

/// <summary>
/// The pages of an image file, decoded one at a time: a multi-page TIFF's pages are found by walking its
/// chain of image directories, and each is decoded alone by pointing the header of a copy of the file at its
/// directory (a decoder reads a TIFF from its first directory on); the first page is decoded from the file
/// as it is. A batch converting two 30-page 300-dpi TIFFs at once would otherwise hold every page of both
/// decoded (8.7 MB a page). Any other format is one page. Not thread-safe: one conversion reads its pages in
/// turn.
/// </summary>
internal sealed class PageImageSet
{
    /// <summary>Most pages taken from one TIFF: a directory chain longer than this is cut there.</summary>
    public const int MaxPages = 10_000;

    private readonly ReadOnlyMemory<byte> data;
    private readonly bool tiff;
    private readonly long[] directories;
    private readonly bool bigEndian;
    private readonly bool bigTiff;

    private PageImageSet(ReadOnlyMemory<byte> data, bool tiff, long[] directories, bool bigEndian, bool bigTiff)
    {
        this.data = data;
        this.tiff = tiff;
        this.directories = directories;
        this.bigEndian = bigEndian;
        this.bigTiff = bigTiff;
    }

    /// <summary>How many pages the file has.</summary>
    public int Count => tiff ? directories.Length : 1;

    /// <summary>The pages of the image file held in <paramref name="data"/> (a TIFF's directories are found now; nothing is decoded yet).</summary>
    /// <exception cref="InvalidDataException">A TIFF without a readable first directory.</exception>
    public static PageImageSet Open(ReadOnlyMemory<byte> data)
    {
        var span = data.Span;
        if (!PageImageLoader.IsTiff(span) && !IsBigTiff(span))
        {
            return new PageImageSet(data, false, [], false, false);
        }

        var bigEndian = span[0] == 'M';
        var big = IsBigTiff(span);
        var directories = Directories(span, bigEndian, big);
        if (directories.Count == 0)
        {
            throw new InvalidDataException("a TIFF whose first image directory cannot be read");
        }

        return new PageImageSet(data, true, [.. directories], bigEndian, big);
    }

    /// <summary>
    /// Page <paramref name="index"/> (from 0), 8-bit, grey when it has no colour (<see cref="PageImageLoader.Compact"/>).
    /// The caller disposes it.
    /// </summary>
    /// <exception cref="InvalidDataException">The page cannot be decoded.</exception>
    public Mat Decode(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        Mat image;
        if (!tiff || index == 0)
        {
            image = PageImageLoader.Compact(Cv2.ImDecode(data.Span, tiff ? ImreadModes.Unchanged : ImreadModes.Color));
        }
        else
        {
            // The copy is native memory held only while the page is decoded: a managed copy of a 13 MB grey
            // TIFF lived as long as the conversion, beside the file's own bytes, through every page's reading.
            using var copy = new Mat(1, data.Length, MatType.CV_8UC1);
            var bytes = copy.AsSpan<byte>();
            data.Span.CopyTo(bytes);
            PointAt(bytes, directories[index]);
            image = PageImageLoader.Compact(Cv2.ImDecode(copy, ImreadModes.Unchanged));
        }

        if (image.Empty())
        {
            image.Dispose();
            throw new InvalidDataException(tiff ? $"page {index + 1} of the TIFF could not be decoded" : "bytes OpenCV cannot decode as an image");
        }

        return image;
    }

    /// <summary>Sets the first-directory offset in the header of <paramref name="file"/> (a copy of the TIFF) to <paramref name="offset"/>.</summary>
    private void PointAt(Span<byte> file, long offset)
    {
        if (bigTiff)
        {
            var at = file.Slice(8, 8);
            if (bigEndian)
            {
                BinaryPrimitives.WriteUInt64BigEndian(at, (ulong)offset);
            }
            else
            {
                BinaryPrimitives.WriteUInt64LittleEndian(at, (ulong)offset);
            }
        }
        else
        {
            var at = file.Slice(4, 4);
            if (bigEndian)
            {
                BinaryPrimitives.WriteUInt32BigEndian(at, (uint)offset);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(at, (uint)offset);
            }
        }
    }

    /// <summary>True when <paramref name="data"/> starts as a BigTIFF does (II+␀ or MM␀+, 8-byte offsets).</summary>
    internal static bool IsBigTiff(ReadOnlySpan<byte> data) =>
        data.Length >= 16 && ((data[0] == 'I' && data[1] == 'I' && data[2] == 43 && data[3] == 0) || (data[0] == 'M' && data[1] == 'M' && data[2] == 0 && data[3] == 43));

    /// <summary>
    /// The offsets of a TIFF's image directories in chain order: each one's entry table must lie inside the
    /// file; the chain ends at a zero, an offset outside the file, one already seen, or <see cref="MaxPages"/>.
    /// </summary>
    internal static IReadOnlyList<long> Directories(ReadOnlySpan<byte> data, bool bigEndian, bool bigTiff)
    {
        var result = new List<long>();
        var seen = new HashSet<long>();
        var (countSize, entrySize, offsetSize) = bigTiff ? (8, 20, 8) : (2, 12, 4);
        var offset = Read(data, bigTiff ? 8 : 4, offsetSize, bigEndian);
        while (offset >= 8 && offset + countSize <= data.Length && seen.Add(offset) && result.Count < MaxPages)
        {
            var entries = Read(data, (int)offset, countSize, bigEndian);
            var next = offset + countSize + (entries * entrySize);
            if (entries <= 0 || entries > 65_535 || next + offsetSize > data.Length)
            {
                break;
            }

            result.Add(offset);
            offset = Read(data, (int)next, offsetSize, bigEndian);
        }

        return result;
    }

    private static long Read(ReadOnlySpan<byte> data, int at, int size, bool bigEndian)
    {
        if (at < 0 || at + size > data.Length)
        {
            return 0;
        }

        var bytes = data.Slice(at, size);
        var value = size switch
        {
            2 => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes),
            4 => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes),
            _ => bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : BinaryPrimitives.ReadUInt64LittleEndian(bytes),
        };
        return value > long.MaxValue / 2 ? 0 : (long)value;
    }
}
