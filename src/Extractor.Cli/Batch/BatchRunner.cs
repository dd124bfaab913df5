using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Text.Json;
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
        Directory.CreateDirectory(_options.OutputFolder);
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
            .Select(_ => Task.Run(() => WorkAsync(threads, queue.Reader, results.Writer, stop.Token), CancellationToken.None))
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
                    var item = result.ToExportItem();
                    foreach (var exporter in exporters)
                    {
                        exporter.Add(item);
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

    private static string? TryHash(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string WithoutPathPrefix(string message, string path) =>
        message.StartsWith(path + ": ", StringComparison.Ordinal) ? message[(path.Length + 2)..] : message;

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A stale output that cannot be removed is reported by the failure record all the same.
        }
    }

    private async Task WorkAsync(ConversionThreads threads, ChannelReader<BatchInput> queue, ChannelWriter<BatchItemResult> results, CancellationToken stop)
    {
        try
        {
            await foreach (var input in queue.ReadAllAsync(stop).ConfigureAwait(false))
            {
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

        var outputPath = Path.Combine(_options.OutputFolder, input.OutputRelativePath);
        if (_options.Resume)
        {
            var current = ReadCurrentOutput(input, outputPath);
            if (current is not null)
            {
                var elapsed = Stopwatch.GetElapsedTime(started);
                log.ForContext("FileEvent", "skipped").Information(
                    "Up to date {Path} ({Output}) in {DurationMs:F0} ms", input.Path, input.OutputRelativePath, elapsed.TotalMilliseconds);
                return new BatchItemResult(input, BatchItemStatus.UpToDate, current, null, elapsed);
            }
        }

        Document document;
        try
        {
            document = await ConvertWithLimitAsync(threads, input.Path, stop).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            TryDelete(outputPath);
            var reason = $"no result within the per-file limit of {_options.Timeout.TotalSeconds:0.###} s";
            return Failed(log, input, TryHash(input.FullPath), FailureCodes.Timeout, reason, started, null);
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
            TryDelete(outputPath);
            log.ForContext("FileEvent", "exception").Debug(e, "Conversion of {Path} threw", input.Path);
            return Failed(log, input, TryHash(input.FullPath), FailureCodes.InternalError, $"{e.GetType().Name}: {e.Message}", started, null);
        }

        if (document.HasErrors)
        {
            // No partial output: an older JSON of this input would no longer match it.
            TryDelete(outputPath);
            var error = document.Diagnostics.First(d => d.Severity == Severity.Error);
            var sha = string.IsNullOrEmpty(document.Source.Sha256) ? null : document.Source.Sha256;
            return Failed(log, input, sha, error.Code, WithoutPathPrefix(error.Message, input.Path), started, document);
        }

        try
        {
            AtomicFile.WriteAllText(outputPath, DocumentJson.Serialize(document) + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(log, input, document.Source.Sha256, FailureCodes.OutputUnwritable, $"{input.OutputRelativePath}: {e.Message}", started, null);
        }

        var duration = Stopwatch.GetElapsedTime(started);
        log.ForContext("FileEvent", "done").Information(
            "Done {Path}: {Forms} forms, {Indicators} indicators, {Checks} checks in {DurationMs:F0} ms",
            input.Path,
            document.Forms.Length,
            document.Forms.Sum(f => f.Indicators.Length),
            document.Forms.Sum(f => f.Checks.Length),
            duration.TotalMilliseconds);
        return new BatchItemResult(input, BatchItemStatus.Converted, document, null, duration);
    }

    private static BatchItemResult Failed(ILogger log, BatchInput input, string? sha256, string code, string reason, long started, Document? converted)
    {
        var duration = Stopwatch.GetElapsedTime(started);
        var failure = new BatchFailure(input.Path, input.RelativePath, sha256, code, reason, DateTimeOffset.UtcNow);

        // The JSONL line of a failure: the same shape as any document, with no forms (no partial output)
        // and the diagnostics that say why.
        var document = converted is not null
            ? converted with { Forms = [] }
            : Document.Failed(
                new SourceInfo(input.Path, sha256 ?? string.Empty, input.Path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? SourceKinds.Pdf : SourceKinds.Text, 0),
                new Diagnostic(code, Severity.Error, $"{input.Path}: {reason}", null, null, null));
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

    private static Document? ReadCurrentOutput(BatchInput input, string outputPath)
    {
        if (!File.Exists(outputPath))
        {
            return null;
        }

        var sha = TryHash(input.FullPath);
        if (sha is null)
        {
            return null; // the conversion reports why the file cannot be read
        }

        try
        {
            var existing = DocumentJson.Deserialize(File.ReadAllText(outputPath));
            if (existing is null
                || existing.SchemaVersion != Document.CurrentSchemaVersion
                || existing.Source is null
                || existing.Forms.IsDefault
                || existing.Diagnostics.IsDefault
                || !string.Equals(existing.Source.Sha256, sha, StringComparison.Ordinal)
                || existing.HasErrors)
            {
                return null;
            }

            return existing with { Source = existing.Source with { Path = input.Path } };
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException or InvalidOperationException)
        {
            return null; // damaged or foreign: convert again
        }
    }
}
