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

    /// <summary>CID → Unicode for a character collection ("Adobe-GB1"…), or null when none is embedded.</summary>
    public static CMap? CidToUnicode(string collection) =>
        collection is "Adobe-GB1" or "Adobe-CNS1" or "Adobe-Japan1" or "Adobe-Korea1" ? Get(collection + "-UCS2") : null;
}
