using System.Text.RegularExpressions;
using Extractor.Cli.Tests.Support;

namespace Extractor.Cli.Tests.Trust;

/// <summary>
/// On a terminal, the batch's bar names the file being converted, and long messages printed while it runs
/// (a damaged file's warnings, wider than the terminal) leave no torn piece of the bar on the screen.
/// </summary>
public sealed partial class ProgressTerminalTests
{
    private const int Columns = 72;

    [Fact]
    public void TheBarNamesTheCurrentFileAndLongMessagesNeverTearIt()
    {
        using var t = new TempFolder();
        // The first file takes longest (the program warms up on it), so the bar has time to show it.
        Damaged.Cut(t, "in/0-第二个被截断的绩效自评表文件名很长很长.pdf", 90);
        t.CopySeed("in/a.txt");
        Damaged.Cut(t, "in/cut.pdf", 60);
        t.CopySeed("in/z.txt");

        var (exitCode, rows, shown) = Terminal.Run(t.Path, Columns, "batch", "in", "-o", "out", "-j", "1");

        Assert.Equal(1, exitCode);
        var barRows = rows.Where(r => r.Contains('━', StringComparison.Ordinal) || Spinner().IsMatch(r)).ToList();
        Assert.NotEmpty(barRows);

        // Every row left with a piece of the bar is a whole bar row: no message was written over part of one.
        Assert.All(barRows, r => Assert.Matches(BarRow(), r));
        Assert.Single(barRows, r => r.StartsWith("4/4 files", StringComparison.Ordinal));

        // While it ran, the bar named the file being converted, a long name cut at its start to fit the line.
        var shownBars = shown.Where(r => BarRow().IsMatch(r)).ToList();
        Assert.Contains(shownBars, r => r.StartsWith("0/4 files …", StringComparison.Ordinal) && r.Contains("很长很长.pdf ━", StringComparison.Ordinal));
        Assert.All(shown, r => Assert.True(Terminal.Cells(r) <= Columns, r));

        // The long warnings are all there, wrapped onto rows of their own.
        var text = string.Join(' ', rows.Select(r => r.Trim()));
        Assert.Contains("in/cut.pdf: damaged: the file is truncated", text, StringComparison.Ordinal);
        Assert.Contains("whatever came after the cut is lost", text, StringComparison.Ordinal);
        Assert.Contains("  review:", rows);
    }

    [GeneratedRegex(@"^\d+/(\d+|\?) files")]
    private static partial Regex BarRow();

    [GeneratedRegex("[\u2800-\u28FF]")]
    private static partial Regex Spinner();
}
