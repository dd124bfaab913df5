using Extractor.Pdf.Parsing;
using Extractor.Pdf.Resources;

namespace Extractor.Pdf.Fonts;

/// <summary>Built-in encodings of embedded Type 1 (cleartext /Encoding) and CFF (Type1C) font programs.</summary>
internal static class EmbeddedFontEncodings
{
    private static readonly Lazy<string[]> CffStrings = new(() =>
        ResourceLoader.LoadText("cff-standard-strings.txt.gz").Split('\n', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Reads "/Encoding StandardEncoding def" or "dup code /name put" entries before eexec; null when absent.</summary>
    public static string?[]? FromType1(byte[] program)
    {
        int end = program.AsSpan().IndexOf("eexec"u8);
        if (end < 0)
        {
            end = program.Length;
        }

        int start = program.AsSpan(0, end).IndexOf("/Encoding"u8);
        if (start < 0)
        {
            return null;
        }

        var lexer = new Lexer(program, start + 9, end);
        if (!lexer.Next(out var t))
        {
            return null;
        }

        if (lexer.KeywordEquals(in t, "StandardEncoding"u8))
        {
            return StandardEncodings.Standard;
        }

        var enc = new string?[256];
        bool any = false;
        // Pattern: dup <int> /<name> put
        int pendingCode = -1;
        int state = 0;
        while (lexer.Next(out t))
        {
            if (t.Kind == TokenKind.Keyword)
            {
                if (lexer.KeywordEquals(in t, "dup"u8))
                {
                    state = 1;
                    continue;
                }

                if (lexer.KeywordEquals(in t, "put"u8))
                {
                    state = 0;
                    continue;
                }

                if (lexer.KeywordEquals(in t, "def"u8) || lexer.KeywordEquals(in t, "readonly"u8))
                {
                    if (any)
                    {
                        break;
                    }

                    continue;
                }
            }

            if (state == 1 && t.Kind == TokenKind.Integer)
            {
                pendingCode = (int)t.Integer;
                state = 2;
            }
            else if (state == 2 && t.Kind == TokenKind.Name)
            {
                if (pendingCode is >= 0 and < 256)
                {
                    enc[pendingCode] = lexer.DecodeName(in t);
                    any = true;
                }

                state = 0;
            }
        }

        return any ? enc : null;
    }

    /// <summary>The encoding of the first font in a CFF program (TN 5176 §12–13); null for CID-keyed fonts.</summary>
    public static string?[]? FromCff(byte[] cff)
    {
        if (cff.Length < 4)
        {
            return null;
        }

        int pos = At(cff, 2);
        pos = SkipIndex(cff, pos); // Name INDEX
        var topDicts = ReadIndex(cff, ref pos);
        var strings = ReadIndex(cff, ref pos);
        if (topDicts.Count == 0)
        {
            return null;
        }

        var top = ParseDict(cff, topDicts[0].Start, topDicts[0].End);
        if (top.ContainsKey(1230))
        {
            // ROS: CID-keyed, no encoding.
            return null;
        }

        // An operator may come without its operand in a damaged dictionary.
        int charStringsOffset = top.TryGetValue(17, out var cs) && cs.Count > 0 ? (int)cs[0] : -1;
        if (charStringsOffset <= 0)
        {
            return null;
        }

        int csPos = charStringsOffset;
        int glyphCount = ReadIndex(cff, ref csPos).Count;
        int charsetOffset = top.TryGetValue(15, out var chs) && chs.Count > 0 ? (int)chs[0] : 0;
        int encodingOffset = top.TryGetValue(16, out var es) && es.Count > 0 ? (int)es[0] : 0;

        string GlyphName(int sid)
        {
            var std = CffStrings.Value;
            if (sid < std.Length)
            {
                return std[sid];
            }

            int i = sid - std.Length;
            return i < strings.Count ? System.Text.Encoding.Latin1.GetString(cff, strings[i].Start, strings[i].End - strings[i].Start) : ".notdef";
        }

        // Charset: glyph index → SID.
        var gidToSid = new int[glyphCount];
        if (charsetOffset == 0)
        {
            for (int g = 1; g < glyphCount; g++)
            {
                gidToSid[g] = g; // ISOAdobe charset: SID = GID.
            }
        }
        else if (charsetOffset > 2)
        {
            int p = charsetOffset;
            int format = At(cff, p++);
            int g = 1;
            if (format == 0)
            {
                while (g < glyphCount)
                {
                    gidToSid[g++] = (At(cff, p) << 8) | At(cff, p + 1);
                    p += 2;
                }
            }
            else
            {
                while (g < glyphCount)
                {
                    int first = (At(cff, p) << 8) | At(cff, p + 1);
                    int left = format == 1 ? At(cff, p + 2) : (At(cff, p + 2) << 8) | At(cff, p + 3);
                    p += format == 1 ? 3 : 4;
                    for (int k = 0; k <= left && g < glyphCount; k++)
                    {
                        gidToSid[g++] = first + k;
                    }
                }
            }
        }
        else
        {
            // Expert charsets: names are not in the standard encoding anyway.
            return null;
        }

        if (encodingOffset == 0)
        {
            return StandardEncodings.Standard;
        }

        if (encodingOffset == 1)
        {
            return null;
        }

        var enc = new string?[256];
        int e = encodingOffset;
        int encFormat = At(cff, e++);
        if ((encFormat & 0x7F) == 0)
        {
            int nCodes = At(cff, e++);
            for (int g = 1; g <= nCodes && g < glyphCount; g++)
            {
                enc[At(cff, e++)] = GlyphName(gidToSid[g]);
            }
        }
        else
        {
            int nRanges = At(cff, e++);
            int g = 1;
            for (int r = 0; r < nRanges; r++)
            {
                int first = At(cff, e++);
                int left = At(cff, e++);
                for (int k = 0; k <= left && g < glyphCount; k++)
                {
                    if (first + k < 256)
                    {
                        enc[first + k] = GlyphName(gidToSid[g]);
                    }

                    g++;
                }
            }
        }

        if ((encFormat & 0x80) != 0)
        {
            int nSups = At(cff, e++);
            for (int s = 0; s < nSups; s++)
            {
                int code = At(cff, e);
                int sid = (At(cff, e + 1) << 8) | At(cff, e + 2);
                e += 3;
                enc[code] = GlyphName(sid);
            }
        }

        return enc;
    }

    private static int SkipIndex(byte[] d, int pos)
    {
        ReadIndex(d, ref pos);
        return pos;
    }

    private static List<(int Start, int End)> ReadIndex(byte[] d, ref int pos)
    {
        var result = new List<(int, int)>();
        int count = (At(d, pos) << 8) | At(d, pos + 1);
        if (count == 0)
        {
            pos += 2;
            return result;
        }

        int offSize = At(d, pos + 2);
        if (offSize is < 1 or > 4)
        {
            throw new PdfFormatException($"CFF INDEX with offset size {offSize}");
        }

        int offStart = pos + 3;
        int dataStart = offStart + ((count + 1) * offSize) - 1;
        int ReadOffset(int i)
        {
            long v = 0;
            for (int k = 0; k < offSize; k++)
            {
                v = (v << 8) | (uint)At(d, offStart + (i * offSize) + k);
            }

            // Offsets count from 1 and must stay inside the data.
            if (v < 1 || dataStart + v > d.Length)
            {
                throw new PdfFormatException($"CFF INDEX offset {v} outside the data");
            }

            return (int)v;
        }

        for (int i = 0; i < count; i++)
        {
            int from = dataStart + ReadOffset(i), to = dataStart + ReadOffset(i + 1);
            result.Add((from, Math.Max(from, to)));
        }

        pos = dataStart + ReadOffset(count);
        return result;
    }

    /// <summary>The byte at <paramref name="index"/>; a program that ends early or points outside itself is damaged.</summary>
    private static int At(byte[] d, int index) =>
        (uint)index < (uint)d.Length ? d[index] : throw new PdfFormatException($"CFF data of {d.Length} bytes read at {index}");

    private static Dictionary<int, List<double>> ParseDict(byte[] d, int start, int end)
    {
        var result = new Dictionary<int, List<double>>();
        var operands = new List<double>();
        int p = start;
        while (p < end)
        {
            int b0 = At(d, p);
            if (b0 <= 21)
            {
                int op = b0;
                p++;
                if (b0 == 12)
                {
                    op = 1200 + At(d, p++);
                }

                result[op] = new List<double>(operands);
                operands.Clear();
            }
            else if (b0 == 28)
            {
                operands.Add((short)((At(d, p + 1) << 8) | At(d, p + 2)));
                p += 3;
            }
            else if (b0 == 29)
            {
                operands.Add((At(d, p + 1) << 24) | (At(d, p + 2) << 16) | (At(d, p + 3) << 8) | At(d, p + 4));
                p += 5;
            }
            else if (b0 == 30)
            {
                // Real number in nibbles: skip to the terminating 0xF nibble (value is not needed here).
                p++;
                while (p < end && (At(d, p) & 0x0F) != 0x0F && (At(d, p) >> 4) != 0x0F)
                {
                    p++;
                }

                p++;
                operands.Add(0);
            }
            else if (b0 >= 32 && b0 <= 246)
            {
                operands.Add(b0 - 139);
                p++;
            }
            else if (b0 >= 247 && b0 <= 250)
            {
                operands.Add(((b0 - 247) * 256) + At(d, p + 1) + 108);
                p += 2;
            }
            else if (b0 >= 251 && b0 <= 254)
            {
                operands.Add((-(b0 - 251) * 256) - At(d, p + 1) - 108);
                p += 2;
            }
            else
            {
                p++;
            }
        }

        return result;
    }
}
