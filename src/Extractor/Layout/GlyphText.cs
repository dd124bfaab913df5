using System.Text;
using Extractor.Sources;
using Extractor.Text;

namespace Extractor.Layout;

/// <summary>Puts glyphs in reading order: lines top to bottom, glyphs left to right, spaces at wide gaps.</summary>
internal static class GlyphText
{
    /// <summary>A gap wider than this share of the font size between two glyphs is a space.</summary>
    public const double SpaceGap = 0.3;

    /// <summary>Groups glyphs into lines, top line first; each line's glyphs left to right.</summary>
    public static List<List<Glyph>> Lines(IEnumerable<Glyph> glyphs)
    {
        ArgumentNullException.ThrowIfNull(glyphs);
        var lines = new List<List<Glyph>>();
        var centers = new List<double>();
        var sums = new List<double>();
        foreach (var glyph in glyphs.OrderByDescending(g => g.CenterY).ThenBy(g => g.Left))
        {
            var index = -1;
            for (var i = lines.Count - 1; i >= 0 && i >= lines.Count - 2; i--)
            {
                var tolerance = Math.Min(glyph.Height, lines[i][0].Height) * 0.5;
                if (Math.Abs(centers[i] - glyph.CenterY) <= tolerance)
                {
                    index = i;
                    break;
                }
            }

            if (index < 0)
            {
                lines.Add([glyph]);
                centers.Add(glyph.CenterY);
                sums.Add(glyph.CenterY);
            }
            else
            {
                lines[index].Add(glyph);
                sums[index] += glyph.CenterY;
                centers[index] = sums[index] / lines[index].Count;
            }
        }

        foreach (var line in lines)
        {
            line.Sort((a, b) => a.Left.CompareTo(b.Left));
        }

        return lines;
    }

    /// <summary>The text of one line: glyphs in order, a space where the gap between two is wide.</summary>
    public static string LineText(IReadOnlyList<Glyph> line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var sb = new StringBuilder();
        for (var i = 0; i < line.Count; i++)
        {
            if (i > 0)
            {
                var gap = line[i].Left - line[i - 1].Right;
                var size = Math.Max(line[i].FontSize, line[i - 1].FontSize);
                if (gap > SpaceGap * size)
                {
                    sb.Append(' ');
                }
            }

            sb.Append(line[i].Text);
        }

        return sb.ToString();
    }

    /// <summary>The text of a cell: its lines joined by the whitespace rule.</summary>
    public static string CellText(IEnumerable<Glyph> glyphs)
    {
        ArgumentNullException.ThrowIfNull(glyphs);
        var list = glyphs as IReadOnlyList<Glyph> ?? [.. glyphs];
        var turned = list.Count(g => g.Turn != 0);
        return turned * 2 > list.Count ? TurnedText(list) : WhitespaceRule.Join(Lines(list).Select(LineText));
    }

    /// <summary>
    /// Text turned a quarter: its lines are columns, read along the baseline (upwards for text turned
    /// anticlockwise, whose next line lies to the right; downwards for clockwise, whose next line lies to the left).
    /// </summary>
    private static string TurnedText(IReadOnlyList<Glyph> glyphs)
    {
        var turn = glyphs.Sum(g => g.Turn) >= 0 ? 1 : -1;
        var columns = new List<List<Glyph>>();
        foreach (var glyph in glyphs.OrderBy(g => g.CenterX * turn))
        {
            var column = columns.Count > 0 && Math.Abs(columns[^1][0].CenterX - glyph.CenterX) <= 0.5 * Math.Min(glyph.Right - glyph.Left, columns[^1][0].Right - columns[^1][0].Left)
                ? columns[^1]
                : null;
            if (column is null)
            {
                columns.Add([glyph]);
            }
            else
            {
                column.Add(glyph);
            }
        }

        return WhitespaceRule.Join(columns.Select(c => string.Concat(c.OrderBy(g => g.CenterY * turn).Select(g => g.Text))));
    }
}
