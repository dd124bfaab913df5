namespace Extractor.Pdf.Filters;

/// <summary>ASCIIHexDecode, ASCII85Decode and RunLengthDecode (§7.4.2, §7.4.3, §7.4.5).</summary>
internal static class AsciiFilters
{
    public static byte[] AsciiHex(ReadOnlySpan<byte> input, long limit)
    {
        var sink = new ByteSink(input.Length / 2 + 1, limit);
        int hi = -1;
        foreach (byte b in input)
        {
            if (b == (byte)'>')
            {
                break;
            }

            int v = Parsing.Lexer.HexValue(b);
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
                sink.Add((byte)((hi << 4) | v));
                hi = -1;
            }
        }

        if (hi >= 0)
        {
            sink.Add((byte)(hi << 4));
        }

        return sink.ToArray();
    }

    public static byte[] Ascii85(ReadOnlySpan<byte> input, long limit)
    {
        var sink = new ByteSink(input.Length, limit);
        Span<int> group = stackalloc int[5];
        int n = 0;
        int i = 0;
        // Skip an optional "<~" prefix.
        while (i < input.Length && Parsing.Lexer.IsWhite(input[i]))
        {
            i++;
        }

        if (i + 1 < input.Length && input[i] == (byte)'<' && input[i + 1] == (byte)'~')
        {
            i += 2;
        }

        for (; i < input.Length; i++)
        {
            byte b = input[i];
            if (b == (byte)'~')
            {
                break;
            }

            if (Parsing.Lexer.IsWhite(b))
            {
                continue;
            }

            if (b == (byte)'z' && n == 0)
            {
                sink.Add([0, 0, 0, 0]);
                continue;
            }

            if (b < (byte)'!' || b > (byte)'u')
            {
                continue;
            }

            group[n++] = b - '!';
            if (n == 5)
            {
                uint v = 0;
                for (int k = 0; k < 5; k++)
                {
                    v = unchecked((v * 85) + (uint)group[k]);
                }

                sink.Add([(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v]);
                n = 0;
            }
        }

        if (n > 1)
        {
            for (int k = n; k < 5; k++)
            {
                group[k] = 84;
            }

            uint v = 0;
            for (int k = 0; k < 5; k++)
            {
                v = unchecked((v * 85) + (uint)group[k]);
            }

            Span<byte> tail = [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v];
            sink.Add(tail[..(n - 1)]);
        }

        return sink.ToArray();
    }

    public static byte[] RunLength(ReadOnlySpan<byte> input, long limit)
    {
        var sink = new ByteSink(input.Length * 2, limit);
        int i = 0;
        while (i < input.Length)
        {
            int len = input[i++];
            if (len == 128)
            {
                break;
            }

            if (len < 128)
            {
                int count = Math.Min(len + 1, input.Length - i);
                sink.Add(input.Slice(i, count));
                i += count;
            }
            else
            {
                if (i >= input.Length)
                {
                    break;
                }

                byte v = input[i++];
                var span = sink.Reserve(257 - len);
                span.Fill(v);
                sink.Commit(257 - len);
            }
        }

        return sink.ToArray();
    }
}
