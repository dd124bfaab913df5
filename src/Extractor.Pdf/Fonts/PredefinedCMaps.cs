using Extractor.Pdf.Resources;

namespace Extractor.Pdf.Fonts;

/// <summary>The predefined CMaps embedded as resources (Adobe-GB1 family, CID → Unicode tables), parsed once.</summary>
internal static class PredefinedCMaps
{
    private static readonly Dictionary<string, CMap?> Cache = new(StringComparer.Ordinal);
    private static readonly Lock CacheLock = new();

    public static CMap? Get(string name)
    {
        if (name == "Identity-H")
        {
            return CMap.Identity(false);
        }

        if (name == "Identity-V")
        {
            return CMap.Identity(true);
        }

        lock (CacheLock)
        {
            return GetLocked(name, 0);
        }
    }

    private static CMap? GetLocked(string name, int depth)
    {
        if (Cache.TryGetValue(name, out var cached))
        {
            return cached;
        }

        if (depth > 4 || name.Contains('/') || name.Contains('.'))
        {
            return null;
        }

        var bytes = ResourceLoader.TryLoad("cmap/" + name + ".gz");
        CMap? cmap = bytes is null ? null : CMap.Parse(bytes, parent => GetLocked(parent, depth + 1));
        Cache[name] = cmap;
        return cmap;
    }

    private static readonly Lazy<string?[]> Gb1Table = new(LoadGb1);

    /// <summary>CID → Unicode for a character collection ("Adobe-GB1"…), or null when none is embedded.</summary>
    public static Func<int, string?>? CidToUnicode(string collection)
    {
        if (collection == "Adobe-GB1")
        {
            var table = Gb1Table.Value;
            return cid => cid >= 0 && cid < table.Length ? table[cid] : null;
        }

        var cmap = collection is "Adobe-CNS1" or "Adobe-Japan1" or "Adobe-Korea1" ? Get(collection + "-UCS2") : null;
        return cmap is null ? null : cmap.MapToUnicode;
    }

    /// <summary>poppler-data's table: line n holds the Unicode (hex) of CID n, 0000 when unmapped.</summary>
    private static string?[] LoadGb1()
    {
        var text = ResourceLoader.LoadText("cid2unicode/Adobe-GB1.gz");
        var lines = text.Split('\n');
        var table = new string?[lines.Length];
        for (int cid = 0; cid < lines.Length; cid++)
        {
            var line = lines[cid].Trim();
            if (line.Length == 0 || !int.TryParse(line, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out int u) || u == 0)
            {
                continue;
            }

            table[cid] = u is >= 0xD800 and <= 0xDFFF ? null : char.ConvertFromUtf32(u);
        }

        return table;
    }
}
