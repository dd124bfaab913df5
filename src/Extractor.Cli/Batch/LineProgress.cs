using Serilog;

namespace Extractor.Cli.Batch;

/// <summary>Plain progress lines at a fixed interval, for when stderr is not a terminal.</summary>
internal sealed class LineProgress(ILogger log, BatchSummary summary, TimeSpan interval) : ProgressDisplay
{
    private long _total = -1;

    public override async Task<T> RunAsync<T>(Func<Task<T>> run)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var timer = new Timer(_ => Write(clock.Elapsed), null, interval, interval);
        return await run().ConfigureAwait(false);
    }

    public override void SetTotal(long total) => Interlocked.Exchange(ref _total, total);

    public override void Report(BatchItemResult value)
    {
        // Lines come from the timer; nothing per file here (the per-file events are logged by the runner).
    }

    private void Write(TimeSpan elapsed)
    {
        var done = summary.Done;
        var total = Interlocked.Read(ref _total);
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        log.ForContext("FileEvent", "progress").Information(
            "Progress {Done}/{Total} files, {Failed} failed, {Review} to review, {Rate:F1} files/s, {Elapsed:F0} s",
            done,
            total < 0 ? "?" : total,
            summary.Failed,
            summary.Review,
            rate,
            elapsed.TotalSeconds);
    }
}
