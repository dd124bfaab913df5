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

    private static readonly Lazy<(int[] Codes, string?[] Strings)>[] Tables =
        [.. Collections.Select(c => new Lazy<(int[] Codes, string?[] Strings)>(() => LoadTable(c)))];

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
    internal static bool IsTableLoaded(string collection) => Array.IndexOf(Collections, collection) is int i and >= 0 && Tables[i].IsValueCreated;

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
        int i = Array.IndexOf(Collections, collection);
        if (i < 0)
        {
            return null;
        }

        var lazy = Tables[i];
        return cid =>
        {
            var (codes, strings) = lazy.Value;
            if (cid < 0 || cid >= codes.Length || codes[cid] == 0)
            {
                return null;
            }

            // Made once per CID and shared by every document; a race only makes the same string twice.
            return strings[cid] ??= char.ConvertFromUtf32(codes[cid]);
        };
    }

    /// <summary>
    /// poppler-data's table: line n holds the Unicode (hex) of CID n, 0000 when unmapped. Kept as code points;
    /// the string of a CID is made when a font first asks for it, not for all 20,000-30,000 CIDs at once.
    /// </summary>
    private static (int[] Codes, string?[] Strings) LoadTable(string collection)
    {
        var bytes = ResourceLoader.TryLoad("cid2unicode/" + collection + ".gz") ?? throw new InvalidOperationException("missing table of " + collection);
        int lines = 0;
        foreach (byte b in bytes)
        {
            lines += b == '\n' ? 1 : 0;
        }

        var table = new int[lines + 1];
        int cid = 0, value = 0;
        bool valid = true;
        foreach (byte b in bytes)
        {
            if (b == '\n')
            {
                // Surrogates and values beyond Unicode cannot be a character.
                table[cid++] = valid && value is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? value : 0;
                (value, valid) = (0, true);
            }
            else if (b is not ((byte)'\r' or (byte)' '))
            {
                int digit = HexDigit(b);
                valid &= digit >= 0 && value < 0x1000000;
                value = (value << 4) | Math.Max(digit, 0);
            }
        }

        table[cid] = valid && value is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? value : 0;
        return (table, new string?[table.Length]);
    }

    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
