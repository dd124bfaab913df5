using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Extractor.Cli.Batch;
using Extractor.Conversion;
using Microsoft.Data.Sqlite;
using Serilog;
using Serilog.Events;
using Spectre.Console;
using Extractor.Export;

namespace Extractor.Cli.Commands;

/// <summary>
/// <c>extractor batch PATH… -o OUTDIR [--jsonl FILE] [--csv FILE] [--sqlite FILE] [-j N] [--resume] [--retry-failed]
/// [--shard K/N] [--timeout SECONDS] [--log FILE] [--ocr auto|always|never] [--strict] [--password P] [--pages LIST]
/// [--year N] [--year-from-path REGEX]</c>: many files and folders to one JSON each, with exports. Nothing is written
/// to stdout; progress, logs and the summary go to stderr.
/// </summary>
public static class BatchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Files and folders; folders are walked recursively for inputs (.pdf, .txt, …); other files are counted as skipped",
        };
        var output = new Option<string>("--output", "-o") { Description = "Folder for the JSON files, mirroring the input folders", Required = true, HelpName = "OUTDIR" };
        var jsonl = new Option<string?>("--jsonl") { Description = "Also write every document as one line of JSON to FILE", HelpName = "FILE" };
        var csv = new Option<string?>("--csv") { Description = "Also write one CSV row per indicator to FILE (UTF-8 with BOM), and per fund row and per check beside it (FILE.funds.csv, FILE.checks.csv)", HelpName = "FILE" };
        var sqlite = new Option<string?>("--sqlite") { Description = "Also load the documents into the SQLite database FILE (created if missing)", HelpName = "FILE" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Files converted at once; the number of cores by default", HelpName = "N", DefaultValueFactory = _ => Environment.ProcessorCount };
        jobs.Validators.Add(result =>
        {
            // A value that is not a number is the parser's error to report; reading it here would throw.
            if (result.Tokens.Count > 0 && int.TryParse(result.Tokens[^1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n < 1)
            {
                result.AddError("-j must be at least 1");
            }
        });
        var resume = new Option<bool>("--resume") { Description = "Skip inputs whose JSON in OUTDIR was made from the same content (SHA-256), and inputs that failed before with the same content" };
        var retryFailed = new Option<bool>("--retry-failed") { Description = "Resume, but convert again the inputs that failed before (after changing --timeout, --ocr or --password)" };
        var strict = StrictOption.Create();
        var reading = new ReadingOptions(withYears: true);
        var shard = new Option<string?>("--shard") { Description = "Take only shard K of N (1 ≤ K ≤ N), a stable split by path hash for several machines", HelpName = "K/N" };
        shard.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string?>();
            if (text is not null && ShardSpec.TryParse(text, out var error) is null)
            {
                result.AddError(error!);
            }
        });
        var timeout = TimeoutOption.Create("Per-file time limit in seconds; a file that takes longer is recorded as a timeout failure");
        var logFile = new Option<string?>("--log") { Description = "Also write the log events as JSON lines to FILE", HelpName = "FILE" };
        var ocr = OcrOption.Create();
        var models = OcrOption.CreateModels();

        var command = new Command("batch", "Convert many files and folders: one JSON per input, plus JSONL, CSV and SQLite exports")
        {
            paths, output, jsonl, csv, sqlite, jobs, resume, retryFailed, shard, timeout, logFile, ocr, models, strict,
        };
        reading.AddTo(command);
        command.SetAction(result => Run(new Request(
            result.GetValue(paths)!,
            result.GetValue(output)!,
            result.GetValue(jsonl),
            result.GetValue(csv),
            result.GetValue(sqlite),
            result.GetValue(jobs),
            result.GetValue(resume) || result.GetValue(retryFailed),
            result.GetValue(retryFailed),
            result.GetValue(strict),
            ShardSpec.TryParse(result.GetValue(shard) ?? "1/1", out _)!,
            TimeSpan.FromSeconds(result.GetValue(timeout)),
            result.GetValue(logFile),
            reading.Apply(result, ExtractorOptions.Default with { Ocr = OcrOption.Parse(result.GetValue(ocr)), OcrModels = result.GetValue(models) }))));
        return command;
    }

    private static int Run(Request request)
    {
        if (request.LogFile is not null && LogFileProblem(request.LogFile) is { } logProblem)
        {
            Console.Error.WriteLine($"--log {request.LogFile}: {logProblem}");
            return ExitCodes.Usage;
        }

        var consoleLevel = Log.IsEnabled(LogEventLevel.Debug) ? LogEventLevel.Debug
            : Log.IsEnabled(LogEventLevel.Information) ? LogEventLevel.Information
            : LogEventLevel.Warning;

        // A bar only on a terminal; with --verbose the per-file lines are what was asked for.
        var barConsole = !Console.IsErrorRedirected && consoleLevel > LogEventLevel.Debug
            ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) })
            : null;
        using var log = BatchLogging.Create(consoleLevel, barConsole, request.LogFile);

        var walker = InputWalker.Create(request.Paths, log, out var errors);
        if (walker is null)
        {
            foreach (var error in errors)
            {
                Console.Error.WriteLine(error);
            }

            return ExitCodes.Usage;
        }

        var options = new BatchOptions(request.Output, request.Jobs, request.Resume, request.Timeout, request.Conversion) { RetryFailed = request.RetryFailed };
        var runner = new BatchRunner(options, log);
        ProgressDisplay display = barConsole is not null
            ? new BarProgress(barConsole, runner.Summary)
            : new LineProgress(log, runner.Summary, TimeSpan.FromSeconds(5));

        using var stop = new CancellationTokenSource();
        using var interrupt = OnSignal(PosixSignal.SIGINT, stop, log);
        using var terminate = OnSignal(PosixSignal.SIGTERM, stop, log);

        var shard = request.Shard;
        _ = Task.Run(() => CountInputs(walker, shard, display), CancellationToken.None);

        var exporters = new List<IDocumentExporter>();
        try
        {
            if (request.Jsonl is not null)
            {
                exporters.Add(new JsonlExporter(request.Jsonl));
            }

            if (request.Csv is not null)
            {
                var (fundRows, checks) = CsvExporter.FilesBeside(request.Csv);
                exporters.Add(new CsvExporter(request.Csv));
                exporters.Add(CsvExporter.ForFundRows(fundRows));
                exporters.Add(CsvExporter.ForChecks(checks));
            }

            if (request.Sqlite is not null)
            {
                exporters.Add(new SqliteExporter(request.Sqlite));
            }

            log.Information(
                "Batch from {Base} into {Output}: {Jobs} at a time, shard {Shard}, resume {Resume}, limit {Timeout} s a file",
                walker.BaseFolder,
                Path.GetFullPath(request.Output),
                request.Jobs,
                shard.ToString(),
                request.Resume,
                request.Timeout.TotalSeconds);
            var inputs = walker.Enumerate().Where(i => shard.Contains(i.RelativePath));
            var summary = display.RunAsync(() => runner.RunAsync(inputs, exporters, display, stop.Token)).GetAwaiter().GetResult();

            SummaryReport.Write(Console.Error, summary);
            log.ForContext(BatchLogging.SummaryProperty, true).Information(
                "Batch {Outcome} in {ElapsedSeconds:F1} s: {Files} files, {Converted} converted, {UpToDate} up to date, {Failed} failed ({FailedBefore} as before), " +
                "{Skipped} skipped {SkippedByType}, status ok {Ok} / review {Review}, {Forms} forms, {Indicators} indicators, " +
                "checks {ChecksError} error / {ChecksWarning} warning / {ChecksInfo} info; diagnostics {DiagnosticsByCode}; failures {FailuresByCode}",
                summary.Interrupted ? "interrupted" : "finished",
                summary.Elapsed.TotalSeconds,
                summary.Done,
                summary.Converted,
                summary.UpToDate,
                summary.Failed,
                summary.FailedBefore,
                summary.Skipped,
                summary.SkippedByType,
                summary.Ok,
                summary.Review,
                summary.Forms,
                summary.Indicators,
                summary.ChecksError,
                summary.ChecksWarning,
                summary.ChecksInfo,
                summary.DiagnosticsByCode,
                summary.FailuresByCode);
            return summary.Interrupted ? ExitCodes.Interrupted
                : summary.Failed > 0 || (request.Strict && summary.Review > 0) ? ExitCodes.ConversionFailed
                : ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            // The exporters' errors name their file; a folder's error names the folder.
            log.Error("The batch stopped: {Message}", e.Message);
            return ExitCodes.ConversionFailed;
        }
        finally
        {
            foreach (var exporter in exporters)
            {
                exporter.Dispose();
            }
        }
    }

    /// <summary>Why the log file cannot be written, or null. Serilog would drop the file silently; a log asked for and not written is a usage error.</summary>
    private static string? LogFileProblem(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                return "is a directory";
            }

            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using var stream = new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return e is UnauthorizedAccessException ? "cannot be opened for writing: permission denied" : $"cannot be opened for writing: {e.Message}";
        }
    }

    private static void CountInputs(InputWalker walker, ShardSpec shard, ProgressDisplay display)
    {
        try
        {
            display.SetTotal(walker.Enumerate(Serilog.Core.Logger.None).LongCount(i => shard.Contains(i.RelativePath)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The total is only for the display; the batch's own walk reports unreadable folders.
        }
    }

    private static PosixSignalRegistration? OnSignal(PosixSignal signal, CancellationTokenSource stop, Serilog.ILogger log)
    {
        try
        {
            return PosixSignalRegistration.Create(signal, context =>
            {
                if (stop.IsCancellationRequested)
                {
                    return; // a second signal ends the process the usual way
                }

                context.Cancel = true;
                log.Warning("Stopping on {Signal}: files in progress are dropped, finished ones are kept", signal.ToString());
                stop.Cancel();
            });
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }

    private sealed record Request(
        string[] Paths,
        string Output,
        string? Jsonl,
        string? Csv,
        string? Sqlite,
        int Jobs,
        bool Resume,
        bool RetryFailed,
        bool Strict,
        ShardSpec Shard,
        TimeSpan Timeout,
        string? LogFile,
        ExtractorOptions Conversion);
}
