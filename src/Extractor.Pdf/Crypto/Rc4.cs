namespace Extractor.Pdf.Crypto;

/// <summary>RC4 stream cipher (used by the standard security handler, revisions 2–4).</summary>
internal static class Rc4
{
    public static byte[] Transform(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        var output = new byte[data.Length];
        Transform(key, data, output);
        return output;
    }

    public static void Transform(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> output)
    {
        Span<byte> s = stackalloc byte[256];
        for (int i = 0; i < 256; i++)
        {
            s[i] = (byte)i;
        }

        int j = 0;
        if (key.Length > 0)
        {
            for (int i = 0; i < 256; i++)
            {
                j = (j + s[i] + key[i % key.Length]) & 0xFF;
                (s[i], s[j]) = (s[j], s[i]);
            }
        }

        int x = 0;
        int y = 0;
        for (int k = 0; k < data.Length; k++)
        {
            x = (x + 1) & 0xFF;
            y = (y + s[x]) & 0xFF;
            (s[x], s[y]) = (s[y], s[x]);
            output[k] = (byte)(data[k] ^ s[(s[x] + s[y]) & 0xFF]);
        }
    }
}
