using System.Globalization;
using Extractor.Pdf.Resources;

namespace Extractor.Pdf.Fonts;

/// <summary>Metrics of one of the 14 standard fonts, from Adobe's Core 14 AFM files.</summary>
internal sealed class Standard14Font
{
    public required string Name { get; init; }

    public required Dictionary<string, double> Widths { get; init; }

    /// <summary>The font's built-in encoding (code column of the AFM).</summary>
    public required string?[] BuiltInEncoding { get; init; }

    public double Ascent { get; init; }

    public double Descent { get; init; }
}

/// <summary>Lookup of the standard 14 fonts, with the usual aliases (Arial → Helvetica, TimesNewRoman → Times-Roman…).</summary>
internal static class Standard14
{
    private static readonly Dictionary<string, Standard14Font?> Cache = new(StringComparer.Ordinal);
    private static readonly Lock CacheLock = new();

    private static readonly Dictionary<string, string> Aliases = BuildAliases();

    private static Dictionary<string, string> BuildAliases()
    {
        var a = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var n in new[]
                 {
                     "Courier", "Courier-Bold", "Courier-BoldOblique", "Courier-Oblique", "Helvetica", "Helvetica-Bold",
                     "Helvetica-BoldOblique", "Helvetica-Oblique", "Symbol", "Times-Bold", "Times-BoldItalic", "Times-Italic",
                     "Times-Roman", "ZapfDingbats",
                 })
        {
            a[n] = n;
        }

        void Family(string[] prefixes, string regular, string bold, string boldItalic, string italic)
        {
            foreach (var p in prefixes)
            {
                a.TryAdd(p, regular);
                a.TryAdd(p + ",Bold", bold);
                a.TryAdd(p + ",BoldItalic", boldItalic);
                a.TryAdd(p + ",Italic", italic);
                a.TryAdd(p + "-Bold", bold);
                a.TryAdd(p + "-BoldItalic", boldItalic);
                a.TryAdd(p + "-Italic", italic);
            }
        }

        Family(["Arial"], "Helvetica", "Helvetica-Bold", "Helvetica-BoldOblique", "Helvetica-Oblique");
        a["ArialMT"] = "Helvetica";
        a["Arial-BoldMT"] = "Helvetica-Bold";
        a["Arial-BoldItalicMT"] = "Helvetica-BoldOblique";
        a["Arial-ItalicMT"] = "Helvetica-Oblique";
        Family(["CourierNew"], "Courier", "Courier-Bold", "Courier-BoldOblique", "Courier-Oblique");
        a["Courier,Bold"] = "Courier-Bold";
        a["Courier,BoldItalic"] = "Courier-BoldOblique";
        a["Courier,Italic"] = "Courier-Oblique";
        a["CourierNewPSMT"] = "Courier";
        a["CourierNewPS-BoldMT"] = "Courier-Bold";
        a["CourierNewPS-BoldItalicMT"] = "Courier-BoldOblique";
        a["CourierNewPS-ItalicMT"] = "Courier-Oblique";
        a["Helvetica,Bold"] = "Helvetica-Bold";
        a["Helvetica,BoldItalic"] = "Helvetica-BoldOblique";
        a["Helvetica,Italic"] = "Helvetica-Oblique";
        a["Helvetica-BoldItalic"] = "Helvetica-BoldOblique";
        a["Helvetica-Italic"] = "Helvetica-Oblique";
        a["Symbol,Bold"] = "Symbol";
        a["Symbol,BoldItalic"] = "Symbol";
        a["Symbol,Italic"] = "Symbol";
        Family(["TimesNewRoman", "TimesNewRomanPS"], "Times-Roman", "Times-Bold", "Times-BoldItalic", "Times-Italic");
        a["TimesNewRomanPS-BoldMT"] = "Times-Bold";
        a["TimesNewRomanPS-BoldItalicMT"] = "Times-BoldItalic";
        a["TimesNewRomanPS-ItalicMT"] = "Times-Italic";
        a["TimesNewRomanPSMT"] = "Times-Roman";
        a["TimesNewRomanPSMT,Bold"] = "Times-Bold";
        a["TimesNewRomanPSMT,BoldItalic"] = "Times-BoldItalic";
        a["TimesNewRomanPSMT,Italic"] = "Times-Italic";
        return a;
    }

    /// <summary>The standard font a base font name stands for (spaces ignored), or null.</summary>
    public static Standard14Font? Find(string? baseFont)
    {
        if (baseFont is null)
        {
            return null;
        }

        var name = baseFont.Replace(" ", string.Empty, StringComparison.Ordinal);
        return Aliases.TryGetValue(name, out var canonical) ? Get(canonical) : null;
    }

    /// <summary>Substitute for a non-embedded font without widths, chosen by flags as poppler does.</summary>
    public static Standard14Font? Substitute(bool fixedPitch, bool serif, bool bold, bool italic)
    {
        string family = fixedPitch ? "Courier" : serif ? "Times" : "Helvetica";
        string name = family switch
        {
            "Times" => bold ? (italic ? "Times-BoldItalic" : "Times-Bold") : (italic ? "Times-Italic" : "Times-Roman"),
            _ => family + (bold ? (italic ? "-BoldOblique" : "-Bold") : (italic ? "-Oblique" : string.Empty)),
        };
        return Get(name);
    }

    public static Standard14Font? Get(string canonical)
    {
        lock (CacheLock)
        {
            if (!Cache.TryGetValue(canonical, out var font))
            {
                font = Load(canonical);
                Cache[canonical] = font;
            }

            return font;
        }
    }

    private static Standard14Font? Load(string name)
    {
        var bytes = ResourceLoader.TryLoad("afm/" + name + ".afm.gz");
        if (bytes is null)
        {
            return null;
        }

        var widths = new Dictionary<string, double>(StringComparer.Ordinal);
        var encoding = new string?[256];
        double? ascender = null, descender = null;
        double bboxBottom = 0, bboxTop = 0;
        foreach (var raw in System.Text.Encoding.Latin1.GetString(bytes).Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("C ", StringComparison.Ordinal))
            {
                int code = -1;
                double wx = 0;
                string? glyph = null;
                foreach (var part in line.Split(';'))
                {
                    var p = part.Trim();
                    if (p.StartsWith("C ", StringComparison.Ordinal))
                    {
                        code = int.Parse(p.AsSpan(2).Trim(), CultureInfo.InvariantCulture);
                    }
                    else if (p.StartsWith("WX ", StringComparison.Ordinal))
                    {
                        wx = double.Parse(p.AsSpan(3).Trim(), CultureInfo.InvariantCulture);
                    }
                    else if (p.StartsWith("N ", StringComparison.Ordinal))
                    {
                        glyph = p[2..].Trim();
                    }
                }

                if (glyph is not null)
                {
                    widths[glyph] = wx;
                    if (code is >= 0 and < 256)
                    {
                        encoding[code] = glyph;
                    }
                }
            }
            else if (line.StartsWith("Ascender ", StringComparison.Ordinal))
            {
                ascender = double.Parse(line.AsSpan(9).Trim(), CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("Descender ", StringComparison.Ordinal))
            {
                descender = double.Parse(line.AsSpan(10).Trim(), CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("FontBBox ", StringComparison.Ordinal))
            {
                var parts = line[9..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                bboxBottom = double.Parse(parts[1], CultureInfo.InvariantCulture);
                bboxTop = double.Parse(parts[3], CultureInfo.InvariantCulture);
            }
        }

        return new Standard14Font
        {
            Name = name,
            Widths = widths,
            BuiltInEncoding = encoding,
            Ascent = (ascender ?? bboxTop) / 1000.0,
            Descent = (descender ?? bboxBottom) / 1000.0,
        };
    }
}
