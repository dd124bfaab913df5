using System.Runtime.CompilerServices;
using System.Text;

namespace Extractor.Pdf.Parsing;

internal enum TokenKind : byte
{
    Eof,
    Integer,
    Real,
    LiteralString,
    HexString,
    Name,
    ArrayStart,
    ArrayEnd,
    DictStart,
    DictEnd,
    Keyword,
    BraceOpen,
    BraceClose,
}

/// <summary>One lexical token; <see cref="Start"/>/<see cref="Length"/> locate its text in the buffer.</summary>
internal struct Token
{
    public TokenKind Kind;
    public int Start;
    public int Length;
    public long Integer;
    public double Real;
}

/// <summary>PDF tokenizer over a byte buffer (ISO 32000-1 §7.2). Allocation-free except for string and name values.</summary>
internal sealed class Lexer
{
    private static readonly byte[] CharClass = BuildClasses();

    private const byte Regular = 0;
    private const byte White = 1;
    private const byte Delim = 2;

    public Lexer(byte[] data, int start, int end)
    {
        Data = data;
        Start = start;
        End = end;
        Position = start;
    }

    public Lexer(byte[] data)
        : this(data, 0, data.Length)
    {
    }

    public byte[] Data { get; }

    public int Start { get; }

    public int End { get; }

    public int Position { get; set; }

    private static byte[] BuildClasses()
    {
        var c = new byte[256];
        foreach (var b in new byte[] { 0, 9, 10, 12, 13, 32 })
        {
            c[b] = White;
        }

        foreach (var b in "()<>[]{}/%"u8)
        {
            c[b] = Delim;
        }

        return c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWhite(byte b) => CharClass[b] == White;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDelimiter(byte b) => CharClass[b] == Delim;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsRegular(byte b) => CharClass[b] == Regular;

    /// <summary>Skips whitespace and comments.</summary>
    public void SkipWhitespace()
    {
        var d = Data;
        int p = Position;
        int end = End;
        while (p < end)
        {
            byte b = d[p];
            if (CharClass[b] == White)
            {
                p++;
            }
            else if (b == (byte)'%')
            {
                while (p < end && d[p] != 10 && d[p] != 13)
                {
                    p++;
                }
            }
            else
            {
                break;
            }
        }

        Position = p;
    }

    public bool Next(out Token token)
    {
        SkipWhitespace();
        token = default;
        var d = Data;
        int p = Position;
        if (p >= End)
        {
            token.Kind = TokenKind.Eof;
            token.Start = p;
            return false;
        }

        byte b = d[p];
        token.Start = p;
        switch (b)
        {
            case (byte)'[':
                token.Kind = TokenKind.ArrayStart;
                Position = p + 1;
                token.Length = 1;
                return true;
            case (byte)']':
                token.Kind = TokenKind.ArrayEnd;
                Position = p + 1;
                token.Length = 1;
                return true;
            case (byte)'{':
                token.Kind = TokenKind.BraceOpen;
                Position = p + 1;
                token.Length = 1;
                return true;
            case (byte)'}':
                token.Kind = TokenKind.BraceClose;
                Position = p + 1;
                token.Length = 1;
                return true;
            case (byte)'(':
                token.Kind = TokenKind.LiteralString;
                Position = SkipLiteralString(p);
                token.Length = Position - p;
                return true;
            case (byte)'<':
                if (p + 1 < End && d[p + 1] == (byte)'<')
                {
                    token.Kind = TokenKind.DictStart;
                    Position = p + 2;
                    token.Length = 2;
                    return true;
                }

                token.Kind = TokenKind.HexString;
                int q = p + 1;
                while (q < End && d[q] != (byte)'>')
                {
                    q++;
                }

                Position = Math.Min(q + 1, End);
                token.Length = Position - p;
                return true;
            case (byte)'>':
                if (p + 1 < End && d[p + 1] == (byte)'>')
                {
                    token.Kind = TokenKind.DictEnd;
                    Position = p + 2;
                    token.Length = 2;
                    return true;
                }

                // A stray '>' is read as a one-character keyword so that parsing can go on.
                token.Kind = TokenKind.Keyword;
                Position = p + 1;
                token.Length = 1;
                return true;
            case (byte)')':
                token.Kind = TokenKind.Keyword;
                Position = p + 1;
                token.Length = 1;
                return true;
            case (byte)'/':
            {
                int e = p + 1;
                while (e < End && CharClass[d[e]] == Regular)
                {
                    e++;
                }

                token.Kind = TokenKind.Name;
                Position = e;
                token.Length = e - p;
                return true;
            }
        }

        // Regular characters: number or keyword.
        int s = p;
        while (p < End && CharClass[d[p]] == Regular)
        {
            p++;
        }

        Position = p;
        token.Length = p - s;
        if (TryParseNumber(d, s, p, out bool isInt, out long iv, out double rv))
        {
            if (isInt)
            {
                token.Kind = TokenKind.Integer;
                token.Integer = iv;
                token.Real = iv;
            }
            else
            {
                token.Kind = TokenKind.Real;
                token.Real = rv;
            }
        }
        else
        {
            token.Kind = TokenKind.Keyword;
        }

        return true;
    }

    /// <summary>Parses a PDF number leniently (several signs, trailing garbage after digits are tolerated as poppler does).</summary>
    public static bool TryParseNumber(byte[] d, int s, int e, out bool isInt, out long iv, out double rv)
    {
        isInt = true;
        iv = 0;
        rv = 0;
        int p = s;
        bool neg = false;
        while (p < e && (d[p] == (byte)'-' || d[p] == (byte)'+'))
        {
            neg |= d[p] == (byte)'-';

            p++;
        }

        if (p >= e)
        {
            // A lone sign: poppler reads it as zero.
            return p > s;
        }

        if (d[p] != (byte)'.' && (d[p] < (byte)'0' || d[p] > (byte)'9'))
        {
            return false;
        }

        long ip = 0;
        double dv = 0;
        bool overflow = false;
        while (p < e && d[p] >= (byte)'0' && d[p] <= (byte)'9')
        {
            int digit = d[p] - '0';
            if (!overflow && ip > (long.MaxValue - digit) / 10)
            {
                overflow = true;
            }

            if (!overflow)
            {
                ip = ip * 10 + digit;
            }

            dv = dv * 10 + digit;
            p++;
        }

        if (p < e && d[p] == (byte)'.')
        {
            isInt = false;
            p++;
            double scale = 0.1;
            while (p < e && d[p] >= (byte)'0' && d[p] <= (byte)'9')
            {
                dv += (d[p] - '0') * scale;
                scale *= 0.1;
                p++;
            }
        }

        if (p < e)
        {
            // Garbage such as "12-3" or "1.2.3": keep the numeric prefix.
            if (d[p] != (byte)'.' && d[p] != (byte)'-' && d[p] != (byte)'+' && (d[p] < (byte)'0' || d[p] > (byte)'9') && d[p] != (byte)'E' && d[p] != (byte)'e')
            {
                return false;
            }
        }

        if (overflow)
        {
            isInt = false;
        }

        if (isInt)
        {
            iv = neg ? -ip : ip;
            rv = iv;
        }
        else
        {
            rv = neg ? -dv : dv;
        }

        return true;
    }

    private int SkipLiteralString(int p)
    {
        var d = Data;
        int depth = 0;
        int end = End;
        while (p < end)
        {
            byte b = d[p];
            if (b == (byte)'\\')
            {
                p += 2;
                continue;
            }

            if (b == (byte)'(')
            {
                depth++;
            }
            else if (b == (byte)')')
            {
                depth--;
                if (depth == 0)
                {
                    return p + 1;
                }
            }

            p++;
        }

        return end;
    }

    /// <summary>Decodes the bytes of a literal string token (escape sequences, EOL normalisation).</summary>
    public byte[] DecodeLiteral(in Token t)
    {
        var d = Data;
        int p = t.Start + 1;
        int end = t.Start + t.Length;
        if (end > p && d[end - 1] == (byte)')')
        {
            end--;
        }

        // Fast path: no escapes and no CR.
        bool simple = true;
        for (int i = p; i < end; i++)
        {
            if (d[i] == (byte)'\\' || d[i] == 13)
            {
                simple = false;
                break;
            }
        }

        if (simple)
        {
            return d.AsSpan(p, end - p).ToArray();
        }

        var result = new byte[end - p];
        int n = 0;
        while (p < end)
        {
            byte b = d[p++];
            if (b == 13)
            {
                result[n++] = 10;
                if (p < end && d[p] == 10)
                {
                    p++;
                }

                continue;
            }

            if (b != (byte)'\\')
            {
                result[n++] = b;
                continue;
            }

            if (p >= end)
            {
                break;
            }

            byte c = d[p++];
            switch (c)
            {
                case (byte)'n': result[n++] = 10; break;
                case (byte)'r': result[n++] = 13; break;
                case (byte)'t': result[n++] = 9; break;
                case (byte)'b': result[n++] = 8; break;
                case (byte)'f': result[n++] = 12; break;
                case 13:
                    if (p < end && d[p] == 10)
                    {
                        p++;
                    }

                    break;
                case 10:
                    break;
                default:
                    if (c >= (byte)'0' && c <= (byte)'7')
                    {
                        int v = c - '0';
                        for (int k = 0; k < 2 && p < end && d[p] >= (byte)'0' && d[p] <= (byte)'7'; k++)
                        {
                            v = v * 8 + (d[p++] - '0');
                        }

                        result[n++] = (byte)v;
                    }
                    else
                    {
                        result[n++] = c;
                    }

                    break;
            }
        }

        return n == result.Length ? result : result.AsSpan(0, n).ToArray();
    }

    public byte[] DecodeHex(in Token t)
    {
        var d = Data;
        int p = t.Start + 1;
        int end = t.Start + t.Length;
        if (end > p && d[end - 1] == (byte)'>')
        {
            end--;
        }

        var result = new byte[(end - p + 1) / 2];
        int n = 0;
        int hi = -1;
        for (; p < end; p++)
        {
            int v = HexValue(d[p]);
            if (v < 0)
            {
                continue;
            }

            if (hi < 0)
            {
                hi = v;
            }
            else
            {
                result[n++] = (byte)((hi << 4) | v);
                hi = -1;
            }
        }

        if (hi >= 0)
        {
            result[n++] = (byte)(hi << 4);
        }

        return n == result.Length ? result : result.AsSpan(0, n).ToArray();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int HexValue(byte b)
    {
        if (b >= (byte)'0' && b <= (byte)'9')
        {
            return b - '0';
        }

        if (b >= (byte)'a' && b <= (byte)'f')
        {
            return b - 'a' + 10;
        }

        if (b >= (byte)'A' && b <= (byte)'F')
        {
            return b - 'A' + 10;
        }

        return -1;
    }

    /// <summary>Decodes a name token's value (without the slash), resolving #xx escapes; Latin-1 keeps bytes lossless.</summary>
    public string DecodeName(in Token t)
    {
        var span = Data.AsSpan(t.Start + 1, t.Length - 1);
        if (span.IndexOf((byte)'#') < 0)
        {
            return NameCache.Get(span);
        }

        var buf = new byte[span.Length];
        int n = 0;
        for (int i = 0; i < span.Length; i++)
        {
            if (span[i] == (byte)'#' && i + 2 < span.Length && HexValue(span[i + 1]) >= 0 && HexValue(span[i + 2]) >= 0)
            {
                buf[n++] = (byte)((HexValue(span[i + 1]) << 4) | HexValue(span[i + 2]));
                i += 2;
            }
            else
            {
                buf[n++] = span[i];
            }
        }

        return Encoding.Latin1.GetString(buf, 0, n);
    }

    public bool KeywordEquals(in Token t, ReadOnlySpan<byte> keyword) =>
        t.Kind == TokenKind.Keyword && Data.AsSpan(t.Start, t.Length).SequenceEqual(keyword);

    public ReadOnlySpan<byte> TokenSpan(in Token t) => Data.AsSpan(t.Start, t.Length);
}

/// <summary>Small cache turning short byte spans into shared strings, so repeated names do not allocate.</summary>
internal static class NameCache
{
    [ThreadStatic]
    private static Dictionary<int, string[]>? cache;

    public static string Get(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 32)
        {
            return Encoding.Latin1.GetString(bytes);
        }

        cache ??= new Dictionary<int, string[]>();
        int h = 17;
        foreach (var b in bytes)
        {
            h = h * 31 + b;
        }

        if (cache.TryGetValue(h, out var arr))
        {
            foreach (var s in arr)
            {
                if (Matches(s, bytes))
                {
                    return s;
                }
            }
        }

        var str = Encoding.Latin1.GetString(bytes);
        if (cache.Count < 50_000)
        {
            cache[h] = arr is null ? [str] : [.. arr, str];
        }

        return str;
    }

    private static bool Matches(string s, ReadOnlySpan<byte> bytes)
    {
        if (s.Length != bytes.Length)
        {
            return false;
        }

        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] != bytes[i])
            {
                return false;
            }
        }

        return true;
    }
}
