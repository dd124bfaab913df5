using System.Buffers.Binary;
using System.Text;

namespace Extractor.Sources.Kinds;

/// <summary>
/// Tells an input's type from its bytes, never from its name: a PNG named .pdf is a PNG. This is the one
/// place a new input kind is recognised; <see cref="InputRoute"/> says which reader takes it.
/// </summary>
internal static class InputSniffer
{
    public static readonly InputType Empty = new("empty", "an empty file", InputRoute.Empty);
    public static readonly InputType Pdf = new("pdf", "a PDF", InputRoute.Pdf);
    public static readonly InputType Text = new("text", "text", InputRoute.Text);
    public static readonly InputType Binary = new("binary", "binary data of no type this program knows", InputRoute.Unsupported);

    private static readonly byte[] Ole2Signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The type of <paramref name="bytes"/>.</summary>
    public static InputType Identify(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return Empty;
        }

        // PDF readers accept the header anywhere in the first kilobyte (some files start with junk).
        if (bytes[..Math.Min(bytes.Length, 1024)].IndexOf("%PDF-"u8) >= 0)
        {
            return Pdf;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return new("png", "a PNG image", InputRoute.Image);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return new("jpeg", "a JPEG image", InputRoute.Image);
        }

        if (bytes.StartsWith("II*\0"u8) || bytes.StartsWith("MM\0*"u8))
        {
            return new("tiff", "a TIFF image", InputRoute.Image);
        }

        if (IsBmp(bytes))
        {
            return new("bmp", "a BMP image", InputRoute.Image);
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return new("gif", "a GIF image", InputRoute.Unsupported);
        }

        if (bytes.StartsWith("PK\x03\x04"u8) || bytes.StartsWith("PK\x05\x06"u8))
        {
            return Zip(bytes);
        }

        if (bytes.StartsWith(Ole2Signature))
        {
            return Ole2(bytes);
        }

        if (bytes.StartsWith(@"{\rtf"u8))
        {
            return new("rtf", "an RTF document", InputRoute.Unsupported);
        }

        return Text;
    }

    private static bool IsBmp(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 18
        && bytes.StartsWith("BM"u8)
        && BinaryPrimitives.ReadUInt32LittleEndian(bytes[14..]) is 12 or 40 or 52 or 56 or 64 or 108 or 124;

    /// <summary>A ZIP archive: an Office Open XML or OpenDocument file by the parts its directory names.</summary>
    private static InputType Zip(ReadOnlySpan<byte> bytes)
    {
        var names = ZipEntryNames(bytes);
        if (names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal)))
        {
            return new("xlsx", "an Excel workbook (.xlsx)", InputRoute.Office);
        }

        if (names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)))
        {
            return new("docx", "a Word document (.docx)", InputRoute.Office);
        }

        if (names.Any(n => n.StartsWith("ppt/", StringComparison.Ordinal)))
        {
            return new("pptx", "a PowerPoint presentation (.pptx)", InputRoute.Unsupported);
        }

        // OpenDocument stores its media type uncompressed as the first entry, right after its name.
        var text = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 200)]);
        if (text.Contains("mimetypeapplication/vnd.oasis.opendocument.spreadsheet", StringComparison.Ordinal))
        {
            return new("ods", "an OpenDocument spreadsheet (.ods)", InputRoute.Unsupported);
        }

        if (text.Contains("mimetypeapplication/vnd.oasis.opendocument.text", StringComparison.Ordinal))
        {
            return new("odt", "an OpenDocument text (.odt)", InputRoute.Unsupported);
        }

        return new("zip", "a ZIP archive", InputRoute.Unsupported);
    }

    /// <summary>The names in a ZIP's central directory (empty when it cannot be found, e.g. a cut-off file).</summary>
    private static List<string> ZipEntryNames(ReadOnlySpan<byte> bytes)
    {
        var names = new List<string>();
        var tail = bytes[Math.Max(0, bytes.Length - 65_557)..];
        var end = tail.LastIndexOf("PK\x05\x06"u8);
        if (end < 0 || tail.Length - end < 22)
        {
            return names;
        }

        var record = tail[end..];
        var count = BinaryPrimitives.ReadUInt16LittleEndian(record[10..]);
        var offset = (long)BinaryPrimitives.ReadUInt32LittleEndian(record[16..]);
        for (var i = 0; i < count && offset >= 0 && offset + 46 <= bytes.Length; i++)
        {
            var entry = bytes[(int)offset..];
            if (!entry.StartsWith("PK\x01\x02"u8))
            {
                break;
            }

            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(entry[28..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(entry[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(entry[32..]);
            if (46 + nameLength > entry.Length)
            {
                break;
            }

            names.Add(Encoding.UTF8.GetString(entry.Slice(46, nameLength)));
            offset += 46 + nameLength + extraLength + commentLength;
        }

        return names;
    }

    /// <summary>
    /// An OLE2 compound file (the binary Office formats): which one by the streams its directory names. Directory
    /// entries are 128 bytes at 128-byte steps of a sector; each is checked whole (name, its length, its type), so
    /// text that happens to spell a stream name is not taken for one.
    /// </summary>
    private static InputType Ole2(ReadOnlySpan<byte> bytes)
    {
        var streams = new HashSet<string>(StringComparer.Ordinal);
        for (var at = 512; at + 128 <= bytes.Length; at += 128)
        {
            var entry = bytes.Slice(at, 128);
            int length = BinaryPrimitives.ReadUInt16LittleEndian(entry[64..]);
            var type = entry[66];
            if (length is < 4 or > 64 || length % 2 != 0 || type is not (1 or 2 or 5) || entry[length - 2] != 0 || entry[length - 1] != 0)
            {
                continue;
            }

            streams.Add(Encoding.Unicode.GetString(entry[..(length - 2)]));
        }

        if (streams.Contains("EncryptedPackage"))
        {
            return new("office-encrypted", "a password-protected Office file", InputRoute.Unsupported);
        }

        if (streams.Contains("Workbook") || streams.Contains("Book"))
        {
            return new("xls", "an Excel 97–2003 workbook (.xls, .et)", InputRoute.Office);
        }

        if (streams.Contains("WordDocument"))
        {
            return new("doc", "a Word 97–2003 document (.doc, .wps)", InputRoute.Unsupported);
        }

        if (streams.Contains("PowerPoint Document"))
        {
            return new("ppt", "a PowerPoint 97–2003 presentation (.ppt)", InputRoute.Unsupported);
        }

        return new("ole2", "an OLE2 compound file that is not an Excel workbook", InputRoute.Unsupported);
    }
}
