using System.CommandLine;
using Extractor.Conversion;
using Serilog;

namespace Extractor.Cli.Commands;

/// <summary><c>extractor text INPUT</c>: the row text, in the seed's shape.</summary>
public static class TextCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var input = new Argument<string>("INPUT") { Description = "A .pdf (or .txt) file" };
        var command = new Command("text", "Print the row text: one table row a line, cells separated by tabs, a blank line between pages") { input };
        command.SetAction(result => Run(result.GetValue(input)!));
        return command;
    }

    private static int Run(string input)
    {
        var rows = new FormExtractor().ReadRowText(input);
        if (rows.Error is not null)
        {
            Log.Error("{Path}: {Code}: {Message}", input, rows.Error.Code, rows.Error.Message);
            return ExitCodes.ConversionFailed;
        }

        Console.Out.Write(rows.Text);
        Console.Out.Flush();
        return ExitCodes.Success;
    }
}
