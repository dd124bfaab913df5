namespace Extractor.Pdf.Filters;

/// <summary>LZWDecode (§7.4.4.2), with the EarlyChange parameter.</summary>
internal static class LzwFilter
{
    public static byte[] Decode(ReadOnlySpan<byte> input, bool earlyChange, long limit)
    {
        var sink = new ByteSink(input.Length * 3, limit);
        // Table entries as (prefix index, last byte, length); strings are rebuilt backwards.
        var prefix = new int[4096];
        var suffix = new byte[4096];
        var length = new int[4096];
        for (int i = 0; i < 256; i++)
        {
            prefix[i] = -1;
            suffix[i] = (byte)i;
            length[i] = 1;
        }

        int next = 258;
        int codeLength = 9;
        int previous = -1;
        int bitBuffer = 0;
        int bitCount = 0;
        int pos = 0;
        var scratch = new byte[4096];
        while (true)
        {
            while (bitCount < codeLength)
            {
                if (pos >= input.Length)
                {
                    return sink.ToArray();
                }

                bitBuffer = (bitBuffer << 8) | input[pos++];
                bitCount += 8;
            }

            int code = (bitBuffer >> (bitCount - codeLength)) & ((1 << codeLength) - 1);
            bitCount -= codeLength;
            bitBuffer &= (1 << bitCount) - 1;
            if (code == 256)
            {
                next = 258;
                codeLength = 9;
                previous = -1;
                continue;
            }

            if (code == 257)
            {
                break;
            }

            int emitCode;
            byte firstByte;
            if (code < next)
            {
                emitCode = code;
                firstByte = Emit(code, prefix, suffix, length, scratch, sink);
                if (previous >= 0 && next < 4096)
                {
                    prefix[next] = previous;
                    suffix[next] = firstByte;
                    length[next] = length[previous] + 1;
                    next++;
                }
            }
            else if (code == next && previous >= 0)
            {
                // KwKwK case: the new entry is previous + first byte of previous.
                byte first = FirstByte(previous, prefix, suffix);
                prefix[next] = previous;
                suffix[next] = first;
                length[next] = length[previous] + 1;
                next++;
                emitCode = code;
                Emit(code, prefix, suffix, length, scratch, sink);
            }
            else
            {
                // Corrupt code: stop with what we have.
                break;
            }

            previous = emitCode;
            int threshold = earlyChange ? next + 1 : next;
            if (threshold >= 512 && codeLength == 9)
            {
                codeLength = 10;
            }
            else if (threshold >= 1024 && codeLength == 10)
            {
                codeLength = 11;
            }
            else if (threshold >= 2048 && codeLength == 11)
            {
                codeLength = 12;
            }
        }

        return sink.ToArray();
    }

    private static byte FirstByte(int code, int[] prefix, byte[] suffix)
    {
        while (prefix[code] >= 0)
        {
            code = prefix[code];
        }

        return suffix[code];
    }

    private static byte Emit(int code, int[] prefix, byte[] suffix, int[] length, byte[] scratch, ByteSink sink)
    {
        int len = length[code];
        int c = code;
        for (int i = len - 1; i >= 0; i--)
        {
            scratch[i] = suffix[c];
            c = prefix[c];
        }

        sink.Add(scratch.AsSpan(0, len));
        return scratch[0];
    }
}
