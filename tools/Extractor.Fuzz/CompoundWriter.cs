using System.Buffers.Binary;
using System.Text;

namespace Extractor.Fuzz;

/// <summary>
/// Writes small OLE2 compound files (version 3, 512-byte sectors, one FAT sector): the container of .xls and
/// legacy .doc files, for crafted cases that break its structure. Streams are padded to 4096 bytes, and their
/// size says so, so that each lives in regular sectors (no mini stream).
/// </summary>
public sealed class CompoundWriter
{
    /// <summary>End of a sector chain.</summary>
    public const uint EndOfChain = 0xFFFFFFFE;

    private const int SectorSize = 512;
    private const uint FreeSector = 0xFFFFFFFF;

    private readonly List<(string Name, byte[] Data)> streams = [];

    /// <summary>Adds a stream.</summary>
    public CompoundWriter Add(string name, byte[] data)
    {
        streams.Add((name, data));
        return this;
    }

    /// <summary>
    /// The file. <paramref name="damage"/> may change the header (512 bytes), the FAT (128 entries: sector 0 is
    /// the FAT, sector 1 the directory, then the streams' sectors in order) and the directory (root first,
    /// then one 128-byte entry a stream) before they are written.
    /// </summary>
    public byte[] Build(Action<byte[], uint[], byte[]>? damage = null)
    {
        var header = new byte[SectorSize];
        var fat = new uint[SectorSize / 4];
        Array.Fill(fat, FreeSector);
        var directory = new byte[SectorSize];
        var data = new List<byte[]>();
        fat[0] = 0xFFFFFFFD;
        fat[1] = EndOfChain;
        var next = 2u;
        Entry(directory, 0, "Root Entry", 5, EndOfChain, 0, child: streams.Count > 0 ? 1u : FreeSector, right: FreeSector);
        for (var i = 0; i < streams.Count; i++)
        {
            var padded = new byte[Math.Max(4096, (streams[i].Data.Length + SectorSize - 1) / SectorSize * SectorSize)];
            streams[i].Data.CopyTo(padded, 0);
            var sectors = padded.Length / SectorSize;
            if (next + sectors > fat.Length || i >= 3)
            {
                throw new InvalidOperationException("the streams do not fit one FAT and directory sector");
            }

            for (var s = 0; s < sectors; s++)
            {
                fat[next + s] = s == sectors - 1 ? EndOfChain : next + (uint)s + 1;
                data.Add(padded[(s * SectorSize)..((s + 1) * SectorSize)]);
            }

            Entry(directory, i + 1, streams[i].Name, 2, next, (uint)Math.Max(streams[i].Data.Length, 4096), child: FreeSector, right: i + 1 < streams.Count ? (uint)(i + 2) : FreeSector);
            next += (uint)sectors;
        }

        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(header, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(24), 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(26), 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(28), 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(30), 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(32), 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(44), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(48), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(56), 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(60), EndOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(68), EndOfChain);
        for (var i = 0; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(76 + (4 * i)), i == 0 ? 0 : FreeSector);
        }

        damage?.Invoke(header, fat, directory);
        var file = new byte[SectorSize * (2 + data.Count + 1)];
        header.CopyTo(file, 0);
        for (var i = 0; i < fat.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(SectorSize + (4 * i)), fat[i]);
        }

        directory.CopyTo(file, 2 * SectorSize);
        for (var i = 0; i < data.Count; i++)
        {
            data[i].CopyTo(file, (3 + i) * SectorSize);
        }

        return file;
    }

    private static void Entry(byte[] directory, int index, string name, byte type, uint start, uint size, uint child, uint right)
    {
        var entry = directory.AsSpan(index * 128, 128);
        var bytes = Encoding.Unicode.GetBytes(name + "\0");
        bytes.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)bytes.Length);
        entry[66] = type;
        entry[67] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(entry[68..], FreeSector);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[72..], right);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[76..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[116..], start);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[120..], size);
    }
}
