using System.Globalization;
using System.Text;

namespace Extractor.Cli.Batch;

/// <summary>
/// Text for one terminal line: control characters become spaces and what does not fit the width is cut with an
/// ellipsis, counting East Asian wide characters (漢字, full-width forms) as two cells, as terminals draw them.
/// A line that never wraps keeps a live progress bar from being torn.
/// </summary>
internal static class TerminalText
{
    /// <summary>The cells <paramref name="text"/> takes on a terminal.</summary>
    public static int Width(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Width(rune);
        }

        return width;
    }

    /// <summary><paramref name="text"/> on one line of at most <paramref name="cells"/> cells; the middle is cut when <paramref name="keepEnd"/> (a path's file name matters most).</summary>
    public static string Fit(string text, int cells, bool keepEnd = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var flat = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            flat.Append(Rune.IsControl(rune) ? " " : rune.ToString());
        }

        var line = flat.ToString().TrimEnd();
        if (cells <= 1 || Width(line) <= cells)
        {
            return cells <= 1 ? string.Empty : line;
        }

        var runes = line.EnumerateRunes().ToList();
        if (keepEnd)
        {
            // "…" then as much of the end as fits.
            var tail = new List<Rune>();
            var used = 1;
            for (var i = runes.Count - 1; i >= 0 && used + Width(runes[i]) <= cells; i--)
            {
                tail.Insert(0, runes[i]);
                used += Width(runes[i]);
            }

            return "…" + string.Concat(tail.Select(r => r.ToString()));
        }

        var head = new StringBuilder();
        var taken = 1;
        foreach (var rune in runes)
        {
            if (taken + Width(rune) > cells)
            {
                break;
            }

            head.Append(rune.ToString());
            taken += Width(rune);
        }

        return head + "…";
    }

    /// <summary>
    /// <paramref name="text"/> as lines of at most <paramref name="cells"/> cells each (continuation lines indented by
    /// two spaces), broken at a space when one is near the end, else anywhere: CJK text has no spaces to break at.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int cells)
    {
        ArgumentNullException.ThrowIfNull(text);
        var flat = string.Concat(text.TrimEnd().EnumerateRunes().Select(r => Rune.IsControl(r) ? " " : r.ToString()));
        if (cells < 8 || Width(flat) <= cells)
        {
            return [flat];
        }

        var lines = new List<string>();
        var runes = flat.EnumerateRunes().ToList();
        var start = 0;
        var indent = string.Empty;
        while (start < runes.Count)
        {
            var used = indent.Length;
            var end = start;
            var lastSpace = -1;
            while (end < runes.Count && used + Width(runes[end]) <= cells)
            {
                if (runes[end].Value == ' ')
                {
                    lastSpace = end;
                }

                used += Width(runes[end]);
                end++;
            }

            if (end < runes.Count && lastSpace > start && end - lastSpace < 20)
            {
                end = lastSpace + 1;
            }

            lines.Add(indent + string.Concat(runes.Skip(start).Take(end - start).Select(r => r.ToString())).TrimEnd());
            start = end;
            while (start < runes.Count && runes[start].Value == ' ')
            {
                start++;
            }

            indent = "  ";
        }

        return lines;
    }

    private static int Width(Rune rune)
    {
        var value = rune.Value;
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
        {
            return 0;
        }

        return value is >= 0x1100 and <= 0x115F
            or >= 0x2E80 and <= 0x303E
            or >= 0x3041 and <= 0x33FF
            or >= 0x3400 and <= 0x4DBF
            or >= 0x4E00 and <= 0x9FFF
            or >= 0xA000 and <= 0xA4CF
            or >= 0xAC00 and <= 0xD7A3
            or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F
            or >= 0xFF00 and <= 0xFF60
            or >= 0xFFE0 and <= 0xFFE6
            or >= 0x1F300 and <= 0x1F64F
            or >= 0x20000 and <= 0x3FFFD
            ? 2
            : 1;
    }
}
