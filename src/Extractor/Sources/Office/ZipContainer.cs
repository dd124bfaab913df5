using System.IO.Compression;
using Extractor.Model;

namespace Extractor.Sources.Office;

/// <summary>
/// Checks a ZIP container (.xlsx, .docx) before a reader opens it: the number of parts, part names given twice,
/// and the real decompressed size of every XML part, inflated here chunk by chunk up to the limits, so that
/// a zip bomb stops before any reader holds it. What the container holds decides how it is read.
/// </summary>
internal static class ZipContainer
{
    private const int Chunk = 64 * 1024;

    /// <summary>True when the bytes start like a ZIP archive (a local file header, or an empty archive's end record).</summary>
    public static bool Recognizes(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("PK\u0003\u0004"u8) || bytes.StartsWith("PK\u0005\u0006"u8);

    /// <summary>
    /// Checks the container and says what it is: <see cref="SourceKinds.Xlsx"/>, <see cref="SourceKinds.Docx"/>,
    /// or another kind of ZIP (the reason it is not read).
    /// </summary>
    /// <exception cref="OfficeFailure">The container is damaged or over a limit.</exception>
    public static ZipContent Check(ReadOnlyMemory<byte> bytes, OfficeLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        using var archive = Open(bytes);
        var entries = archive.Entries;
        if (entries.Count > limits.MaxParts)
        {
            throw new OfficeFailure(DiagnosticCodes.Unreadable, $"the container holds {entries.Count} parts, more than the limit of {limits.MaxParts}");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var total = 0L;
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = entry.FullName.TrimStart('/').Replace('\\', '/');
            if (!names.Add(name))
            {
                throw new OfficeFailure(DiagnosticCodes.Unreadable, $"the container is damaged: it names the part {name} twice");
            }

            // Every part is inflated and counted, not only those named .xml: a relationship may point a reader
            // at a part of any name (a worksheet stored as sheet1.bin).
            total += Inflated(entry, name, limits, limits.MaxDecompressedBytes - total, cancellationToken);
        }

        return new ZipContent(KindOf(names), names);
    }

    /// <summary>What a ZIP container that is not read is, in words, for the <c>unsupported</c> error.</summary>
    public static string Describe(ZipContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        bool Has(string name) => content.Parts.Contains(name);
        if (Has("mimetype"))
        {
            return "an OpenDocument file (.ods/.odt), not an Excel or Word file; convert it with `soffice --headless --convert-to xlsx` (or docx) first";
        }

        if (Has("xl/workbook.bin"))
        {
            return "an Excel binary workbook (.xlsb); convert it with `soffice --headless --convert-to xlsx` first";
        }

        if (Has("ppt/presentation.xml"))
        {
            return "a PowerPoint presentation, not an Excel or Word file";
        }

        return "a ZIP archive that is not an Excel (.xlsx) or Word (.docx) file";
    }

    private static ZipArchive Open(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            return new ZipArchive(OfficeStreams.ReadOnly(bytes), ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw new OfficeFailure(DiagnosticCodes.Unreadable, $"the ZIP container is damaged: {e.Message}");
        }
    }

    private static string? KindOf(HashSet<string> names) =>
        names.Contains("xl/workbook.xml") ? SourceKinds.Xlsx
        : names.Contains("word/document.xml") ? SourceKinds.Docx
        : null;

    private static bool IsXml(string name) =>
        name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Inflates one part and counts its bytes, stopping past the part limit or what is left of the total. Parts
    /// not named as XML (images, embedded objects) may be larger than an XML part, up to the total.
    /// </summary>
    private static long Inflated(ZipArchiveEntry entry, string name, OfficeLimits limits, long left, CancellationToken cancellationToken)
    {
        var bound = Math.Min(IsXml(name) ? limits.MaxPartBytes : limits.MaxDecompressedBytes, left);
        if (entry.Length > bound)
        {
            throw new OfficeFailure(DiagnosticCodes.Unreadable, OverLimit(name, entry.Length, limits, bound));
        }

        try
        {
            using var stream = entry.Open();
            var buffer = new byte[Chunk];
            var count = 0L;
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                count += read;
                if (count > bound)
                {
                    throw new OfficeFailure(DiagnosticCodes.Unreadable, OverLimit(name, count, limits, bound) + " (a decompression bomb)");
                }
            }

            return count;
        }
        catch (InvalidDataException e)
        {
            throw new OfficeFailure(DiagnosticCodes.Unreadable, $"the ZIP container is damaged: part {name}: {e.Message}");
        }
    }

    private static string OverLimit(string name, long size, OfficeLimits limits, long bound) =>
        bound == limits.MaxPartBytes && IsXml(name)
            ? $"part {name} inflates to more than {limits.MaxPartBytes} bytes, the limit for one part"
            : $"the parts inflate to more than {limits.MaxDecompressedBytes} bytes in all, the limit (at part {name}, {size} bytes)";
}

/// <summary>What a checked ZIP container holds.</summary>
/// <param name="Kind"><see cref="SourceKinds.Xlsx"/> or <see cref="SourceKinds.Docx"/>, or null for any other ZIP.</param>
/// <param name="Parts">Its part names (case-insensitive, no leading slash).</param>
internal sealed record ZipContent(string? Kind, IReadOnlySet<string> Parts);
