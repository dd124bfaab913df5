using Extractor.Pdf.Resources;

namespace Extractor.Pdf.Fonts;

/// <summary>The simple-font encodings of ISO 32000-1 Annex D, as glyph names by code, and PDFDocEncoding.</summary>
internal static class StandardEncodings
{
    private static readonly Lazy<Dictionary<string, string?[]>> Tables = new(Load);

    public static string?[] Standard => Tables.Value["Standard"];

    public static string?[] WinAnsi => Tables.Value["WinAnsi"];

    public static string?[] MacRoman => Tables.Value["MacRoman"];

    public static string?[]? ByName(string name) => name switch
    {
        "StandardEncoding" => Standard,
        "WinAnsiEncoding" => WinAnsi,
        "MacRomanEncoding" => MacRoman,
        _ => null,
    };

    private static Dictionary<string, string?[]> Load()
    {
        var result = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        foreach (var line in ResourceLoader.LoadText("encodings.txt.gz").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            var names = new string?[256];
            for (int i = 0; i < 256 && i + 1 < parts.Length; i++)
            {
                names[i] = parts[i + 1] == "-" ? null : parts[i + 1];
            }

            result[parts[0]] = names;
        }

        return result;
    }

    // PDFDocEncoding differs from Latin-1 only in 0x18–0x1F and 0x7F–0xA0, 0xAD (Annex D.2).
    private static readonly char[] PdfDocHigh =
    [
        '\u2022', '\u2020', '\u2021', '\u2026', '\u2014', '\u2013', '\u0192', '\u2044',
        '\u2039', '\u203A', '\u2212', '\u2030', '\u201E', '\u201C', '\u201D', '\u2018',
        '\u2019', '\u201A', '\u2122', '\uFB01', '\uFB02', '\u0141', '\u0152', '\u0160',
        '\u0178', '\u017D', '\u0131', '\u0142', '\u0153', '\u0161', '\u017E', '\uFFFD',
        '\u20AC',
    ];

    private static readonly char[] PdfDocLow = ['\u02D8', '\u02C7', '\u02C6', '\u02D9', '\u02DD', '\u02DB', '\u02DA', '\u02DC'];

    public static string DecodePdfDoc(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            chars[i] = b switch
            {
                >= 0x18 and <= 0x1F => PdfDocLow[b - 0x18],
                >= 0x80 and <= 0xA0 => PdfDocHigh[b - 0x80],
                0x7F or 0xAD => '\uFFFD',
                _ => (char)b,
            };
        }

        return new string(chars);
    }
}
