namespace Extractor.Pdf.Fonts;

/// <summary>
/// The UTF-8 and UTF-32 forms of Adobe's Unicode CMaps (UniJIS-UTF8-H, UniGB-UTF32-H, …) map the same characters
/// as the UTF-16 form, only with the code written differently; they are built from it rather than shipped three
/// times. UTF-16 is the form kept because it is the one ISO 32000 lists among the predefined CMaps (with UCS-2).
/// <c>Resources/generate.py</c> leaves a form out only after checking that the form built this way equals Adobe's
/// file code for code.
/// </summary>
internal static class CMapForms
{
    /// <summary>The Unicode CMaps Adobe publishes in UTF-8, UTF-16 and UTF-32 (generate.py prints the forms it leaves out).</summary>
    private static readonly string[] Stems = ["UniGB", "UniCNS", "UniJIS", "UniJIS2004", "UniKS"];

    private static readonly (byte[] Low, byte[] High)[] Utf8Codespaces =
    [
        ([0x00], [0x7F]),
        ([0xC0, 0x80], [0xDF, 0xBF]),
        ([0xE0, 0x80, 0x80], [0xEF, 0xBF, 0xBF]),
        ([0xF0, 0x80, 0x80, 0x80], [0xF7, 0xBF, 0xBF, 0xBF]),
    ];

    private static readonly (byte[] Low, byte[] High)[] Utf32Codespaces = [([0x00, 0x00, 0x00, 0x00], [0x00, 0x10, 0xFF, 0xFF])];

    /// <summary>The names of the CMaps built here.</summary>
    public static IEnumerable<string> Names => Stems.SelectMany(s => new[] { s + "-UTF8-H", s + "-UTF32-H" });

    /// <summary>The UTF-16 CMap a UTF-8 or UTF-32 horizontal Unicode CMap is built from, or null for any other name.</summary>
    public static string? SourceOf(string name)
    {
        int dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && Stems.Contains(name[..dash]) && name[dash..] is "-UTF8-H" or "-UTF32-H" ? name[..dash] + "-UTF16-H" : null;
    }

    /// <summary>Writes the mappings of <paramref name="utf16"/> with the codes of the form <paramref name="name"/> names.</summary>
    public static CMap Build(string name, CMap utf16)
    {
        bool utf8 = name.EndsWith("-UTF8-H", StringComparison.Ordinal);
        var mappings = new List<(long Low, long High, int Cid)>(utf16.CidMappings.Count);
        foreach (var (first, last, cid) in CodePointRuns(utf16.CidMappings))
        {
            for (long cp = first; cp <= last;)
            {
                // A run whose codes stay consecutive: in UTF-8 the bytes before the last do not change.
                long end = utf8 ? Math.Min(last, cp < 0x80 ? 0x7F : cp | 0x3F) : last;
                var (code, length) = utf8 ? Utf8(cp) : ((int)cp, 4);
                var (endCode, _) = utf8 ? Utf8(end) : ((int)end, 4);
                mappings.Add((CMap.Key(code, length), CMap.Key(endCode, length), cid + (int)(cp - first)));
                cp = end + 1;
            }
        }

        return CMap.FromCidMappings(name, utf8 ? Utf8Codespaces : Utf32Codespaces, mappings);
    }

    /// <summary>UTF-16 code mappings as runs of consecutive code points (a surrogate pair's run ends with its low surrogates).</summary>
    private static IEnumerable<(long First, long Last, int Cid)> CodePointRuns(IReadOnlyList<(long Low, long High, int Cid)> mappings)
    {
        foreach (var (low, high, cid) in mappings)
        {
            long length = low >> 32, from = low & 0xFFFFFFFFL, to = high & 0xFFFFFFFFL;
            if (length == 2)
            {
                // Surrogates alone are no characters.
                for (long a = from; a <= to;)
                {
                    long b = a < 0xD800 ? Math.Min(to, 0xD7FF) : Math.Min(to, 0xFFFF);
                    if (a is < 0xD800 or > 0xDFFF)
                    {
                        yield return (a, b, cid + (int)(a - from));
                    }

                    a = a is >= 0xD800 and <= 0xDFFF ? 0xE000 : b + 1;
                }
            }
            else if (length == 4)
            {
                for (long a = from; a <= to;)
                {
                    long b = Math.Min(to, a | 0x3FF), hi = a >> 16, lo = a & 0xFFFF;
                    b = Math.Min(b, (hi << 16) | 0xDFFF);
                    if (hi is >= 0xD800 and <= 0xDBFF && lo is >= 0xDC00 and <= 0xDFFF)
                    {
                        long cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                        yield return (cp, cp + (b - a), cid + (int)(a - from));
                    }

                    a = b + 1;
                }
            }
        }
    }

    private static (int Code, int Length) Utf8(long cp) => cp switch
    {
        < 0x80 => ((int)cp, 1),
        < 0x800 => ((int)(((0xC0 | (cp >> 6)) << 8) | (0x80 | (cp & 0x3F))), 2),
        < 0x10000 => ((int)(((0xE0 | (cp >> 12)) << 16) | ((0x80 | ((cp >> 6) & 0x3F)) << 8) | (0x80 | (cp & 0x3F))), 3),
        _ => ((int)(((0xF0 | (cp >> 18)) << 24) | ((0x80 | ((cp >> 12) & 0x3F)) << 16) | ((0x80 | ((cp >> 6) & 0x3F)) << 8) | (0x80 | (cp & 0x3F))), 4),
    };
}
