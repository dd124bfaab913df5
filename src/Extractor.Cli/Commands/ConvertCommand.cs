using System.CommandLine;
using Extractor.Export;
using Extractor.Model;
using Serilog;
using Serilog.Events;

namespace Extractor.Cli.Commands;

/// <summary>
/// <c>extractor convert INPUT [-o OUT.json] [--ocr auto|always|never] [--timeout SECONDS] [--strict] [--password P]
/// [--pages LIST] [--year N] [--year-from-path REGEX]</c>: one file to the document JSON.
/// </summary>
public static class ConvertCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var input = new Argument<string>("INPUT") { Description = "A .pdf, .txt or image file (.tif .tiff .jpg .png .bmp; its type is read from its bytes)" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the JSON here instead of stdout" };
        var ocr = OcrOption.Create();
        var models = OcrOption.CreateModels();
        var timeout = TimeoutOption.Create("Time limit in seconds; a conversion that takes longer stops with a timeout error");
        var strict = StrictOption.Create();
        var reading = new ReadingOptions(withYears: true);
        var command = new Command("convert", "Convert one file to the document JSON") { input, output, ocr, models, timeout, strict };
        reading.AddTo(command);
        command.SetAction(result => Run(
            result.GetValue(input)!,
            result.GetValue(output),
            result.GetValue(strict),
            reading.Apply(result, ExtractorOptions.Default with { Ocr = OcrOption.Parse(result.GetValue(ocr)), OcrModels = result.GetValue(models), Timeout = TimeSpan.FromSeconds(result.GetValue(timeout)) })));
        return command;
    }

    private static int Run(string input, string? output, bool strict, ExtractorOptions options)
    {
        if (InputCheck.Problem(input) is { } problem)
        {
            Log.Error("{Problem}", problem);
            return ExitCodes.Usage;
        }

        var started = System.Diagnostics.Stopwatch.StartNew();

        // The conversion stops itself at its limit; if some step does not, the watchdog reports the timeout
        // and the process ends without it.
        var wait = options.Timeout + ConversionWatchdog.Grace(options.Timeout);
        if (!ConversionWatchdog.TryRun(() => new FormExtractor(options).Extract(input), wait, out var document))
        {
            document = TimedOut(input, options.Timeout);
        }

        var json = DocumentJson.Serialize(document);
        StatusText.LogProblems(Log.Logger, input, document);
        if (output is null)
        {
            Console.Out.Write(json);
            Console.Out.Write('\n');
            Console.Out.Flush();
        }
        else if (document.Status != DocumentStatus.Failed)
        {
            AtomicFile.WriteAllText(output, json + "\n");
        }

        var level = document.Status switch
        {
            DocumentStatus.Ok => LogEventLevel.Information,
            DocumentStatus.Review => LogEventLevel.Warning,
            _ => LogEventLevel.Error,
        };
        Log.Write(
            level,
            "{Path}: {Status}: {Forms} forms, {Indicators} indicators, {Checks} checks, {Diagnostics} diagnostics in {Elapsed} ms",
            input,
            StatusText.Of(document),
            document.Forms.Length,
            document.Forms.Sum(f => f.Indicators.Length),
            document.Forms.Sum(f => f.Checks.Length),
            document.Diagnostics.Length,
            started.ElapsedMilliseconds);
        return document.Status == DocumentStatus.Failed || (strict && document.Status == DocumentStatus.Review)
            ? ExitCodes.ConversionFailed
            : ExitCodes.Success;
    }

    private static Document TimedOut(string input, TimeSpan limit)
    {
        var kind = input.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? SourceKinds.Pdf : SourceKinds.Text;
        var error = new Diagnostic(DiagnosticCodes.Timeout, Severity.Error, $"{input}: timed out after {limit.TotalSeconds:0.###} s", null, null, null);
        return Document.Failed(new SourceInfo(input, Sha256(input), kind, 0), error);
    }

    private static string Sha256(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
