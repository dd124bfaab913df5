namespace Extractor.Fuzz;

/// <summary>The fixed sample the tests run on every build: the crafted cases and the first seeds.</summary>
public static class FuzzSample
{
    /// <summary>The first seed of the sample.</summary>
    public const long FirstSeed = 1;

    /// <summary>How many mutated cases the sample holds.</summary>
    public const int MutatedCases = 300;

    /// <summary>5 s per conversion (the slow crafted case stops there), 15 s more is a hang, 1 GiB of memory.</summary>
    public static RunLimits Limits { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), 1L << 30);
}
