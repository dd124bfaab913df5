using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;
using Spectre.Console;

namespace Extractor.Cli.Batch;

/// <summary>
/// Writes log events through the Spectre console, so that they appear above a live progress bar instead of
/// breaking it. Spectre writes them over the rows the bar took and draws the bar again below, without clearing
/// those rows: so each event is written as lines that fit the terminal's width, padded with spaces to the whole
/// width (a shorter second line would leave the end of the old bar showing after it), control characters (tabs
/// of row text) made spaces (a tab widens a line behind Spectre's back).
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
        var width = console.Profile.Width - 1;
        var lines = TerminalText.Wrap(text.ToString(), width).Select(l => l + new string(' ', Math.Max(0, width - TerminalText.Width(l))));
        lock (_gate)
        {
            console.Write(new Spectre.Console.Text(string.Join('\n', lines) + "\n", style));
        }
    }
}
