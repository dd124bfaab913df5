using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;
using Spectre.Console;

namespace Extractor.Cli.Batch;

/// <summary>Writes log events through the Spectre console, so that they appear above a live progress bar instead of breaking it.</summary>
internal sealed class SpectreLogSink(IAnsiConsole console, string outputTemplate) : ILogEventSink
{
    private readonly MessageTemplateTextFormatter _formatter = new(outputTemplate, System.Globalization.CultureInfo.InvariantCulture);
    private readonly object _gate = new();

    public void Emit(LogEvent logEvent)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        _formatter.Format(logEvent, text);
        var style = logEvent.Level >= LogEventLevel.Error ? new Style(Color.Red) : logEvent.Level == LogEventLevel.Warning ? new Style(Color.Yellow) : Style.Plain;
        lock (_gate)
        {
            console.Write(new Spectre.Console.Text(text.ToString(), style));
        }
    }
}
