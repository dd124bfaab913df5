namespace Extractor.Fuzz;

/// <summary>
/// SplitMix64: a small generator whose sequence depends only on the seed, on every platform and runtime
/// version, so that a case number printed today rebuilds the same bytes later.
/// </summary>
public sealed class Prng
{
    private ulong state;

    /// <summary>Starts the sequence of <paramref name="seed"/>.</summary>
    public Prng(long seed)
    {
        state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL) ^ 0xD1B54A32D192ED03UL;
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number from 0 to <paramref name="maxExclusive"/> − 1 (0 when the range is empty).</summary>
    public int Next(int maxExclusive) => maxExclusive <= 1 ? 0 : (int)(NextUInt64() % (ulong)maxExclusive);

    /// <summary>A number from <paramref name="min"/> to <paramref name="maxExclusive"/> − 1.</summary>
    public int Next(int min, int maxExclusive) => maxExclusive <= min ? min : min + Next(maxExclusive - min);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => (NextUInt64() >> 11) * (1.0 / (1UL << 53)) < p;

    /// <summary>One of the items.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A length skewed towards small values but reaching <paramref name="max"/>: most edits are small, some are large.</summary>
    public int Skewed(int max)
    {
        if (max <= 1)
        {
            return max;
        }

        var bits = Next(1, 1 + (int)Math.Ceiling(Math.Log2(max)));
        return Math.Min(max, Next(1, 1 << Math.Min(bits, 30)) + 1);
    }

    /// <summary>Random bytes.</summary>
    public byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        for (var i = 0; i < count; i++)
        {
            bytes[i] = (byte)NextUInt64();
        }

        return bytes;
    }
}
