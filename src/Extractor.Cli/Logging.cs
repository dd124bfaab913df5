using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Extractor.Cli;

/// <summary>Serilog set-up: structured events to stderr (never stdout, which carries JSON) and optionally a file.</summary>
public static class Logging
{
    /// <summary>Creates the process logger.</summary>
    public static Logger Create(LogEventLevel level, string? logFile)
    {
        var config = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .Enrich.FromLogContext()
            .WriteTo.Console(
                standardErrorFromLevel: LogEventLevel.Verbose,
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}");
        if (!string.IsNullOrEmpty(logFile))
        {
            config = config.WriteTo.File(
                new Serilog.Formatting.Json.JsonFormatter(renderMessage: true),
                logFile,
                restrictedToMinimumLevel: LogEventLevel.Verbose);
        }

        return config.CreateLogger();
    }
}
