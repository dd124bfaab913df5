using System.Globalization;
using System.Text;
using Extractor.Pdf.Resources;

namespace Extractor.Pdf.Fonts;

/// <summary>Glyph name to Unicode, by the Adobe Glyph List and the AGL naming convention (uniXXXX, uXXXX, f_i, a.sc).</summary>
internal static class GlyphList
{
    private static readonly Lazy<Dictionary<string, string>> Table = new(Load);

    private static Dictionary<string, string> Load()
    {
        var map = new Dictionary<string, string>(4500, StringComparer.Ordinal);
        foreach (var line in ResourceLoader.LoadText("glyphlist.txt.gz").Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int semi = line.IndexOf(';');
            if (semi <= 0)
            {
                continue;
            }

            var sb = new StringBuilder();
            foreach (var hex in line[(semi + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                sb.Append(char.ConvertFromUtf32(int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            }

            map.TryAdd(line[..semi], sb.ToString());
        }

        return map;
    }

    /// <summary>Direct lookup in the list only.</summary>
    public static string? Lookup(string name) => Table.Value.TryGetValue(name, out var v) ? v : null;

    /// <summary>
    /// Full parse in the AGL convention: variants are cut at the first period, ligatures split at underscores,
    /// uniXXXX[XXXX…] and uXXXX[XX] read as code points; <paramref name="numeric"/> also reads names like "g31" or "cid12".
    /// </summary>
    public static string? Parse(string name, bool names, bool ligatures, bool numeric, bool hex, bool variants)
    {
        if (name.Length == 0)
        {
            return null;
        }

        if (variants)
        {
            int dot = name.IndexOf('.');
            if (dot == 0)
            {
                return null;
            }

            if (dot > 0)
            {
                return Parse(name[..dot], true, ligatures, numeric, hex, false);
            }
        }

        if (ligatures && name.Contains('_'))
        {
            var sb = new StringBuilder();
            foreach (var part in name.Split('_'))
            {
                if (part.Length > 0 && Parse(part, true, false, numeric, hex, variants) is { } s)
                {
                    sb.Append(s);
                }
            }

            return sb.Length > 0 ? sb.ToString() : null;
        }

        if (names && Lookup(name) is { } direct)
        {
            return direct;
        }

        if (name.Length >= 7 && name.Length % 4 == 3 && name.StartsWith("uni", StringComparison.Ordinal))
        {
            var sb = new StringBuilder();
            for (int m = 3; m + 4 <= name.Length; m += 4)
            {
                if (int.TryParse(name.AsSpan(m, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int u) &&
                    (u <= 0xD7FF || u >= 0xE000))
                {
                    sb.Append((char)u);
                }
            }

            return sb.Length > 0 ? sb.ToString() : null;
        }

        if (name.Length >= 5 && name.Length <= 7 && name[0] == 'u' && IsHex(name.AsSpan(1)))
        {
            int u = int.Parse(name.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (u <= 0xD7FF || (u >= 0xE000 && u <= 0x10FFFF))
            {
                return char.ConvertFromUtf32(u);
            }
        }

        if (numeric && ParseNumeric(name, hex) is int code)
        {
            return code is > 0 and <= 0x10FFFF and (< 0xD800 or > 0xDFFF) ? char.ConvertFromUtf32(code) : null;
        }

        return null;
    }

    private static bool IsHex(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Names like "Cdd", "cdd", "gdd", "xx" (hex when the font uses hex names), as made by some TeX and Windows drivers.</summary>
    private static int? ParseNumeric(string name, bool hex)
    {
        int n = name.Length;
        // Strip a known prefix: letters followed by digits.
        int start = 0;
        if (n >= 3 && n <= 5 && char.IsAsciiLetter(name[0]) && hex && IsHex(name.AsSpan(1)) && n == 3)
        {
            return int.Parse(name.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        if (hex && n == 2 && IsHex(name))
        {
            return int.Parse(name, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        while (start < n && char.IsAsciiLetter(name[start]))
        {
            start++;
        }

        if (start == 0 || start > 2 || start == n || n - start > 5)
        {
            return null;
        }

        for (int i = start; i < n; i++)
        {
            if (!char.IsAsciiDigit(name[i]))
            {
                return null;
            }
        }

        return int.Parse(name.AsSpan(start), CultureInfo.InvariantCulture);
    }
}
