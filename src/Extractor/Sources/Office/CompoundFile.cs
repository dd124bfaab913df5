using System.Buffers.Binary;
using Extractor.Model;

namespace Extractor.Sources.Office;

/// <summary>
/// Checks an OLE2 compound file (.xls, and the legacy Word files that are refused) before the legacy reader
/// walks it: the header's sizes, the sector allocation table, and every chain that reader follows (DIFAT,
/// FAT, directory, mini FAT, each stream) end without a loop inside the file, and every stream fits its
/// chain. The reader trusts these, so a damaged file would otherwise loop, or allocate what a header claims.
/// </summary>
internal sealed class CompoundFile
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FreeSector = 0xFFFFFFFF;
    private const int HeaderDifatEntries = 109;
    private const int EntrySize = 128;

    private readonly ReadOnlyMemory<byte> bytes;
    private readonly int sectorSize;
    private readonly int sectorCount;
    private readonly List<uint> fat = [];

    private CompoundFile(ReadOnlyMemory<byte> bytes, int sectorSize)
    {
        this.bytes = bytes;
        this.sectorSize = sectorSize;
        sectorCount = (int)((bytes.Length - sectorSize + (long)sectorSize - 1) / sectorSize);
    }

    /// <summary>The size of its sectors: 512, or 4096 for version 4 files.</summary>
    public int SectorSize => sectorSize;

    /// <summary>The names of the file's streams (<c>Workbook</c>, <c>WordDocument</c>, <c>EncryptedPackage</c>, …).</summary>
    public IReadOnlySet<string> Streams { get; private set; } = new HashSet<string>();

    /// <summary>True when the bytes start with the OLE2 signature.</summary>
    public static bool Recognizes(ReadOnlySpan<byte> bytes) => bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    /// <summary>Checks the file and lists its streams.</summary>
    /// <exception cref="OfficeFailure">The file is damaged or over a limit.</exception>
    public static CompoundFile Check(ReadOnlyMemory<byte> bytes, OfficeLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (bytes.Length > limits.MaxCompoundBytes)
        {
            throw Fail($"the file is {bytes.Length} bytes, more than the limit of {limits.MaxCompoundBytes} for an OLE2 (Office 97–2003) file");
        }

        if (bytes.Length < 512)
        {
            throw Fail("the OLE2 header is cut short");
        }

        var header = bytes.Span[..512];
        var byteOrder = U16(header, 28);
        var sectorShift = U16(header, 30);
        if ((byteOrder != 0xFFFE && byteOrder != 0xFFFF) || (sectorShift != 9 && sectorShift != 12) || U16(header, 32) != 6)
        {
            throw Fail("the OLE2 header is damaged (byte order or sector sizes)");
        }

        var file = new CompoundFile(bytes, 1 << sectorShift);
        file.ReadFat(header, cancellationToken);
        file.ReadDirectory(header, limits, cancellationToken);
        return file;
    }

    private void ReadFat(ReadOnlySpan<byte> header, CancellationToken cancellationToken)
    {
        var fatSectors = new List<uint>();
        for (var i = 0; i < HeaderDifatEntries; i++)
        {
            fatSectors.Add(U32(header, 76 + (4 * i)));
        }

        var difatCount = U32(header, 72);
        var difat = U32(header, 68);
        if (difatCount > (uint)sectorCount)
        {
            throw Fail($"the OLE2 header claims {difatCount} DIFAT sectors in a file of {sectorCount}");
        }

        // The legacy reader follows exactly the header's count of DIFAT sectors when the first is set.
        if (difat != EndOfChain)
        {
            var seen = new HashSet<uint>();
            for (var i = 0u; i < difatCount; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (difat >= (uint)sectorCount || !seen.Add(difat))
                {
                    throw Fail("the DIFAT chain of the OLE2 file leaves the file or loops");
                }

                var sector = Sector(difat);
                for (var j = 0; j < (sectorSize / 4) - 1; j++)
                {
                    fatSectors.Add(U32(sector, 4 * j));
                }

                difat = U32(sector, sectorSize - 4);
            }
        }

        // As the legacy reader does: free entries at the end are dropped, then the end-of-chain marker.
        while (fatSectors.Count > 0 && fatSectors[^1] == FreeSector)
        {
            fatSectors.RemoveAt(fatSectors.Count - 1);
        }

        fatSectors.RemoveAll(s => s == EndOfChain);
        if (fatSectors.Count > sectorCount || fatSectors.Any(s => s >= (uint)sectorCount))
        {
            throw Fail("the OLE2 sector allocation table points outside the file");
        }

        foreach (var s in fatSectors)
        {
            var sector = Sector(s);
            for (var j = 0; j < sectorSize / 4; j++)
            {
                fat.Add(U32(sector, 4 * j));
            }
        }
    }

    private void ReadDirectory(ReadOnlySpan<byte> header, OfficeLimits limits, CancellationToken cancellationToken)
    {
        var chain = Chain(U32(header, 48), fat, sectorCount, "directory", cancellationToken);
        var entryCount = (long)chain.Count * sectorSize / EntrySize;
        if (entryCount > limits.MaxParts)
        {
            throw Fail($"the OLE2 directory holds {entryCount} entries, more than the limit of {limits.MaxParts}");
        }

        var miniCutoff = U32(header, 56);
        var miniFatStart = U32(header, 60);
        var miniFat = new List<uint>();
        if (miniFatStart != EndOfChain)
        {
            foreach (var s in Chain(miniFatStart, fat, sectorCount, "mini FAT", cancellationToken))
            {
                var sector = Sector(s);
                for (var j = 0; j < sectorSize / 4; j++)
                {
                    miniFat.Add(U32(sector, 4 * j));
                }
            }
        }

        var directory = new byte[chain.Count * sectorSize];
        for (var i = 0; i < chain.Count; i++)
        {
            Sector(chain[i]).CopyTo(directory.AsSpan(i * sectorSize));
        }

        var streams = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var miniSectors = 0L;
        for (var e = 0; e < entryCount; e++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entry = directory.AsSpan(e * EntrySize, EntrySize);
            var type = entry[66];
            if (type != 2 && type != 5)
            {
                continue;
            }

            var start = U32(entry, 116);
            var size = U32(entry, 120);
            var isMini = type == 2 && size < miniCutoff;
            var sectors = size == 0 ? 0
                : isMini ? Chain(start, miniFat, (int)Math.Min(miniSectors, int.MaxValue), "mini stream", cancellationToken).Count * 64L
                : Chain(start, fat, sectorCount, "stream", cancellationToken).Count * (long)sectorSize;
            if (size > sectors || size > bytes.Length)
            {
                throw Fail($"an OLE2 stream claims {size} bytes, more than its {sectors} bytes of sectors");
            }

            if (type == 5)
            {
                // The root entry's stream holds the mini sectors; it is the first entry, so they are known before any mini stream.
                miniSectors = size / 64;
                continue;
            }

            var nameLength = Math.Min((int)U16(entry, 64), 64);
            var name = System.Text.Encoding.Unicode.GetString(entry[..(nameLength & ~1)]).TrimEnd('\0');
            streams.Add(name);
        }

        Streams = streams;
    }

    /// <summary>A chain of sectors (or mini sectors) that must end inside <paramref name="count"/> without a loop.</summary>
    private static List<uint> Chain(uint start, List<uint> table, int count, string what, CancellationToken cancellationToken)
    {
        var chain = new List<uint>();
        var seen = new HashSet<uint>();
        var sector = start;
        while (sector != EndOfChain)
        {
            if ((chain.Count & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (sector >= (uint)count || sector >= (uint)table.Count || !seen.Add(sector))
            {
                throw Fail($"the OLE2 {what} chain leaves the file or loops");
            }

            chain.Add(sector);
            sector = table[(int)sector];
        }

        return chain;
    }

    private ReadOnlySpan<byte> Sector(uint index)
    {
        var offset = (long)(index + 1) * sectorSize;
        var length = (int)Math.Min(sectorSize, bytes.Length - offset);
        if (length < sectorSize)
        {
            throw Fail("the OLE2 file is cut short inside a sector it uses");
        }

        return bytes.Span.Slice((int)offset, length);
    }

    private static ushort U16(ReadOnlySpan<byte> span, int at) => BinaryPrimitives.ReadUInt16LittleEndian(span[at..]);

    private static uint U32(ReadOnlySpan<byte> span, int at) => BinaryPrimitives.ReadUInt32LittleEndian(span[at..]);

    private static OfficeFailure Fail(string reason) => new(DiagnosticCodes.Unreadable, reason);
}
