using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Extractor.Conversion;
using Extractor.Model;
using Serilog;
using Extractor.Export;

namespace Extractor.Cli.Batch;

/// <summary>
/// Converts many inputs in parallel. Inputs stream through a bounded queue to the workers; each worker
/// converts one file under a time limit, writes its JSON atomically, and hands the result to a single
/// writer through a bounded channel; the writer feeds the exporters and the summary. Nothing holds more
/// than a few documents at a time, so memory does not grow with the number of files.
/// </summary>
public sealed class BatchRunner
{
    // A large stack because hostile input can nest deeply (see ConversionThreads).
    private const int ConversionStackSize = 16 * 1024 * 1024;

    private readonly BatchOptions _options;
    private readonly ILogger _log;
    private readonly Func<string, CancellationToken, Document> _convert;
    private long _abandoned;

    /// <summary>Creates a runner.</summary>
    /// <param name="options">How to run.</param>
    /// <param name="log">Where per-file events go.</param>
    /// <param name="convert">The conversion of one path; <see cref="FormExtractor.Extract(string, CancellationToken)"/> by default.</param>
    public BatchRunner(BatchOptions options, ILogger? log = null, Func<string, CancellationToken, Document>? convert = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Parallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "parallelism must be at least 1");
        }

        _options = options;
        _log = log ?? Serilog.Core.Logger.None;

        // The converter stops itself at the per-file limit and says why; the wait below is the safety net.
        var conversion = (options.Conversion ?? ExtractorOptions.Default) with { Timeout = options.Timeout };
        var extractor = new FormExtractor(conversion);
        _convert = convert ?? ((path, ct) => extractor.Extract(path, ct));
    }

    /// <summary>The running totals; complete when <see cref="RunAsync"/> returns.</summary>
    public BatchSummary Summary { get; } = new();

    /// <summary>Conversions that overran their limit and were left running.</summary>
    public long Abandoned => Interlocked.Read(ref _abandoned);

    /// <summary>
    /// Runs the batch. When <paramref name="cancellationToken"/> fires, no new file is started, files in
    /// flight are dropped (no JSON is written for them), and the exporters are completed with what was
    /// finished; the summary then says it was interrupted.
    /// </summary>
    /// <param name="inputs">The inputs, enumerated once, lazily.</param>
    /// <param name="exporters">The exporters; completed here, disposed by the caller.</param>
    /// <param name="progress">Told of each finished input, from the writer.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    public async Task<BatchSummary> RunAsync(
        IEnumerable<BatchInput> inputs,
        IReadOnlyList<IDocumentExporter> exporters,
        IProgress<BatchItemResult>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(exporters);
        var clock = Stopwatch.StartNew();
        try
        {
            Directory.CreateDirectory(_options.OutputFolder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e is UnauthorizedAccessException ? "permission denied" : e.Message;
            throw new IOException($"cannot create the output folder {Path.GetFullPath(_options.OutputFolder)}: {reason}", e);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var threads = new ConversionThreads(ConversionStackSize);
        var depth = _options.Parallelism * 2;
        var queue = Channel.CreateBounded<BatchInput>(new BoundedChannelOptions(depth) { SingleWriter = true });
        var results = Channel.CreateBounded<BatchItemResult>(new BoundedChannelOptions(depth) { SingleReader = true });
        ExceptionDispatchInfo? fatal = null;
        var walked = false;
        long produced = 0;

        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var input in inputs)
                {
                    await queue.Writer.WriteAsync(input, stop.Token).ConfigureAwait(false);
                    produced++;
                }

                walked = true;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Interrupted: the workers stop too.
            }
#pragma warning disable CA1031 // Reported by RunAsync once everything has stopped.
            catch (Exception e)
#pragma warning restore CA1031
            {
                fatal ??= ExceptionDispatchInfo.Capture(e);
                await stop.CancelAsync().ConfigureAwait(false);
            }
            finally
            {
                queue.Writer.TryComplete();
            }
        }, CancellationToken.None);

        var workers = Enumerable.Range(0, _options.Parallelism)
            .Select(_ => Task.Run(() => WorkAsync(threads, queue.Reader, results.Writer, progress as ProgressDisplay, stop.Token), CancellationToken.None))
            .ToArray();
        var workersDone = Task.WhenAll(workers).ContinueWith(_ => results.Writer.TryComplete(), TaskScheduler.Default);

        var writer = Task.Run(async () =>
        {
            try
            {
                // Drains everything the workers finished, even after a stop, so that the exports match
                // the JSON files on disk.
                await foreach (var result in results.Reader.ReadAllAsync().ConfigureAwait(false))
                {
                    if (result.IsExported)
                    {
                        var item = result.ToExportItem();
                        foreach (var exporter in exporters)
                        {
                            exporter.Add(item);
                        }
                    }

                    Summary.Add(result);
                    progress?.Report(result);
                }
            }
#pragma warning disable CA1031 // Reported by RunAsync once everything has stopped.
            catch (Exception e)
#pragma warning restore CA1031
            {
                fatal ??= ExceptionDispatchInfo.Capture(e);
                await stop.CancelAsync().ConfigureAwait(false);
                results.Writer.TryComplete(e); // workers waiting to hand over a result give up
            }
        }, CancellationToken.None);

        await Task.WhenAll(producer, workersDone, writer).ConfigureAwait(false);
        fatal?.Throw();

        foreach (var exporter in exporters)
        {
            exporter.Complete();
        }

        Summary.Interrupted = !walked || Summary.Done < produced;
        Summary.Elapsed = clock.Elapsed;
        return Summary;
    }

    private static string WithoutPathPrefix(string message, string path) =>
        message.StartsWith(path + ": ", StringComparison.Ordinal) ? message[(path.Length + 2)..] : message;

    private async Task WorkAsync(ConversionThreads threads, ChannelReader<BatchInput> queue, ChannelWriter<BatchItemResult> results, ProgressDisplay? display, CancellationToken stop)
    {
        try
        {
            await foreach (var input in queue.ReadAllAsync(stop).ConfigureAwait(false))
            {
                display?.Started(input);
                BatchItemResult? result;
                try
                {
                    result = await ProcessAsync(threads, input, stop).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // One bad file never stops the batch.
                catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    result = Failed(_log, input, null, FailureCodes.InternalError, $"{e.GetType().Name}: {e.Message}", Stopwatch.GetTimestamp(), null);
                }

                if (result is null)
                {
                    return; // interrupted mid-file
                }

                // No token: a finished file is always handed over, so that its export matches its JSON.
                await results.WriteAsync(result, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Interrupted between files.
        }
        catch (ChannelClosedException)
        {
            // The writer stopped on an error; RunAsync reports it.
        }
    }

    private async Task<BatchItemResult?> ProcessAsync(ConversionThreads threads, BatchInput input, CancellationToken stop)
    {
        var started = Stopwatch.GetTimestamp();
        var log = _log.ForContext("RelPath", input.RelativePath);
        log.ForContext("FileEvent", "start").Debug("Start {Path}", input.Path);
        if (input.Problem is not null)
        {
            return Failed(log, input, null, DiagnosticCodes.Unreadable, input.Problem, started, null);
        }

        if (input.NotAnInput is { } byName)
        {
            return Skipped(log, input, byName, "its name is not an input's", started);
        }

        var outputPath = Path.Combine(_options.OutputFolder, input.OutputRelativePath);
        var failurePath = BatchRecords.FailurePath(_options.OutputFolder, input);
        if (_options.Resume)
        {
            var sha = BatchRecords.TryHash(input.FullPath);
            if (BatchRecords.CurrentOutput(input, outputPath, sha) is { } current)
            {
                var elapsed = Stopwatch.GetElapsedTime(started);
                log.ForContext("FileEvent", "skipped").Information(
                    "Up to date {Path} ({Output}): {Status} in {DurationMs:F0} ms", input.Path, input.OutputRelativePath, StatusText.Of(current), elapsed.TotalMilliseconds);
                return new BatchItemResult(input, BatchItemStatus.UpToDate, current, null, elapsed);
            }

            if (!_options.RetryFailed && BatchRecords.EarlierFailure(input, failurePath, sha) is { } earlier)
            {
                var error = earlier.Diagnostics.First(d => d.Severity == Severity.Error);
                var failedAt = new DateTimeOffset(File.GetLastWriteTimeUtc(failurePath), TimeSpan.Zero);
                var failure = new BatchFailure(input.Path, input.RelativePath, sha, error.Code, WithoutPathPrefix(error.Message, earlier.Source.Path), failedAt);
                log.ForContext("FileEvent", "failed-before").Warning(
                    "Failed before {Path}: {Code}: {Reason} (same content; not tried again, --retry-failed does)", input.Path, failure.Code, failure.Reason);
                return new BatchItemResult(input, BatchItemStatus.Failed, earlier, failure, Stopwatch.GetElapsedTime(started)) { FailedBefore = true };
            }
        }

        Document document;
        try
        {
            document = await ConvertWithLimitAsync(threads, input.Path, stop).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var reason = $"no result within the per-file limit of {_options.Timeout.TotalSeconds:0.###} s";
            return Failed(log, input, BatchRecords.TryHash(input.FullPath), FailureCodes.Timeout, reason, started, null);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            log.ForContext("FileEvent", "interrupted").Debug("Interrupted {Path}", input.Path);
            return null;
        }
#pragma warning disable CA1031 // One bad file never stops the batch: any failure of its conversion is recorded.
        catch (Exception e)
#pragma warning restore CA1031
        {
            log.ForContext("FileEvent", "exception").Debug(e, "Conversion of {Path} threw", input.Path);
            return Failed(log, input, BatchRecords.TryHash(input.FullPath), FailureCodes.InternalError, $"{e.GetType().Name}: {e.Message}", started, null);
        }

        if (document.Status == DocumentStatus.Failed)
        {
            var error = document.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error)
                ?? new Diagnostic(DiagnosticCodes.NoForm, Severity.Error, $"{input.Path}: no form", null, null, null);
            if (error.Code == DiagnosticCodes.Unsupported)
            {
                // A type this build does not read: nothing failed, there was nothing to convert.
                BatchRecords.TryDelete(outputPath);
                BatchRecords.TryDelete(failurePath);
                return Skipped(log, input, error.Text ?? "unknown", WithoutPathPrefix(error.Message, input.Path), started);
            }

            var sha = string.IsNullOrEmpty(document.Source.Sha256) ? null : document.Source.Sha256;
            return Failed(log, input, sha, error.Code, WithoutPathPrefix(error.Message, input.Path), started, document);
        }

        try
        {
            AtomicFile.WriteAllText(outputPath, DocumentJson.Serialize(document) + "\n");
        }
        catch (IOException e)
        {
            return Failed(log, input, document.Source.Sha256, FailureCodes.OutputUnwritable, e.Message, started, null);
        }

        BatchRecords.TryDelete(failurePath);
        var duration = Stopwatch.GetElapsedTime(started);
        var done = log.ForContext("FileEvent", "done").ForContext("Status", document.Status).ForContext("StatusReasons", document.StatusReasons, destructureObjects: true);
        StatusText.LogProblems(log.ForContext("FileEvent", "problem"), input.Path, document);
        done.Write(
            document.Status == DocumentStatus.Review ? Serilog.Events.LogEventLevel.Warning : Serilog.Events.LogEventLevel.Information,
            "Done {Path}: {StatusText}, {Forms} forms, {Indicators} indicators, {Checks} checks in {DurationMs:F0} ms",
            input.Path,
            StatusText.Of(document),
            document.Forms.Length,
            document.Forms.Sum(f => f.Indicators.Length),
            document.Forms.Sum(f => f.Checks.Length),
            duration.TotalMilliseconds);
        return new BatchItemResult(input, BatchItemStatus.Converted, document, null, duration);
    }

    private static BatchItemResult Skipped(ILogger log, BatchInput input, string type, string reason, long started)
    {
        var duration = Stopwatch.GetElapsedTime(started);
        log.ForContext("FileEvent", "skipped-type").ForContext("Type", type).Information("Skipped {Path}: {Reason}", input.Path, reason);
        var document = Document.Failed(
            new SourceInfo(input.Path, string.Empty, type, 0),
            new Diagnostic(DiagnosticCodes.Unsupported, Severity.Error, $"{input.Path}: {reason}", null, null, type));
        return new BatchItemResult(input, BatchItemStatus.Skipped, document, null, duration) { SkippedType = type };
    }

    private BatchItemResult Failed(ILogger log, BatchInput input, string? sha256, string code, string reason, long started, Document? converted)
    {
        var result = FailedResult(log, input, sha256, code, reason, started, converted);

        // No stale output: an older JSON of this input would no longer match it. The failure is remembered for --resume.
        BatchRecords.TryDelete(Path.Combine(_options.OutputFolder, input.OutputRelativePath));
        if (input.Problem is null && sha256 is not null)
        {
            BatchRecords.WriteFailure(BatchRecords.FailurePath(_options.OutputFolder, input), result.Document);
        }

        return result;
    }

    private static BatchItemResult FailedResult(ILogger log, BatchInput input, string? sha256, string code, string reason, long started, Document? converted)
    {
        var duration = Stopwatch.GetElapsedTime(started);
        var failure = new BatchFailure(input.Path, input.RelativePath, sha256, code, reason, DateTimeOffset.UtcNow);

        // The JSONL line of a failure: the same shape as any document, with no forms (no partial output)
        // and the diagnostics that say why.
        var document = converted ?? Document.Failed(
                new SourceInfo(input.Path, sha256 ?? string.Empty, input.Path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? SourceKinds.Pdf : SourceKinds.Text, 0),
                new Diagnostic(code, Severity.Error, $"{input.Path}: {reason}", null, null, null));
        StatusText.LogProblems(log.ForContext("FileEvent", "problem"), input.Path, document with { Diagnostics = [.. document.Diagnostics.Where(d => d.Severity != Severity.Error)] });
        log.ForContext("FileEvent", "failed").Error(
            "Failed {Path}: {Code}: {Reason} after {DurationMs:F0} ms", input.Path, code, reason, duration.TotalMilliseconds);
        return new BatchItemResult(input, BatchItemStatus.Failed, document, failure, duration);
    }

    private async Task<Document> ConvertWithLimitAsync(ConversionThreads threads, string path, CancellationToken stop)
    {
        var limit = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var outcome = threads.RunAsync(() => _convert(path, limit.Token));
        try
        {
            var document = await outcome.WaitAsync(_options.Timeout + ConversionWatchdog.Grace(_options.Timeout), stop).ConfigureAwait(false);
            limit.Dispose();
            return document;
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // Ask the conversion to stop; if it does not, it is left to finish on its background thread
            // and its result is dropped. The token source stays alive for it.
            await limit.CancelAsync().ConfigureAwait(false);
            if (e is TimeoutException && !outcome.IsCompleted)
            {
                var abandoned = Interlocked.Increment(ref _abandoned);
                _log.Warning("The conversion of {Path} did not stop when asked; {Abandoned} left running in the background", path, abandoned);
            }

            throw;
        }
    }
}
