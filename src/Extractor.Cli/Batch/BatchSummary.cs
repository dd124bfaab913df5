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
    private readonly Dictionary<string, int> _skippedTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _diagnostics = new(StringComparer.Ordinal);
    private readonly List<(string Path, string Reasons)> _reviews = [];
    private long _skipped;
    private long _failedBefore;
    private long _ok;
    private long _review;
    private long _converted;
    private long _upToDate;
    private long _failed;
    private long _forms;
    private long _indicators;
    private long _checksError;
    private long _checksWarning;
    private long _checksInfo;
    private long _pages;

    /// <summary>Files finished (converted, up to date, failed or skipped).</summary>
    public long Done { get { lock (_gate) { return _converted + _upToDate + _failed + _skipped; } } }

    /// <summary>Inputs converted in this run.</summary>
    public long Converted { get { lock (_gate) { return _converted; } } }

    /// <summary>Inputs skipped by <c>--resume</c> because their output is current.</summary>
    public long UpToDate { get { lock (_gate) { return _upToDate; } } }

    /// <summary>Inputs that failed.</summary>
    public long Failed { get { lock (_gate) { return _failed; } } }

    /// <summary>Failures recorded by an earlier run for the same content, not tried again (<c>--resume</c>); counted in <see cref="Failed"/>.</summary>
    public long FailedBefore { get { lock (_gate) { return _failedBefore; } } }

    /// <summary>Files not read: of a type this build does not read, or with a name that is not an input's.</summary>
    public long Skipped { get { lock (_gate) { return _skipped; } } }

    /// <summary>Skipped files by type.</summary>
    public IReadOnlyDictionary<string, int> SkippedByType { get { lock (_gate) { return new Dictionary<string, int>(_skippedTypes, StringComparer.Ordinal); } } }

    /// <summary>Converted and up-to-date documents whose status is <c>ok</c>.</summary>
    public long Ok { get { lock (_gate) { return _ok; } } }

    /// <summary>Converted and up-to-date documents whose status is <c>review</c>.</summary>
    public long Review { get { lock (_gate) { return _review; } } }

    /// <summary>Diagnostics of severity warning and error by code, over every document (failed ones included): what made documents' status.</summary>
    public IReadOnlyDictionary<string, int> DiagnosticsByCode { get { lock (_gate) { return new Dictionary<string, int>(_diagnostics, StringComparer.Ordinal); } } }

    /// <summary>The first <see cref="MaxListedFailures"/> documents to review, with their reasons.</summary>
    public IReadOnlyList<(string Path, string Reasons)> ListedReviews { get { lock (_gate) { return [.. _reviews]; } } }

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
            if (result.Status == BatchItemStatus.Skipped)
            {
                _skipped++;
                var type = result.SkippedType ?? "unknown";
                _skippedTypes[type] = _skippedTypes.GetValueOrDefault(type) + 1;
                return;
            }

            foreach (var diagnostic in result.Document.Diagnostics.Where(d => d.Severity >= Severity.Warning))
            {
                _diagnostics[diagnostic.Code] = _diagnostics.GetValueOrDefault(diagnostic.Code) + 1;
            }

            switch (result.Status)
            {
                case BatchItemStatus.Failed:
                    _failed++;
                    _failedBefore += result.FailedBefore ? 1 : 0;
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
            if (document.Status == DocumentStatus.Review)
            {
                _review++;
                if (_reviews.Count < MaxListedFailures)
                {
                    _reviews.Add((result.Input.Path, StatusText.Counts(document.StatusReasons)));
                }
            }
            else
            {
                _ok++;
            }

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
