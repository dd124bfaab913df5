using System.Diagnostics;

namespace Extractor.Pdf.Parsing;

/// <summary>A time budget plus a cancellation token; <see cref="Check"/> throws <see cref="TimeoutException"/> once spent.</summary>
internal readonly struct Deadline
{
    private readonly long endTimestamp;
    private readonly CancellationToken token;

    public Deadline(TimeSpan budget, CancellationToken token)
    {
        this.token = token;
        endTimestamp = budget == Timeout.InfiniteTimeSpan || budget <= TimeSpan.Zero && budget != TimeSpan.Zero
            ? long.MaxValue
            : Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency);
    }

    public void Check()
    {
        if (token.IsCancellationRequested)
        {
            throw new TimeoutException("reading was cancelled");
        }

        if (endTimestamp != long.MaxValue && Stopwatch.GetTimestamp() > endTimestamp)
        {
            throw new TimeoutException("time budget spent");
        }
    }
}
