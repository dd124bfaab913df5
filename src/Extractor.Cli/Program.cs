using System.CommandLine;
using Extractor.Cli.Commands;
using Serilog;
using Serilog.Events;

namespace Extractor.Cli;

/// <summary>Entry point of the <c>extractor</c> command.</summary>
public static class Program
{
    /// <summary>Parses the command line and runs the command; returns the exit code.</summary>
    public static int Main(string[] args)
    {
        var verbose = new Option<bool>("--verbose") { Description = "Log debug events", Recursive = true };
        var quiet = new Option<bool>("--quiet") { Description = "Log warnings and errors only", Recursive = true };
        var root = new RootCommand("Extractor: fiscal performance self-evaluation reports (绩效自评表) to checked JSON")
        {
            ConvertCommand.Create(),
            BatchCommand.Create(),
            TextCommand.Create(),
            ReviewCommand.Create(),
            verbose,
            quiet,
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine(error.Message);
            }

            Console.Error.WriteLine("Run 'extractor --help' for usage.");
            return ExitCodes.Usage;
        }

        var level = parsed.GetValue(verbose) ? LogEventLevel.Debug : parsed.GetValue(quiet) ? LogEventLevel.Warning : LogEventLevel.Information;
        Log.Logger = Logging.Create(level, null);
        try
        {
            var code = parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            return code;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.Error("{Message}", e.Message);
            return ExitCodes.ConversionFailed;
        }
        finally
        {
            Log.CloseAndFlush();
        }
    }
}
