using System.Buffers.Binary;

namespace Extractor.Sources.Ocr.Imaging;

/// <summary>
/// What a TIFF's header and image directories say, read once and bounded by the file: the chain of
/// directories (one a page) and each page's stated resolution. Classic TIFF (4-byte offsets, 12-byte entries)
/// and BigTIFF (8-byte offsets, 20-byte entries), either byte order. Every read is checked against the file's
/// length: a damaged header ends the chain or states nothing, it never throws.
/// </summary>
internal sealed class TiffLayout
{
    /// <summary>Most pages taken from one TIFF: a directory chain longer than this is cut there.</summary>
    public const int MaxPages = 10_000;

    private const ushort XResolutionTag = 282;
    private const ushort YResolutionTag = 283;
    private const ushort ResolutionUnitTag = 296;
    private const ushort RationalType = 5;

    private readonly int countSize;
    private readonly int entrySize;
    private readonly int offsetSize;

    private TiffLayout(ReadOnlySpan<byte> data, bool bigTiff)
    {
        BigEndian = data[0] == 'M';
        BigTiff = bigTiff;
        (countSize, entrySize, offsetSize) = bigTiff ? (8, 20, 8) : (2, 12, 4);
        Directories = Chain(data);
    }

    /// <summary>Motorola byte order (MM).</summary>
    public bool BigEndian { get; }

    /// <summary>A BigTIFF (8-byte offsets).</summary>
    public bool BigTiff { get; }

    /// <summary>
    /// The offsets of the image directories in chain order: each one's entry table lies inside the file; the
    /// chain ends at a zero, an offset outside the file, one already seen, or <see cref="MaxPages"/>.
    /// </summary>
    public IReadOnlyList<long> Directories { get; }

    /// <summary>The layout of the TIFF in <paramref name="data"/>, or null when it does not start as a TIFF or BigTIFF does.</summary>
    public static TiffLayout? Read(ReadOnlySpan<byte> data) =>
        IsTiff(data) ? new TiffLayout(data, bigTiff: false) : IsBigTiff(data) ? new TiffLayout(data, bigTiff: true) : null;

    /// <summary>True when <paramref name="data"/> starts as a classic TIFF does (II*␀ or MM␀*).</summary>
    public static bool IsTiff(ReadOnlySpan<byte> data) =>
        data.Length >= 4 && ((data[0] == 'I' && data[1] == 'I' && data[2] == 42 && data[3] == 0) || (data[0] == 'M' && data[1] == 'M' && data[2] == 0 && data[3] == 42));

    /// <summary>True when <paramref name="data"/> starts as a BigTIFF does (II+␀ or MM␀+, 8-byte offsets).</summary>
    public static bool IsBigTiff(ReadOnlySpan<byte> data) =>
        data.Length >= 16 && ((data[0] == 'I' && data[1] == 'I' && data[2] == 43 && data[3] == 0) || (data[0] == 'M' && data[1] == 'M' && data[2] == 0 && data[3] == 43));

    /// <summary>
    /// The resolution page <paramref name="page"/>'s directory states across and down (XResolution and
    /// YResolution in dots an inch, in the unit ResolutionUnit gives, an inch when it gives none; one of them
    /// alone stands for both), or null when it states none or none that can be read.
    /// </summary>
    public StatedResolution? StatedResolution(ReadOnlySpan<byte> data, int page)
    {
        if (page < 0 || page >= Directories.Count)
        {
            return null;
        }

        var directory = Directories[page];
        var entries = Number(data, directory, countSize);
        double? across = null, down = null;
        var unit = 2L;
        for (var i = 0L; i < entries; i++)
        {
            var entry = directory + countSize + (i * entrySize);
            var tag = Number(data, entry, 2);
            var value = entry + 4 + offsetSize;
            if (tag is XResolutionTag or YResolutionTag && Number(data, entry + 2, 2) == RationalType)
            {
                // Eight bytes: inline in a BigTIFF's value field, elsewhere in a classic TIFF.
                var at = BigTiff ? value : Number(data, value, 4);
                var numerator = Number(data, at, 4);
                var denominator = Number(data, at + 4, 4);
                double? resolution = denominator > 0 && at + 8 <= data.Length ? (double)numerator / denominator : null;
                (across, down) = tag == XResolutionTag ? (resolution, down) : (across, resolution);
            }
            else if (tag == ResolutionUnitTag)
            {
                unit = Number(data, value, 2);
            }
        }

        var inches = unit switch
        {
            2 => 1.0,
            3 => 2.54,
            _ => 0,
        };
        return Ocr.StatedResolution.Of(across * inches, down * inches);
    }

    /// <summary>Sets the first-directory offset in the header of <paramref name="file"/> (a copy of the TIFF) to page <paramref name="page"/>'s directory.</summary>
    public void PointAt(Span<byte> file, int page)
    {
        var offset = Directories[page];
        if (BigTiff)
        {
            var at = file.Slice(8, 8);
            if (BigEndian)
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
            if (BigEndian)
            {
                BinaryPrimitives.WriteUInt32BigEndian(at, (uint)offset);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(at, (uint)offset);
            }
        }
    }

    private List<long> Chain(ReadOnlySpan<byte> data)
    {
        var result = new List<long>();
        var seen = new HashSet<long>();
        var offset = Number(data, BigTiff ? 8 : 4, offsetSize);
        while (offset >= 8 && offset + countSize <= data.Length && seen.Add(offset) && result.Count < MaxPages)
        {
            var entries = Number(data, offset, countSize);
            var next = offset + countSize + (entries * entrySize);
            if (entries <= 0 || entries > 65_535 || next + offsetSize > data.Length)
            {
                break;
            }

            result.Add(offset);
            offset = Number(data, next, offsetSize);
        }

        return result;
    }

    /// <summary>The unsigned number of <paramref name="size"/> bytes at <paramref name="at"/>, or 0 when it lies outside the file or would not fit a long.</summary>
    private long Number(ReadOnlySpan<byte> data, long at, int size)
    {
        if (at < 0 || at + size > data.Length)
        {
            return 0;
        }

        var bytes = data.Slice((int)at, size);
        var value = size switch
        {
            2 => BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes),
            4 => BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes),
            _ => BigEndian ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : BinaryPrimitives.ReadUInt64LittleEndian(bytes),
        };
        return value > long.MaxValue / 2 ? 0 : (long)value;
    }
}
