using System.Buffers;
using Extractor.Pdf.Parsing;

namespace Extractor.Pdf.Filters;

/// <summary>
/// Growable output buffer that refuses to grow beyond a limit (decompression bombs). The working buffer
/// is rented from a small pool of buffers up to 1 MB (what content streams and font programs of forms
/// need; larger ones are ordinary arrays, so a bomb's buffer is not kept), so that a decoder's
/// intermediate growth allocates nothing on the large-object heap; <see cref="ToArray"/> hands out the one exact-size result and returns the buffer,
/// after which the sink is spent.
/// </summary>
internal sealed class ByteSink
{
    // At most 4 buffers of each size are kept: a few MB in all, whatever the input.
    private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(maxArrayLength: 1 << 20, maxArraysPerBucket: 4);

    private byte[] buffer;
    private readonly long limit;

    public ByteSink(int initialCapacity, long limit)
    {
        buffer = Pool.Rent(Math.Max(16, Math.Min(initialCapacity, 1 << 24)));
        this.limit = limit;
    }

    public int Length { get; private set; }

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

    /// <summary>Room left before the limit.</summary>
    public long Room => limit - Length;

    public void Commit(int count) => Length += count;

    private void Grow(int extra)
    {
        long needed = (long)Length + extra;
        if (needed > limit)
        {
            throw new PdfLimitException($"decoded stream larger than {limit} bytes");
        }

        if (needed <= buffer.Length)
        {
            return;
        }

        long size = Math.Max(needed, (long)buffer.Length * 2);
        size = Math.Min(size, Math.Min(limit, Array.MaxLength));
        var larger = Pool.Rent((int)size);
        buffer.AsSpan(0, Length).CopyTo(larger);
        Pool.Return(buffer);
        buffer = larger;
    }

    /// <summary>The bytes written, in an array of their own; the working buffer goes back to the pool.</summary>
    public byte[] ToArray()
    {
        var result = buffer.AsSpan(0, Length).ToArray();
        Pool.Return(buffer);
        buffer = [];
        Length = 0;
        return result;
    }
}
