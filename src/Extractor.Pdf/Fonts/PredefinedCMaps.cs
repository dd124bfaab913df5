using System.Globalization;
using Extractor.Pdf.Resources;

namespace Extractor.Pdf.Fonts;

/// <summary>
/// The predefined CMaps of Adobe-GB1, Adobe-CNS1, Adobe-Japan1 and Adobe-Korea1 and their CID → Unicode tables,
/// embedded as resources. Nothing is read until a font asks for it; each CMap and table is then parsed once.
/// </summary>
internal static class PredefinedCMaps
{
    private static readonly Dictionary<string, CMap?> Cache = new(StringComparer.Ordinal);
    private static readonly Lock CacheLock = new();

    /// <summary>The collections with a CID → Unicode table (poppler-data's <c>cidToUnicode</c> files).</summary>
    private static readonly string[] Collections = ["Adobe-GB1", "Adobe-CNS1", "Adobe-Japan1", "Adobe-Korea1"];

    private static readonly Dictionary<string, Lazy<int[]>> Tables = Collections.ToDictionary(
        c => c, c => new Lazy<int[]>(() => LoadTable(c)), StringComparer.Ordinal);

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

    /// <summary>The CMaps parsed so far (what the lazy loading is tested by).</summary>
    internal static string[] LoadedCMaps()
    {
        lock (CacheLock)
        {
            return [.. Cache.Keys.Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>Whether the CID → Unicode table of a collection has been read.</summary>
    internal static bool IsTableLoaded(string collection) => Tables.TryGetValue(collection, out var t) && t.IsValueCreated;

    /// <summary>Every predefined CMap that <see cref="Get"/> knows, Identity aside.</summary>
    internal static IEnumerable<string> Names()
    {
        const string prefix = "Extractor.Pdf.Resources.cmap.";
        var names = typeof(PredefinedCMaps).Assembly.GetManifestResourceNames()
            .Where(r => r.StartsWith(prefix, StringComparison.Ordinal) && r.EndsWith(".gz", StringComparison.Ordinal))
            .Select(r => r[prefix.Length..^".gz".Length]);
        return names.Union(CMapForms.Names).Order(StringComparer.Ordinal);
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
        CMap? cmap;
        if (bytes is not null)
        {
            cmap = CMap.Parse(bytes, parent => GetLocked(parent, depth + 1));
        }
        else
        {
            var source = CMapForms.SourceOf(name) is { } s ? GetLocked(s, depth + 1) : null;
            cmap = source is null ? null : CMapForms.Build(name, source);
        }

        Cache[name] = cmap;
        return cmap;
    }

    /// <summary>CID → Unicode for a character collection ("Adobe-GB1"…), or null when none is embedded.</summary>
    public static Func<int, string?>? CidToUnicode(string collection)
    {
        if (!Tables.TryGetValue(collection, out var lazy))
        {
            return null;
        }

        return cid =>
        {
            var table = lazy.Value;
            return cid >= 0 && cid < table.Length && table[cid] != 0 ? char.ConvertFromUtf32(table[cid]) : null;
        };
    }

    /// <summary>
    /// poppler-data's table: line n holds the Unicode (hex) of CID n, 0000 when unmapped. Kept as code points,
    /// a quarter of the memory of one string per CID; fonts cache the strings they use.
    /// </summary>
    private static int[] LoadTable(string collection)
    {
        var text = ResourceLoader.LoadText("cid2unicode/" + collection + ".gz");
        var table = new List<int>(32_768);
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).Trim();
            bool ok = int.TryParse(line, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int u);
            // Surrogates and values beyond Unicode cannot be a character.
            table.Add(ok && u is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? u : 0);
        }

        return [.. table];
    }
}
