using Extractor.Pdf.Parsing;

namespace Extractor.Pdf.Filters;

/// <summary>Growable output buffer that refuses to grow beyond a limit (decompression bombs).</summary>
internal sealed class ByteSink
{
    private byte[] buffer;
    private readonly long limit;

    public ByteSink(int initialCapacity, long limit)
    {
        buffer = new byte[Math.Max(16, Math.Min(initialCapacity, 1 << 24))];
        this.limit = limit;
    }

    public int Length { get; private set; }

    public byte[] Buffer => buffer;

    public void Add(byte b)
    {
        if (Length == buffer.Length)
        {
            Grow(1);
        }

        buffer[Length++] = b;
    }

    public void Add(ReadOnlySpan<byte> bytes)
    {
        if (Length + bytes.Length > buffer.Length)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(buffer.AsSpan(Length));
        Length += bytes.Length;
    }

    /// <summary>Reserves room for <paramref name="count"/> more bytes and returns the span to write into.</summary>
    public Span<byte> Reserve(int count)
    {
        if (Length + count > buffer.Length)
        {
            Grow(count);
        }

        return buffer.AsSpan(Length, count);
    }

    public void Commit(int count) => Length += count;

    private void Grow(int extra)
    {
        long needed = (long)Length + extra;
        if (needed > limit)
        {
            throw new PdfLimitException($"decoded stream larger than {limit} bytes");
        }

        long size = Math.Max(needed, (long)buffer.Length * 2);
        size = Math.Min(size, Math.Min(limit, Array.MaxLength));
        Array.Resize(ref buffer, (int)size);
    }

    public byte[] ToArray() => Length == buffer.Length ? buffer : buffer.AsSpan(0, Length).ToArray();
}
