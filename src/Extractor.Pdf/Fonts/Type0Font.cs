namespace Extractor.Pdf.Fonts;

/// <summary>A composite (Type 0) font with its CIDFont descendant.</summary>
internal sealed class Type0Font : PdfFont
{
    private readonly CMap? encoding;
    private readonly CMap? toUnicode;
    private readonly Func<int, string?>? cidToUnicode;
    private readonly bool identityUnicode;
    private readonly double defaultWidth;
    private readonly (int First, int Last, double Width)[] widths;
    private readonly double defaultVerticalAdvance;
    private readonly Dictionary<int, double> verticalAdvances;
    // Keyed by the pair: a long packed as (code << 32 | cid) hashes to code ^ cid, which is 0 for every
    // glyph of an Identity font, and the cache became a list.
    private readonly Dictionary<(int Code, int Cid), string?> unicodeCache = new();

    public Type0Font(
        string name,
        CMap? encoding,
        CMap? toUnicode,
        Func<int, string?>? cidToUnicode,
        bool identityUnicode,
        double defaultWidth,
        (int First, int Last, double Width)[] widths,
        double defaultVerticalAdvance,
        Dictionary<int, double> verticalAdvances,
        double ascent,
        double descent)
        : base(name)
    {
        this.encoding = encoding;
        this.toUnicode = toUnicode;
        this.cidToUnicode = cidToUnicode;
        this.identityUnicode = identityUnicode;
        this.defaultWidth = defaultWidth;
        this.widths = widths;
        this.defaultVerticalAdvance = defaultVerticalAdvance;
        this.verticalAdvances = verticalAdvances;
        Ascent = ascent;
        Descent = descent;
        IsVertical = encoding?.WMode == 1;
    }

    public override int ReadCode(ReadOnlySpan<byte> s, int pos, out int code, out int cid)
    {
        if (encoding is null)
        {
            // No usable CMap: poppler consumes one byte and shows nothing.
            code = s[pos];
            cid = -1;
            return 1;
        }

        int n = encoding.ReadCode(s, pos, out code);
        cid = encoding.MapToCid(code, n);
        return n;
    }

    public override string? ToUnicode(int code, int cid, int length)
    {
        if (cid < 0)
        {
            return null;
        }

        var key = (code, cid);
        if (unicodeCache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        string? value;
        if (toUnicode is not null)
        {
            value = toUnicode.MapToUnicode(code);
        }
        else if (cidToUnicode is not null)
        {
            value = cidToUnicode(cid);
        }
        else if (identityUnicode)
        {
            value = cid is > 0 and < 0xD800 or >= 0xE000 and <= 0xFFFF ? ((char)cid).ToString() : cid == 0 ? "\0" : null;
        }
        else
        {
            value = null;
        }

        if (unicodeCache.Count < 100_000)
        {
            unicodeCache[key] = value;
        }

        return value;
    }

    public override double GetWidth(int code, int cid)
    {
        if (cid < 0)
        {
            return 0;
        }

        int lo = 0, hi = widths.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            var w = widths[mid];
            if (cid < w.First)
            {
                hi = mid - 1;
            }
            else if (cid > w.Last)
            {
                lo = mid + 1;
            }
            else
            {
                return w.Width;
            }
        }

        return defaultWidth;
    }

    public override double GetVerticalAdvance(int cid) =>
        verticalAdvances.TryGetValue(cid, out var v) ? v : defaultVerticalAdvance;
}
