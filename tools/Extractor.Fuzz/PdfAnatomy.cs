using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Extractor.Fuzz;

/// <summary>
/// Where things are in a PDF file, found by pattern rather than parsed (the file may be broken): indirect
/// objects, streams with their /Length, classic cross-reference entries and startxref. Lets a mutation
/// aim at one structure and splice bytes while keeping the offsets of a classic table right.
/// </summary>
public sealed partial class PdfAnatomy
{
    private PdfAnatomy(byte[] bytes)
    {
        Bytes = bytes;
        var text = Encoding.Latin1.GetString(bytes);
        foreach (Match m in ObjectHeader().Matches(text))
        {
            var end = text.IndexOf("endobj", m.Index, StringComparison.Ordinal);
            if (end >= 0)
            {
                Objects.Add(new Span(m.Index, end + "endobj".Length - m.Index));
            }
        }

        foreach (Match m in StreamKeyword().Matches(text))
        {
            var dataStart = m.Index + m.Length;
            var dataEnd = text.IndexOf("endstream", dataStart, StringComparison.Ordinal);
            if (dataEnd < 0)
            {
                continue;
            }

            while (dataEnd > dataStart && text[dataEnd - 1] is '\r' or '\n')
            {
                dataEnd--;
            }

            // The stream's dictionary: from the nearest "obj" before it.
            var objAt = text.LastIndexOf(" obj", m.Index, StringComparison.Ordinal);
            var dictStart = objAt < 0 ? Math.Max(0, m.Index - 512) : objAt;
            var dict = text[dictStart..m.Index];
            var length = LengthEntry().Match(dict);
            Streams.Add(new StreamSpan(
                new Span(dictStart, m.Index - dictStart),
                new Span(dataStart, dataEnd - dataStart),
                length.Success ? new Span(dictStart + length.Groups[1].Index, length.Groups[1].Length) : null,
                dict.Contains("/FlateDecode", StringComparison.Ordinal) && !dict.Contains("/DecodeParms", StringComparison.Ordinal) && !dict.Contains("/DCTDecode", StringComparison.Ordinal)));
        }

        foreach (Match m in XrefEntry().Matches(text))
        {
            XrefOffsets.Add(new Span(m.Index, 10));
        }

        var startxref = StartXref().Match(text);
        StartXrefValue = startxref.Success ? new Span(startxref.Groups[1].Index, startxref.Groups[1].Length) : null;
    }

    /// <summary>The file.</summary>
    public byte[] Bytes { get; }

    /// <summary>Indirect objects, "n g obj" to "endobj".</summary>
    public List<Span> Objects { get; } = [];

    /// <summary>Streams.</summary>
    public List<StreamSpan> Streams { get; } = [];

    /// <summary>The 10-digit offsets of in-use entries of classic cross-reference tables.</summary>
    public List<Span> XrefOffsets { get; } = [];

    /// <summary>The number after the last startxref.</summary>
    public Span? StartXrefValue { get; }

    /// <summary>Finds the structures of <paramref name="bytes"/>.</summary>
    public static PdfAnatomy Of(byte[] bytes) => new(bytes);

    /// <summary>
    /// Replaces <paramref name="count"/> bytes at <paramref name="start"/> with <paramref name="insert"/> and moves
    /// every classic cross-reference offset and startxref beyond it, so that only the replaced bytes are wrong.
    /// </summary>
    public byte[] Splice(int start, int count, ReadOnlySpan<byte> insert)
    {
        var delta = insert.Length - count;
        var result = new byte[Bytes.Length + delta];
        Bytes.AsSpan(0, start).CopyTo(result);
        insert.CopyTo(result.AsSpan(start));
        Bytes.AsSpan(start + count).CopyTo(result.AsSpan(start + insert.Length));
        if (delta == 0)
        {
            return result;
        }

        foreach (var entry in XrefOffsets)
        {
            if (entry.Start < start + count)
            {
                continue; // before the splice, or replaced by it
            }

            var at = entry.Start + delta;
            var value = long.Parse(Encoding.Latin1.GetString(result, at, 10), CultureInfo.InvariantCulture);
            if (value > start)
            {
                Encoding.Latin1.GetBytes((value + delta).ToString("D10", CultureInfo.InvariantCulture)).CopyTo(result, at);
            }
        }

        // startxref comes last in the file, after the splice: rewriting it may change the file's length.
        if (StartXrefValue is { } sx && sx.Start >= start + count)
        {
            var at = sx.Start + delta;
            var value = long.Parse(Encoding.Latin1.GetString(result, at, sx.Length), CultureInfo.InvariantCulture);
            if (value > start)
            {
                var digits = Encoding.Latin1.GetBytes((value + delta).ToString(CultureInfo.InvariantCulture));
                return [.. result.AsSpan(0, at), .. digits, .. result.AsSpan(at + sx.Length)];
            }
        }

        return result;
    }

    [GeneratedRegex(@"(?<![0-9])[0-9]{1,7} [0-9]{1,5} obj\b")]
    private static partial Regex ObjectHeader();

    [GeneratedRegex(@"stream\r?\n")]
    private static partial Regex StreamKeyword();

    [GeneratedRegex(@"/Length\s+([0-9]+)(?!\s+[0-9]+\s+R)")]
    private static partial Regex LengthEntry();

    [GeneratedRegex(@"(?<=[\r\n])[0-9]{10} [0-9]{5} n(?=\s)")]
    private static partial Regex XrefEntry();

    [GeneratedRegex(@"startxref\s+([0-9]+)\s*(%%EOF)?\s*$")]
    private static partial Regex StartXref();
}
