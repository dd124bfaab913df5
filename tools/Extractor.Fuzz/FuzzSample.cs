namespace Extractor.Fuzz;

/// <summary>The fixed sample the tests run on every build: the crafted cases and the first seeds.</summary>
public static class FuzzSample
{
    /// <summary>The first seed of the sample.</summary>
    public const long FirstSeed = 1;

    /// <summary>How many mutated cases the sample holds.</summary>
    public const int MutatedCases = 300;

    /// <summary>
    /// 10 s per conversion (the slow crafted case stops there), 15 s more is a hang, 1 GiB of memory. The
    /// document letter limit's case reads its million letters in about 4 s, so a limit of 5 s
    /// failed it whenever the machine was busy with other work.
    /// </summary>
    public static RunLimits Limits { get; } = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15), 1L << 30);
}
