using Spectre.Console;

namespace Extractor.Cli.Batch;

/// <summary>A Spectre.Console progress bar on the terminal (stderr).</summary>
internal sealed class BarProgress(IAnsiConsole console, BatchSummary summary) : ProgressDisplay
{
    private readonly object _gate = new();
    private ProgressTask? _task;
    private long _total = -1;

    public override async Task<T> RunAsync<T>(Func<Task<T>> run) =>
        await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new RemainingTimeColumn(),
                new SpinnerColumn())
            .StartAsync(async context =>
            {
                lock (_gate)
                {
                    _task = context.AddTask(Describe(), autoStart: true, maxValue: Math.Max(1, _total));
                    _task.IsIndeterminate = _total < 0;
                }

                try
                {
                    return await run().ConfigureAwait(false);
                }
                finally
                {
                    lock (_gate)
                    {
                        // An interrupted batch keeps its real fraction; one whose count never came gets a full bar.
                        if (_total < 0)
                        {
                            _task.MaxValue = Math.Max(1, summary.Done);
                            _task.IsIndeterminate = false;
                        }

                        _task.Value = summary.Done;
                        _task.Description = Describe();
                        _task.StopTask();
                    }
                }
            }).ConfigureAwait(false);

    public override void SetTotal(long total)
    {
        lock (_gate)
        {
            _total = total;
            if (_task is not null)
            {
                _task.MaxValue = Math.Max(1, total);
                _task.IsIndeterminate = false;
                _task.Description = Describe();
            }
        }
    }

    public override void Report(BatchItemResult value)
    {
        lock (_gate)
        {
            if (_task is not null)
            {
                _task.Value = summary.Done;
                _task.Description = Describe();
            }
        }
    }

    private string Describe()
    {
        var total = _total < 0 ? "?" : _total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var failed = summary.Failed;
        return failed > 0
            ? $"{summary.Done}/{total} files, [red]{failed} failed[/]"
            : $"{summary.Done}/{total} files";
    }
}
