using System.Diagnostics;
using System.Text;

namespace Extractor.Cli.Tests.Support;

/// <summary>
/// Runs <c>extractor</c> on a pseudo-terminal of a given width (util-linux <c>script</c>), as a person at a
/// terminal would, and replays what it wrote onto a screen: printable text (East Asian wide characters two
/// cells), carriage return, line feed, cursor up, and wrapping at the last column. Colours and modes are ignored.
/// </summary>
internal static class Terminal
{
    /// <summary>
    /// The rows of the screen (scrollback included) after the run, every state a row had when the cursor left it
    /// (what was shown while the program ran), and the exit code.
    /// </summary>
    public static (int ExitCode, List<string> Rows, List<string> Shown) Run(string workingDirectory, int columns, params string[] args)
    {
        var typescript = Path.Combine(workingDirectory, "typescript-" + Guid.NewGuid().ToString("N"));
        var dll = Path.Combine(AppContext.BaseDirectory, "extractor.dll");
        var command = $"stty cols {columns} rows 40; dotnet {Quote(dll)} {string.Join(' ', args.Select(Quote))}";
        var info = new ProcessStartInfo("script")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-qfec");
        info.ArgumentList.Add(command);
        info.ArgumentList.Add(typescript);
        using var process = Process.Start(info)!;
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("extractor did not finish on the terminal");
        }

        var text = File.ReadAllText(typescript, Encoding.UTF8);
        File.Delete(typescript);
        var shown = new List<string>();
        var rows = Replay(text, columns, shown);
        return (process.ExitCode, rows, shown);
    }

    /// <summary>The screen's rows after <paramref name="output"/> is written to a terminal <paramref name="columns"/> wide.</summary>
    public static List<string> Replay(string output, int columns, List<string>? shown = null)
    {
        var rows = new List<StringBuilder> { new() };
        int row = 0, column = 0;
        void Put(string cell, int width)
        {
            if (column + width > columns)
            {
                row++;
                column = 0;
            }

            while (rows.Count <= row)
            {
                rows.Add(new StringBuilder());
            }

            var line = rows[row];
            while (Cells(line.ToString()) < column)
            {
                line.Append(' ');
            }

            // Overwrite the cells from the cursor on (a wide character covers two).
            var (start, length) = Span(line, column, width);
            line.Remove(start, length).Insert(start, cell);
            column += width;
        }

        // script's header line ("Script started on …") is not the program's.
        var body = output[(output.IndexOf('\n', StringComparison.Ordinal) + 1)..];
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\u001b')
            {
                var j = i + 1;
                if (j < body.Length && body[j] == '[')
                {
                    j++;
                    var start = j;
                    while (j < body.Length && !char.IsAsciiLetter(body[j]))
                    {
                        j++;
                    }

                    var parameter = body[start..j];
                    if (j < body.Length && body[j] == 'A')
                    {
                        shown?.Add(rows[row].ToString().TrimEnd());
                        row = Math.Max(0, row - (int.TryParse(parameter, out var n) ? n : 1));
                    }

                    i = j;
                }
                else
                {
                    i = j; // ESC = and the like: one character
                }
            }
            else if (c == '\r')
            {
                column = 0;
            }
            else if (c == '\n')
            {
                shown?.Add(rows[row].ToString().TrimEnd());
                row++;
                while (rows.Count <= row)
                {
                    rows.Add(new StringBuilder());
                }
            }
            else if (!char.IsControl(c))
            {
                var rune = char.IsHighSurrogate(c) && i + 1 < body.Length ? body.Substring(i++, 2) : c.ToString();
                Put(rune, IsWide(rune) ? 2 : 1);
            }
        }

        return rows.Select(r => r.ToString().TrimEnd()).ToList();
    }

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static bool IsWide(string cell)
    {
        var value = char.ConvertToUtf32(cell, 0);
        return value is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x20000;
    }

    /// <summary>The cells <paramref name="text"/> takes on the screen.</summary>
    public static int Cells(string text)
    {
        var cells = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var cell = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? text.Substring(i++, 2) : text[i].ToString();
            cells += IsWide(cell) ? 2 : 1;
        }

        return cells;
    }

    /// <summary>The characters of <paramref name="line"/> that cover cells [column, column + width).</summary>
    private static (int Start, int Length) Span(StringBuilder line, int column, int width)
    {
        var text = line.ToString();
        int cells = 0, start = text.Length, end = text.Length;
        for (var i = 0; i < text.Length;)
        {
            var size = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            var cell = text.Substring(i, size);
            var w = IsWide(cell) ? 2 : 1;
            if (cells + w > column && start == text.Length)
            {
                start = i;
            }

            cells += w;
            i += size;
            if (cells >= column + width && start != text.Length)
            {
                end = i;
                break;
            }
        }

        return (start, Math.Max(0, end - start));
    }
}
