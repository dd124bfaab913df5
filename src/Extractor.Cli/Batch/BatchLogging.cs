using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Json;
using Spectre.Console;

namespace Extractor.Cli.Batch;

/// <summary>
/// The batch's logger: per-file events to stderr (through the progress bar's console when there is one)
/// and, with <c>--log</c>, every event from debug up as JSON lines to a file.
/// </summary>
internal static class BatchLogging
{
    /// <summary>The property that marks the end-of-batch event, which stderr gets as the printed summary instead.</summary>
    public const string SummaryProperty = "BatchSummary";

    private const string Template = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}";

    public static Logger Create(LogEventLevel consoleLevel, IAnsiConsole? barConsole, string? logFile)
    {
        var config = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .Enrich.FromLogContext()
            .WriteTo.Logger(console =>
            {
                console.Filter.ByExcluding(e => e.Properties.ContainsKey(SummaryProperty));
                if (barConsole is not null)
                {
                    // Above a live bar only what needs attention: one line per file would bury it.
                    var level = consoleLevel < LogEventLevel.Warning ? LogEventLevel.Warning : consoleLevel;
                    console.WriteTo.Sink(new SpectreLogSink(barConsole, Template), level);
                }
                else
                {
                    console.WriteTo.Console(
                        restrictedToMinimumLevel: consoleLevel,
                        standardErrorFromLevel: LogEventLevel.Verbose,
                        outputTemplate: Template,
                        formatProvider: System.Globalization.CultureInfo.InvariantCulture);
                }
            });
        if (!string.IsNullOrEmpty(logFile))
        {
            config = config.WriteTo.File(new JsonFormatter(renderMessage: true), logFile, LogEventLevel.Debug);
        }

        return config.CreateLogger();
    }
}
