using System.IO.Compression;

namespace Extractor.Pdf.Filters;

/// <summary>FlateDecode (zlib/deflate). Truncated or corrupt data keeps what decoded, as poppler does.</summary>
internal static class FlateFilter
{
    public static byte[] Decode(byte[] input, int offset, int count, long limit, out bool damaged)
    {
        damaged = false;
        if (count == 0)
        {
            return [];
        }

        var src = new ReadOnlySpan<byte>(input, offset, count);
        bool zlibHeader = src.Length >= 2 && (src[0] & 0x0F) == 8 && ((src[0] << 8) | src[1]) % 31 == 0;
        int skip = zlibHeader ? 2 : 0;
        var sink = new ByteSink(Math.Min(count * 4, 1 << 22), limit);
        // Raw deflate after the 2-byte header: a bad Adler-32 trailer then costs nothing.
        bool ok = Inflate(input, offset + skip, count - skip, sink);
        if (!ok && sink.Length == 0)
        {
            // The header was wrong or the data is raw deflate at another offset: try the other reading.
            var sink2 = new ByteSink(Math.Min(count * 4, 1 << 22), limit);
            Inflate(input, offset + (zlibHeader ? 0 : 2), count - (zlibHeader ? 0 : 2), sink2);
            damaged = true;
            return sink2.ToArray();
        }

        damaged = !ok;
        return sink.ToArray();
    }

    private static bool Inflate(byte[] input, int offset, int count, ByteSink sink)
    {
        if (count <= 0)
        {
            return false;
        }

        try
        {
            using var ms = new MemoryStream(input, offset, count, writable: false);
            using var ds = new DeflateStream(ms, CompressionMode.Decompress);
            while (true)
            {
                // Up to the limit and no further; at the limit, asking for one more byte refuses the stream.
                var span = sink.Reserve((int)Math.Clamp(sink.Room, 1, 65536));
                int n = ds.Read(span);
                if (n <= 0)
                {
                    break;
                }

                sink.Commit(n);
            }

            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
