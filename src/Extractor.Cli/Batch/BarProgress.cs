using System.Globalization;
using Spectre.Console;

namespace Extractor.Cli.Batch;

/// <summary>
/// A Spectre.Console progress bar on the terminal (stderr): files done of the total, failures and documents to
/// review, and the file being converted, cut to fit the terminal so that the bar stays one line.
/// </summary>
internal sealed class BarProgress(IAnsiConsole console, BatchSummary summary) : ProgressDisplay
{
    /// <summary>The bar's width: narrow, to leave room for the file's name.</summary>
    private const int BarWidth = 20;

    /// <summary>What the other columns take of a line: the bar, percentage (4), elapsed and remaining times (8 each), spinner (1), and the gaps between the six columns.</summary>
    private const int OtherColumns = BarWidth + 4 + 8 + 8 + 1 + 6;

    private readonly object _gate = new();
    private ProgressTask? _task;
    private long _total = -1;
    private string _current = string.Empty;

    public override async Task<T> RunAsync<T>(Func<Task<T>> run) =>
        await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn { Width = BarWidth },
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

                        _current = string.Empty;
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

    public override void Started(BatchInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        lock (_gate)
        {
            _current = input.RelativePath;
            if (_task is not null)
            {
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
        var total = _total < 0 ? "?" : _total.ToString(CultureInfo.InvariantCulture);
        var counts = string.Create(CultureInfo.InvariantCulture, $"{summary.Done}/{total} files");
        var failed = summary.Failed;
        var review = summary.Review;
        var marks = (failed > 0 ? string.Create(CultureInfo.InvariantCulture, $", [red]{failed} failed[/]") : string.Empty)
            + (review > 0 ? string.Create(CultureInfo.InvariantCulture, $", [yellow]{review} review[/]") : string.Empty);
        var plain = counts + (failed > 0 ? $", {failed} failed" : string.Empty) + (review > 0 ? $", {review} review" : string.Empty);
        var room = console.Profile.Width - OtherColumns - TerminalText.Width(plain) - 1;
        var current = _current.Length == 0 || room < 8 ? string.Empty : " " + Markup.Escape(TerminalText.Fit(_current, room, keepEnd: true));
        return counts + marks + current;
    }
}
