using System.CommandLine;
using Extractor.Conversion;
using Extractor.Json;
using Extractor.Model;
using Serilog;

namespace Extractor.Cli.Commands;

/// <summary><c>extractor convert INPUT [-o OUT.json] [--ocr auto|always|never]</c>: one file to the document JSON.</summary>
public static class ConvertCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var input = new Argument<string>("INPUT") { Description = "A .pdf or .txt file" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the JSON here instead of stdout" };
        var ocr = OcrOption.Create();
        var command = new Command("convert", "Convert one file to the document JSON") { input, output, ocr };
        command.SetAction(result => Run(result.GetValue(input)!, result.GetValue(output), ConversionOptions.Default with { Ocr = OcrOption.Parse(result.GetValue(ocr)) }));
        return command;
    }

    private static int Run(string input, string? output, ConversionOptions options)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var document = DocumentConverter.ConvertFile(input, options);
        var json = DocumentJson.Serialize(document);
        foreach (var error in document.Diagnostics.Where(d => d.Severity == Severity.Error))
        {
            Log.Error("{Path}: {Code}: {Message}", input, error.Code, error.Message);
        }

        if (output is null)
        {
            Console.Out.Write(json);
            Console.Out.Write('\n');
            Console.Out.Flush();
        }
        else if (!document.HasErrors || document.Forms.Length > 0)
        {
            AtomicFile.WriteAllText(output, json + "\n");
        }

        Log.Information(
            "{Path}: {Forms} forms, {Indicators} indicators, {Checks} checks, {Diagnostics} diagnostics in {Elapsed} ms",
            input,
            document.Forms.Length,
            document.Forms.Sum(f => f.Indicators.Length),
            document.Forms.Sum(f => f.Checks.Length),
            document.Diagnostics.Length,
            started.ElapsedMilliseconds);
        return document.HasErrors ? ExitCodes.ConversionFailed : ExitCodes.Success;
    }
}
