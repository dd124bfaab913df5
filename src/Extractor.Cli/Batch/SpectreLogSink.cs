using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;
using Spectre.Console;

namespace Extractor.Cli.Batch;

/// <summary>
/// Writes log events through the Spectre console, so that they appear above a live progress bar instead of
/// breaking it. Each event is written as lines that fit the terminal's width, control characters (tabs of row
/// text) made spaces: a line the terminal wrapped, or widened at a tab, on its own would move the bar's place
/// without Spectre knowing, and leave a torn copy of the bar behind.
/// </summary>
internal sealed class SpectreLogSink(IAnsiConsole console, string outputTemplate) : ILogEventSink
{
    private readonly MessageTemplateTextFormatter _formatter = new(outputTemplate, System.Globalization.CultureInfo.InvariantCulture);
    private readonly object _gate = new();

    public void Emit(LogEvent logEvent)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        _formatter.Format(logEvent, text);
        var style = logEvent.Level >= LogEventLevel.Error ? new Style(Color.Red) : logEvent.Level == LogEventLevel.Warning ? new Style(Color.Yellow) : Style.Plain;
        var lines = TerminalText.Wrap(text.ToString(), console.Profile.Width - 1);
        lock (_gate)
        {
            console.Write(new Spectre.Console.Text(string.Join('\n', lines) + "\n", style));
        }
    }
}
