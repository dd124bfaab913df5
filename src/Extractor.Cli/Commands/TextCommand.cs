using System.CommandLine;
using Extractor.Model;
using Serilog;

namespace Extractor.Cli.Commands;

/// <summary>
/// <c>extractor text INPUT [--ocr auto|always|never] [--password P] [--pages LIST]</c>: the row text, in the seed's
/// shape. An input that gives no text is an error (exit code 1); damage the text was read despite is said on stderr.
/// </summary>
public static class TextCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var input = new Argument<string>("INPUT") { Description = "A .pdf (or .txt) file" };
        var ocr = OcrOption.Create();
        var reading = new ReadingOptions(withYears: false);
        var command = new Command("text", "Print the row text: one table row a line, cells separated by tabs, a blank line between pages") { input, ocr };
        reading.AddTo(command);
        command.SetAction(result => Run(result.GetValue(input)!, reading.Apply(result, ExtractorOptions.Default with { Ocr = OcrOption.Parse(result.GetValue(ocr)) })));
        return command;
    }

    private static int Run(string input, ExtractorOptions options)
    {
        if (InputCheck.Problem(input) is { } problem)
        {
            Log.Error("{Problem}", problem);
            return ExitCodes.Usage;
        }

        var rows = new FormExtractor(options).ReadRowText(input);
        foreach (var diagnostic in rows.Diagnostics.Where(d => d.Severity == Severity.Error || d.Code == DiagnosticCodes.Damaged).OrderBy(d => d.Page is null ? 0 : 1))
        {
            Log.Warning("{Code}: {Message}", diagnostic.Code, diagnostic.Message);
        }

        if (rows.Error is not null)
        {
            Log.Error("{Code}: {Message}", rows.Error.Code, rows.Error.Message);
            return ExitCodes.ConversionFailed;
        }

        Console.Out.Write(rows.Text);
        Console.Out.Flush();
        return ExitCodes.Success;
    }
}
