namespace Extractor.Pdf.Fonts;

/// <summary>
/// The UTF-8 and UTF-16 forms of Adobe's Unicode CMaps (UniJIS-UTF16-H, UniGB-UTF8-H, …) map the same characters as
/// the UTF-32 form, only with the code written differently; they are built from it rather than shipped twice.
/// <c>Resources/generate.py</c> leaves a form out only after checking that the form built this way equals Adobe's
/// file code for code.
/// </summary>
internal static class CMapForms
{
    private static readonly (byte[] Low, byte[] High)[] Utf8Codespaces =
    [
        ([0x00], [0x7F]),
        ([0xC0, 0x80], [0xDF, 0xBF]),
        ([0xE0, 0x80, 0x80], [0xEF, 0xBF, 0xBF]),
        ([0xF0, 0x80, 0x80, 0x80], [0xF7, 0xBF, 0xBF, 0xBF]),
    ];

    private static readonly (byte[] Low, byte[] High)[] Utf16Codespaces =
    [
        ([0x00, 0x00], [0xD7, 0xFF]),
        ([0xD8, 0x00, 0xDC, 0x00], [0xDB, 0xFF, 0xDF, 0xFF]),
        ([0xE0, 0x00], [0xFF, 0xFF]),
    ];

    /// <summary>The Unicode CMaps Adobe publishes in UTF-8, UTF-16 and UTF-32 (generate.py prints the forms it leaves out).</summary>
    private static readonly string[] Stems = ["UniGB", "UniCNS", "UniJIS", "UniJIS2004", "UniKS"];

    /// <summary>The names of the CMaps built here.</summary>
    public static IEnumerable<string> Names => Stems.SelectMany(s => new[] { s + "-UTF8-H", s + "-UTF16-H" });

    /// <summary>The UTF-32 CMap a UTF-8 or UTF-16 horizontal Unicode CMap is built from, or null for any other name.</summary>
    public static string? SourceOf(string name)
    {
        int dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && Stems.Contains(name[..dash]) && name[dash..] is "-UTF8-H" or "-UTF16-H" ? name[..dash] + "-UTF32-H" : null;
    }

    /// <summary>Writes the mappings of <paramref name="utf32"/> with the codes of the form <paramref name="name"/> names.</summary>
    public static CMap Build(string name, CMap utf32)
    {
        bool utf8 = name.EndsWith("-UTF8-H", StringComparison.Ordinal);
        var mappings = new List<(long Low, long High, int Cid)>(utf32.CidMappings.Count);
        foreach (var (low, high, cid) in utf32.CidMappings)
        {
            if ((low >> 32) != 4)
            {
                continue;
            }

            // Keys of four-byte codes: the code point is the low 32 bits.
            long first = low & 0xFFFFFFFFL, last = Math.Min(high & 0xFFFFFFFFL, 0x10FFFF);
            for (long cp = first; cp <= last;)
            {
                if (cp is >= 0xD800 and <= 0xDFFF)
                {
                    cp = 0xE000;
                    continue;
                }

                // A run whose codes stay consecutive: the bytes before the last unit do not change.
                long end = Math.Min(last, utf8 ? Utf8RunEnd(cp) : Utf16RunEnd(cp));
                var (code, length) = utf8 ? Utf8(cp) : Utf16(cp);
                var (endCode, _) = utf8 ? Utf8(end) : Utf16(end);
                mappings.Add((CMap.Key(code, length), CMap.Key(endCode, length), cid + (int)(cp - first)));
                cp = end + 1;
            }
        }

        return CMap.FromCidMappings(name, utf8 ? Utf8Codespaces : Utf16Codespaces, mappings);
    }

    private static long Utf8RunEnd(long cp) => cp < 0x80 ? 0x7F : cp | 0x3F;

    private static long Utf16RunEnd(long cp) => cp < 0xD800 ? 0xD7FF : cp < 0x10000 ? 0xFFFF : cp | 0x3FF;

    private static (int Code, int Length) Utf8(long cp) => cp switch
    {
        < 0x80 => ((int)cp, 1),
        < 0x800 => ((int)(((0xC0 | (cp >> 6)) << 8) | (0x80 | (cp & 0x3F))), 2),
        < 0x10000 => ((int)(((0xE0 | (cp >> 12)) << 16) | ((0x80 | ((cp >> 6) & 0x3F)) << 8) | (0x80 | (cp & 0x3F))), 3),
        _ => ((int)(((0xF0 | (cp >> 18)) << 24) | ((0x80 | ((cp >> 12) & 0x3F)) << 16) | ((0x80 | ((cp >> 6) & 0x3F)) << 8) | (0x80 | (cp & 0x3F))), 4),
    };

    private static (int Code, int Length) Utf16(long cp)
    {
        if (cp < 0x10000)
        {
            return ((int)cp, 2);
        }

        long v = cp - 0x10000;
        return ((int)(((0xD800 | (v >> 10)) << 16) | (0xDC00 | (v & 0x3FF))), 4);
    }
}
