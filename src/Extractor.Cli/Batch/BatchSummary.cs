using Extractor.Model;

namespace Extractor.Cli.Batch;

/// <summary>
/// Running totals of a batch. Updated by the single result writer; read by the progress display from
/// another thread, hence the locking. Holds only counters and the first failures, so it stays the same
/// size however many files go through.
/// </summary>
public sealed class BatchSummary
{
    /// <summary>How many failures are kept for the summary; the rest are only counted.</summary>
    public const int MaxListedFailures = 50;

    private readonly object _gate = new();
    private readonly List<BatchFailure> _failures = [];
    private readonly Dictionary<string, int> _failureCodes = new(StringComparer.Ordinal);
    private long _converted;
    private long _upToDate;
    private long _failed;
    private long _forms;
    private long _indicators;
    private long _checksError;
    private long _checksWarning;
    private long _checksInfo;
    private long _pages;

    /// <summary>Inputs finished (converted, up to date or failed).</summary>
    public long Done { get { lock (_gate) { return _converted + _upToDate + _failed; } } }

    /// <summary>Inputs converted in this run.</summary>
    public long Converted { get { lock (_gate) { return _converted; } } }

    /// <summary>Inputs skipped by <c>--resume</c> because their output is current.</summary>
    public long UpToDate { get { lock (_gate) { return _upToDate; } } }

    /// <summary>Inputs that failed.</summary>
    public long Failed { get { lock (_gate) { return _failed; } } }

    /// <summary>Forms in the converted and up-to-date documents.</summary>
    public long Forms { get { lock (_gate) { return _forms; } } }

    /// <summary>Indicators in the converted and up-to-date documents.</summary>
    public long Indicators { get { lock (_gate) { return _indicators; } } }

    /// <summary>Pages of the converted and up-to-date documents.</summary>
    public long Pages { get { lock (_gate) { return _pages; } } }

    /// <summary>Checks of severity error.</summary>
    public long ChecksError { get { lock (_gate) { return _checksError; } } }

    /// <summary>Checks of severity warning.</summary>
    public long ChecksWarning { get { lock (_gate) { return _checksWarning; } } }

    /// <summary>Checks of severity info.</summary>
    public long ChecksInfo { get { lock (_gate) { return _checksInfo; } } }

    /// <summary>True when the batch was stopped before every input was done.</summary>
    public bool Interrupted { get; internal set; }

    /// <summary>Wall time of the batch.</summary>
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>The first <see cref="MaxListedFailures"/> failures.</summary>
    public IReadOnlyList<BatchFailure> ListedFailures { get { lock (_gate) { return [.. _failures]; } } }

    /// <summary>Failures by code.</summary>
    public IReadOnlyDictionary<string, int> FailuresByCode { get { lock (_gate) { return new Dictionary<string, int>(_failureCodes, StringComparer.Ordinal); } } }

    /// <summary>Counts one finished input.</summary>
    public void Add(BatchItemResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (_gate)
        {
            switch (result.Status)
            {
                case BatchItemStatus.Failed:
                    _failed++;
                    var failure = result.Failure!;
                    _failureCodes[failure.Code] = _failureCodes.GetValueOrDefault(failure.Code) + 1;
                    if (_failures.Count < MaxListedFailures)
                    {
                        _failures.Add(failure);
                    }

                    return;
                case BatchItemStatus.UpToDate:
                    _upToDate++;
                    break;
                default:
                    _converted++;
                    break;
            }

            var document = result.Document;
            _pages += document.Source.Pages;
            _forms += document.Forms.Length;
            foreach (var form in document.Forms)
            {
                _indicators += form.Indicators.Length;
                foreach (var check in form.Checks)
                {
                    switch (check.Severity)
                    {
                        case Severity.Error: _checksError++; break;
                        case Severity.Warning: _checksWarning++; break;
                        default: _checksInfo++; break;
                    }
                }
            }
        }
    }
}
