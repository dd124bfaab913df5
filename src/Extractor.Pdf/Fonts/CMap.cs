using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Extractor.Pdf.Fonts;

/// <summary>
/// A CMap (Adobe TN 5014): codespace ranges and code → CID mappings for Type 0 fonts, or code → Unicode mappings
/// (bfchar/bfrange) for ToUnicode. Multi-byte codespaces are honoured when reading codes from strings.
/// </summary>
internal sealed partial class CMap
{
    private readonly List<(int Length, byte[] Low, byte[] High)> codespaces = new();

    // cidchar and cidrange alike, in the order defined: where they overlap the one defined last wins, as in
    // poppler, which writes each code's CID in turn. Codes this CMap leaves unmapped go to its usecmap parent.
    // Mappings that do not overlap (Adobe's CMaps) are sorted and searched as they are; only overlapping ones
    // need an index of which applies where.
    private List<(long Low, long High, int Cid)> cidMappings = new();
    private RangeIndex? cidOverlaps;
    private CMap? parent;
    private readonly Dictionary<int, string> bfChars = new();
    private readonly List<(int Low, int High, string? Start, string?[]? Array)> bfRanges = new();
    private RangeIndex bfIndex = RangeIndex.Empty;
    private bool sorted;
    private readonly List<string> problems = new();

    /// <summary>Real CMaps have a handful of codespace ranges; each code read walks them all.</summary>
    internal const int MaxCodespaceRanges = 100;

    /// <summary>A destination string is at most 512 bytes (Adobe TN 5411); an empty one maps to nothing.</summary>
    internal const int MaxDestinationBytes = 512;

    /// <summary>What was wrong with the program and left out (too many ranges, bad destinations).</summary>
    public IReadOnlyList<string> Problems => problems;

    public string? Name { get; private set; }

    public int WMode { get; private set; }

    public bool IsIdentity { get; private init; }

    public int MinCodeLength => codespaces.Count == 0 ? 1 : codespaces.Min(c => c.Length);

    /// <summary>This CMap's own code → CID mappings (keys as <see cref="Key"/> makes them): in code order when none overlaps, else in the order defined.</summary>
    internal IReadOnlyList<(long Low, long High, int Cid)> CidMappings => cidMappings;

    /// <summary>The CMap named by <c>usecmap</c>, if any.</summary>
    internal CMap? Parent => parent;

    /// <summary>The same mappings with another writing mode (an embedded CMap stream may carry /WMode in its dictionary).</summary>
    public CMap WithWMode(int wmode)
    {
        WMode = wmode;
        return this;
    }

    public static CMap Identity(bool vertical) => new()
    {
        Name = vertical ? "Identity-V" : "Identity-H",
        WMode = vertical ? 1 : 0,
        IsIdentity = true,
    };

    /// <summary>A CMap built from mappings rather than read from a program (a Unicode CMap in another encoding form).</summary>
    internal static CMap FromCidMappings(string name, IEnumerable<(byte[] Low, byte[] High)> codespaces, List<(long Low, long High, int Cid)> mappings)
    {
        var cmap = new CMap { Name = name };
        foreach (var (low, high) in codespaces)
        {
            cmap.codespaces.Add((low.Length, low, high));
        }

        cmap.cidMappings.AddRange(mappings);
        cmap.EnsureSorted();
        return cmap;
    }

    /// <summary>Reads one character code from <paramref name="s"/> at <paramref name="pos"/>; returns its byte length (at least 1).</summary>
    public int ReadCode(ReadOnlySpan<byte> s, int pos, out int code)
    {
        int available = s.Length - pos;
        if (IsIdentity || codespaces.Count == 0)
        {
            int len = IsIdentity ? 2 : 1;
            if (available < len)
            {
                len = available;
            }

            code = 0;
            for (int i = 0; i < len; i++)
            {
                code = (code << 8) | s[pos + i];
            }

            return Math.Max(1, len);
        }

        for (int n = 1; n <= 4 && n <= available; n++)
        {
            foreach (var cs in codespaces)
            {
                if (cs.Length != n)
                {
                    continue;
                }

                bool inRange = true;
                for (int i = 0; i < n && inRange; i++)
                {
                    byte b = s[pos + i];
                    inRange = b >= cs.Low[i] && b <= cs.High[i];
                }

                if (inRange)
                {
                    code = 0;
                    for (int i = 0; i < n; i++)
                    {
                        code = (code << 8) | s[pos + i];
                    }

                    return n;
                }
            }
        }

        // No full match: use the length of a range whose first byte matches, else the shortest range.
        int fallback = int.MaxValue;
        foreach (var cs in codespaces)
        {
            if (s[pos] >= cs.Low[0] && s[pos] <= cs.High[0])
            {
                fallback = Math.Min(fallback, cs.Length);
            }
        }

        if (fallback == int.MaxValue)
        {
            fallback = MinCodeLength;
        }

        fallback = Math.Max(1, Math.Min(fallback, available));
        code = 0;
        for (int i = 0; i < fallback; i++)
        {
            code = (code << 8) | s[pos + i];
        }

        return fallback;
    }

    /// <summary>The CID of a code read as <paramref name="length"/> bytes; 0 (.notdef) when nothing maps it.</summary>
    public int MapToCid(int code, int length)
    {
        if (IsIdentity)
        {
            return code;
        }

        long key = Key(code, length);
        EnsureSorted();
        int i = cidOverlaps?.Find(key) ?? FindDisjoint(key);
        if (i >= 0)
        {
            var m = cidMappings[i];
            return m.Cid + (int)(key - m.Low);
        }

        return parent?.MapToCid(code, length) ?? 0;
    }

    private int FindDisjoint(long key)
    {
        int lo = 0, hi = cidMappings.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            var m = cidMappings[mid];
            if (key < m.Low)
            {
                hi = mid - 1;
            }
            else if (key > m.High)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    public string? MapToUnicode(int code)
    {
        if (bfChars.TryGetValue(code, out var s))
        {
            return s;
        }

        EnsureSorted();
        // Ranges may overlap in broken files; the last defined wins.
        int i = bfIndex.Find(code);
        if (i < 0)
        {
            return null;
        }

        var r = bfRanges[i];
        int offset = code - r.Low;
        if (r.Array is not null)
        {
            return offset < r.Array.Length ? r.Array[offset] : null;
        }

        // Increment the last UTF-16 unit (poppler and Acrobat do the same).
        var chars = r.Start!.ToCharArray();
        chars[^1] = (char)(chars[^1] + offset);
        return new string(chars);
    }

    /// <summary>A code and its length in bytes as one key: the same number read as one or two bytes is two codes.</summary>
    internal static long Key(int code, int length) => ((long)length << 32) | (uint)code;

    private void EnsureSorted()
    {
        if (!sorted)
        {
            cidOverlaps = null;
            if (!Disjoint(cidMappings))
            {
                // Disjoint mappings have distinct starts, so an unstable sort loses nothing.
                var byCode = new List<(long Low, long High, int Cid)>(cidMappings);
                SortByLow(CollectionsMarshal.AsSpan(byCode));
                if (Disjoint(byCode))
                {
                    cidMappings = byCode;
                }
                else
                {
                    cidOverlaps = RangeIndex.Build(cidMappings.Count, i => (cidMappings[i].Low, cidMappings[i].High));
                }
            }

            bfIndex = RangeIndex.Build(bfRanges.Count, i => (bfRanges[i].Low, bfRanges[i].High));
            sorted = true;
        }
    }

    /// <summary>
    /// Heapsort by start code. Adobe's Unicode CMaps list their cidchar and cidrange blocks apart, so the first
    /// font on one sorts some 14,000 mappings; compiled optimized from the start, that costs no more than the
    /// runtime's sort did on the ranges alone.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SortByLow(Span<(long Low, long High, int Cid)> items)
    {
        for (int i = (items.Length / 2) - 1; i >= 0; i--)
        {
            SiftDown(items, i, items.Length);
        }

        for (int end = items.Length - 1; end > 0; end--)
        {
            (items[0], items[end]) = (items[end], items[0]);
            SiftDown(items, 0, end);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SiftDown(Span<(long Low, long High, int Cid)> items, int root, int count)
    {
        var top = items[root];
        while (true)
        {
            int child = (2 * root) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && items[child + 1].Low > items[child].Low)
            {
                child++;
            }

            if (items[child].Low <= top.Low)
            {
                break;
            }

            items[root] = items[child];
            root = child;
        }

        items[root] = top;
    }

    /// <summary>Whether the mappings are in code order and none overlaps the next (nor maps nothing).</summary>
    private static bool Disjoint(List<(long Low, long High, int Cid)> mappings)
    {
        for (int i = 0; i < mappings.Count; i++)
        {
            if (mappings[i].High < mappings[i].Low || (i > 0 && mappings[i].Low <= mappings[i - 1].High))
            {
                return false;
            }
        }

        return true;
    }

    private void Problem(string message)
    {
        if (!problems.Contains(message))
        {
            problems.Add(message);
        }
    }

    /// <summary>
    /// <c>usecmap</c>: the parent's codespaces and ToUnicode mappings are copied; its CIDs are looked up through it for
    /// the codes this CMap does not map itself.
    /// </summary>
    private void Inherit(CMap baseMap)
    {
        foreach (var cs in baseMap.codespaces)
        {
            codespaces.Add(cs);
        }

        parent = baseMap;
        foreach (var kv in baseMap.bfChars)
        {
            bfChars.TryAdd(kv.Key, kv.Value);
        }

        bfRanges.InsertRange(0, baseMap.bfRanges);
        sorted = false;
    }
}
