using Extractor;

namespace Extractor.Cli.Batch;

/// <summary>How a batch runs.</summary>
/// <param name="OutputFolder">Where the JSON files go (mirroring the inputs).</param>
/// <param name="Parallelism">How many files are converted at once.</param>
/// <param name="Resume">Skip inputs whose JSON exists with the same content hash, and inputs that failed before with the same content hash.</param>
/// <param name="Timeout">Per-file time limit; a conversion that takes longer is recorded as a <c>timeout</c> failure.</param>
/// <param name="Conversion">Options passed to each conversion (its time limit is <paramref name="Timeout"/>).</param>
public sealed record BatchOptions(
    string OutputFolder,
    int Parallelism,
    bool Resume,
    TimeSpan Timeout,
    ExtractorOptions? Conversion = null)
{
    /// <summary>With <see cref="Resume"/>: convert again the inputs that failed before (<c>--retry-failed</c>).</summary>
    public bool RetryFailed { get; init; }
}
