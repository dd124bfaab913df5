namespace Extractor.Fuzz;

/// <summary>Bounds a case runs under.</summary>
/// <param name="Timeout">The conversion's own time limit (what <c>--timeout</c> sets in the command line).</param>
/// <param name="HangMargin">How long past <paramref name="Timeout"/> a conversion may take before it counts as a hang.</param>
/// <param name="MemoryLimitBytes">Peak managed heap or working set above this is a memory failure.</param>
public sealed record RunLimits(TimeSpan Timeout, TimeSpan HangMargin, long MemoryLimitBytes)
{
    /// <summary>10 s per case, 10 s margin, 1 GiB.</summary>
    public static RunLimits Default { get; } = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), 1L << 30);
}
