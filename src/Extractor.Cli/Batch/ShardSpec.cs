using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Extractor.Cli.Batch;

/// <summary>
/// <c>--shard K/N</c>: the inputs whose relative-path hash falls in bucket K of N (1 ≤ K ≤ N). The hash is
/// SHA-256 of the UTF-8 relative path, so every machine computes the same split without coordination,
/// whatever the .NET version or where the archive is mounted.
/// </summary>
/// <param name="Index">K, 1-based.</param>
/// <param name="Count">N.</param>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>Every input (1/1).</summary>
    public static ShardSpec All { get; } = new(1, 1);

    /// <summary>Parses <c>K/N</c>; returns null and a reason when the text is not a shard.</summary>
    public static ShardSpec? TryParse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            error = $"--shard takes K/N, e.g. 1/4; got '{text}'";
            return null;
        }

        if (n < 1 || k < 1 || k > n)
        {
            error = $"--shard {text}: K must be between 1 and N (shards are numbered from 1)";
            return null;
        }

        error = null;
        return new ShardSpec(k, n);
    }

    /// <summary>The bucket (1..N) of a relative path.</summary>
    public static int BucketOf(string relativePath, int count)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(relativePath), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count) + 1;
    }

    /// <summary>True when the input belongs to this shard.</summary>
    public bool Contains(string relativePath) => Count == 1 || BucketOf(relativePath, Count) == Index;

    /// <inheritdoc/>
    public override string ToString() => $"{Index}/{Count}";
}
