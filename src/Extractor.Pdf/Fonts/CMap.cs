using System.Text;
using Extractor.Pdf.Parsing;

namespace Extractor.Pdf.Fonts;

/// <summary>
/// A CMap (Adobe TN 5014): codespace ranges and code → CID mappings for Type 0 fonts, or code → Unicode mappings
/// (bfchar/bfrange) for ToUnicode. Multi-byte codespaces are honoured when reading codes from strings.
/// </summary>
internal sealed class CMap
{
    private readonly List<(int Length, byte[] Low, byte[] High)> codespaces = new();
    private readonly Dictionary<long, int> cidChars = new();
    private readonly List<(long Low, long High, int Cid)> cidRanges = new();

    // Ranges defined after a usecmap override the parent's, the last defined winning.
    private readonly List<(long Low, long High, int Cid)> overrideRanges = new();
    private bool inherited;
    private readonly Dictionary<int, string> bfChars = new();
    private readonly List<(int Low, int High, string? Start, string?[]? Array)> bfRanges = new();
    private RangeIndex overrideIndex = RangeIndex.Empty;
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

    public int MapToCid(int code, int length)
    {
        if (IsIdentity)
        {
            return code;
        }

        if (cidChars.TryGetValue(Key(code, length), out int cid))
        {
            return cid;
        }

        long key = Key(code, length);
        EnsureSorted();
        int o = overrideIndex.Find(key);
        if (o >= 0)
        {
            var r = overrideRanges[o];
            return r.Cid + (int)(key - r.Low);
        }
        int lo = 0, hi = cidRanges.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            var r = cidRanges[mid];
            if (key < r.Low)
            {
                hi = mid - 1;
            }
            else if (key > r.High)
            {
                lo = mid + 1;
            }
            else
            {
                return r.Cid + (int)(key - r.Low);
            }
        }

        return 0;
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

    private static long Key(int code, int length) => ((long)length << 32) | (uint)code;

    private void EnsureSorted()
    {
        if (!sorted)
        {
            cidRanges.Sort((a, b) => a.Low.CompareTo(b.Low));
            overrideIndex = RangeIndex.Build(overrideRanges.Count, i => (overrideRanges[i].Low, overrideRanges[i].High));
            bfIndex = RangeIndex.Build(bfRanges.Count, i => (bfRanges[i].Low, bfRanges[i].High));
            sorted = true;
        }
    }

    private void Problem(string message)
    {
        if (!problems.Contains(message))
        {
            problems.Add(message);
        }
    }

    /// <summary>A ToUnicode destination, or null when it is empty or longer than a destination may be.</summary>
    private string? Destination(byte[] bytes)
    {
        if (bytes.Length is > 0 and <= MaxDestinationBytes)
        {
            return DecodeUtf16(bytes);
        }

        Problem(bytes.Length == 0 ? "empty destination strings ignored" : $"destination strings longer than {MaxDestinationBytes} bytes ignored");
        return null;
    }

    /// <summary>Parses a CMap program; <paramref name="useCMap"/> resolves /Name usecmap.</summary>
    public static CMap Parse(byte[] data, Func<string, CMap?>? useCMap, int maxEntries = 2_000_000)
    {
        var cmap = new CMap();
        var lexer = new Lexer(data);
        var parser = new ObjectParser(lexer, 32);
        var recent = new List<PdfObject>();
        int entries = 0;
        bool Room()
        {
            if (++entries < maxEntries)
            {
                return true;
            }

            cmap.Problem($"more than {maxEntries} mappings; the rest ignored");
            return false;
        }

        while (true)
        {
            PdfObject? obj;
            try
            {
                obj = parser.ReadObject();
            }
            catch (PdfLimitException)
            {
                break;
            }

            if (obj is null)
            {
                break;
            }

            if (obj is not PdfKeyword kw)
            {
                recent.Add(obj);
                if (recent.Count > 8)
                {
                    recent.RemoveAt(0);
                }

                continue;
            }

            switch (kw.Value)
            {
                case "begincodespacerange":
                    ReadGroup(parser, "endcodespacerange", 2, items =>
                    {
                        if (items[0] is PdfString lo && items[1] is PdfString hi && lo.Bytes.Length == hi.Bytes.Length && lo.Bytes.Length is >= 1 and <= 4)
                        {
                            if (cmap.codespaces.Count < MaxCodespaceRanges)
                            {
                                cmap.codespaces.Add((lo.Bytes.Length, lo.Bytes, hi.Bytes));
                            }
                            else
                            {
                                cmap.Problem($"more than {MaxCodespaceRanges} codespace ranges; the rest ignored");
                            }
                        }
                    });
                    break;
                case "begincidrange":
                    ReadGroup(parser, "endcidrange", 3, items =>
                    {
                        if (items[0] is PdfString lo && items[1] is PdfString hi && items[2] is PdfInteger cid && Room())
                        {
                            int len = lo.Bytes.Length;
                            (cmap.inherited ? cmap.overrideRanges : cmap.cidRanges).Add((Key(ToInt(lo.Bytes), len), Key(ToInt(hi.Bytes), len), (int)cid.Value));
                        }
                    });
                    break;
                case "begincidchar":
                    ReadGroup(parser, "endcidchar", 2, items =>
                    {
                        if (items[0] is PdfString c && items[1] is PdfInteger cid && Room())
                        {
                            cmap.cidChars[Key(ToInt(c.Bytes), c.Bytes.Length)] = (int)cid.Value;
                        }
                    });
                    break;
                case "beginbfchar":
                    ReadGroup(parser, "endbfchar", 2, items =>
                    {
                        if (items[0] is PdfString c && Room())
                        {
                            string? value = items[1] switch
                            {
                                PdfString dst => cmap.Destination(dst.Bytes),
                                PdfName n => GlyphList.Parse(n.Value, true, true, false, false, true),
                                _ => null,
                            };
                            if (value is not null)
                            {
                                cmap.bfChars[ToInt(c.Bytes)] = value;
                            }
                        }
                    });
                    break;
                case "beginbfrange":
                    ReadGroup(parser, "endbfrange", 3, items =>
                    {
                        if (items[0] is PdfString lo && items[1] is PdfString hi && Room())
                        {
                            int l = ToInt(lo.Bytes), h = ToInt(hi.Bytes);
                            if (h < l)
                            {
                                return;
                            }

                            if (items[2] is PdfString start && cmap.Destination(start.Bytes) is { } first)
                            {
                                cmap.bfRanges.Add((l, h, first, null));
                            }
                            else if (items[2] is PdfArray arr)
                            {
                                var values = arr.Items.Select(i => i is PdfString s ? cmap.Destination(s.Bytes) : null).ToArray();
                                cmap.bfRanges.Add((l, h, null, values));
                            }
                        }
                    });
                    break;
                case "usecmap":
                    if (recent.Count > 0 && recent[^1] is PdfName parent && useCMap?.Invoke(parent.Value) is { } baseMap)
                    {
                        cmap.Inherit(baseMap);
                    }

                    break;
                case "def":
                    if (recent.Count >= 2 && recent[^2] is PdfName key)
                    {
                        if (key.Value == "WMode" && recent[^1] is PdfInteger wm)
                        {
                            cmap.WMode = (int)wm.Value;
                        }
                        else if (key.Value == "CMapName" && recent[^1] is PdfName nm)
                        {
                            cmap.Name = nm.Value;
                        }
                    }

                    break;
            }

            recent.Clear();
        }

        // Sorted once here: predefined CMaps are shared between documents read on different threads.
        cmap.EnsureSorted();
        return cmap;
    }

    private void Inherit(CMap parent)
    {
        foreach (var cs in parent.codespaces)
        {
            codespaces.Add(cs);
        }

        foreach (var kv in parent.cidChars)
        {
            cidChars.TryAdd(kv.Key, kv.Value);
        }

        cidRanges.AddRange(parent.cidRanges);
        overrideRanges.AddRange(parent.overrideRanges);
        inherited = true;
        foreach (var kv in parent.bfChars)
        {
            bfChars.TryAdd(kv.Key, kv.Value);
        }

        bfRanges.InsertRange(0, parent.bfRanges);
        sorted = false;
    }

    private static void ReadGroup(ObjectParser parser, string endKeyword, int arity, Action<PdfObject[]> handle)
    {
        var items = new PdfObject[arity];
        int n = 0;
        while (true)
        {
            var obj = parser.ReadObject();
            if (obj is null)
            {
                return;
            }

            if (obj is PdfKeyword k)
            {
                if (k.Value == endKeyword)
                {
                    return;
                }

                n = 0;
                continue;
            }

            items[n++] = obj;
            if (n == arity)
            {
                handle(items);
                n = 0;
            }
        }
    }

    private static int ToInt(byte[] bytes)
    {
        int v = 0;
        for (int i = 0; i < bytes.Length && i < 4; i++)
        {
            v = (v << 8) | bytes[i];
        }

        return v;
    }

    /// <summary>Decodes a ToUnicode destination: UTF-16BE (surrogates joined); a single byte is read as its code.</summary>
    public static string DecodeUtf16(byte[] bytes)
    {
        if (bytes.Length == 1)
        {
            return ((char)bytes[0]).ToString();
        }

        var sb = new StringBuilder(bytes.Length / 2);
        for (int i = 0; i + 1 < bytes.Length; i += 2)
        {
            sb.Append((char)((bytes[i] << 8) | bytes[i + 1]));
        }

        return sb.ToString();
    }
}
