namespace Extractor.Ocr;

/// <summary>
/// Reads the comparison sign at the start of a target cell from the image itself. Tesseract's Chinese
/// model reads ≥ and ≤ as random characters (疡, 和, 过) and its Latin model as a 2; their shapes are
/// simple: a chevron (its tip right for ≥ and &gt;, left for ≤ and &lt;), with a second stroke under it
/// for ≥ and ≤, or two bars for =. The sign is also shorter than the digit after it and does not reach
/// its top, which tells it from a digit or a Chinese character.
/// </summary>
public static class OperatorGlyph
{
    /// <summary>The sign the first glyph of the first text line of <paramref name="cell"/> is, or null when it is not one.</summary>
    public static char? Classify(PageImage cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var line = FirstLine(cell);
        if (line is not { } band)
        {
            return null;
        }

        var glyphs = Glyphs(cell, band.Top, band.Bottom);
        if (glyphs.Count < 2)
        {
            return null;
        }

        var first = glyphs[0];
        var next = glyphs[1];
        var height = first.Bottom - first.Top + 1;
        var width = first.Right - first.Left + 1;
        if (height < 5 || width < 4 || next.Bottom - next.Top + 1 < 5)
        {
            return null;
        }

        // Each row of the glyph: its runs of ink.
        var rows = new List<List<(int From, int To)>>();
        for (var y = first.Top; y <= first.Bottom; y++)
        {
            var runs = new List<(int From, int To)>();
            var start = -1;
            for (var x = first.Left; x <= first.Right + 1; x++)
            {
                var ink = x <= first.Right && cell[x, y] < Contrast.Ink;
                if (ink && start < 0)
                {
                    start = x;
                }
                else if (!ink && start >= 0)
                {
                    runs.Add((start, x - 1));
                    start = -1;
                }
            }

            rows.Add(runs);
        }

        bool Full(List<(int From, int To)> runs) => runs.Any(r => r.To - r.From + 1 >= 0.6 * width);

        // Two bars and nothing else: =.
        var fullGroups = 0;
        var inGroup = false;
        var onlyBars = true;
        foreach (var runs in rows)
        {
            var full = Full(runs);
            if (full && !inGroup)
            {
                fullGroups++;
            }

            inGroup = full;
            onlyBars &= full || runs.Count == 0;
        }

        if (onlyBars)
        {
            return fullGroups == 2 && next.Bottom - next.Top + 1 > 1.3 * height ? '=' : null;
        }

        // A chevron: a thin stroke whose position runs from the open side to the far side and back.
        double Centre((int From, int To) run) => (((run.From + run.To) / 2.0) - first.Left) / Math.Max(1, width - 1);
        bool Thin((int From, int To) run) => run.To - run.From + 1 <= 0.5 * width;
        if (rows[0].Count != 1 || !Thin(rows[0][0]))
        {
            return null;
        }

        var opensLeft = Centre(rows[0][0]) <= 0.3;
        if (!opensLeft && Centre(rows[0][0]) < 0.7)
        {
            return null;
        }

        // Follow the chevron's stroke: the run nearest the far side on the way out, the open side on the way back.
        double Far(double c) => opensLeft ? c : 1 - c;
        var phase = 0; // 0: going to the tip, 1: coming back
        var peak = 0.0;
        var low = 1.0;
        var end = -1;
        var secondStroke = false;
        for (var r = 0; r < rows.Count && end < 0; r++)
        {
            if (rows[r].Count == 0 || (phase == 0 && rows[r].Any(run => !Thin(run))))
            {
                return null;
            }

            var centres = rows[r].Select(run => Far(Centre(run))).ToList();
            if (phase == 0)
            {
                var c = centres.Max();
                peak = Math.Max(peak, c);
                if (c < peak - 0.15)
                {
                    if (peak < 0.7)
                    {
                        return null;
                    }

                    phase = 1;
                    low = c;
                }
            }
            else
            {
                var c = centres.Min();
                secondStroke |= rows[r].Count >= 2;
                if (c > low + 0.15)
                {
                    return null;
                }

                low = Math.Min(low, c);
                if (c <= 0.3)
                {
                    end = r;
                }
            }
        }

        if (end < 0 || end < height / 3)
        {
            return null;
        }

        // Ink below the chevron (past the tail of its lower arm), or a stroke beside its lower arm: the bar of ≥ or ≤.
        var after = end + 1;
        while (after < rows.Count && rows[after].Count == 1 && Far(Centre(rows[after][0])) <= 0.3)
        {
            after++;
        }

        var below = rows.Skip(after).Count(runs => runs.Count > 0);
        var withBar = secondStroke || below >= 2;
        return (opensLeft, withBar) switch
        {
            (true, true) => '≥',
            (true, false) => '>',
            (false, true) => '≤',
            _ => '<',
        };
    }

    /// <summary>The first band of rows with ink (gaps of a row or two bridged), or null.</summary>
    private static (int Top, int Bottom)? FirstLine(PageImage cell)
    {
        var top = -1;
        var last = -1;
        for (var y = 0; y < cell.Height; y++)
        {
            var ink = 0;
            for (var x = 0; x < cell.Width; x++)
            {
                if (cell[x, y] < Contrast.Ink)
                {
                    ink++;
                }
            }

            if (ink >= 2)
            {
                if (top < 0)
                {
                    top = y;
                }
                else if (y - last > 3)
                {
                    if (last - top >= 5)
                    {
                        return (top, last);
                    }

                    top = y;
                }

                last = y;
            }
        }

        return top >= 0 && last - top >= 5 ? (top, last) : null;
    }

    /// <summary>Glyphs of a text line, left to right: columns of ink between blank columns, specks dropped.</summary>
    private static List<(int Left, int Right, int Top, int Bottom)> Glyphs(PageImage cell, int top, int bottom)
    {
        var glyphs = new List<(int Left, int Right, int Top, int Bottom)>();
        var start = -1;
        int gTop = int.MaxValue, gBottom = -1, ink = 0;
        for (var x = 0; x <= cell.Width; x++)
        {
            var any = false;
            if (x < cell.Width)
            {
                for (var y = top; y <= bottom; y++)
                {
                    if (cell[x, y] < Contrast.Ink)
                    {
                        any = true;
                        ink++;
                        gTop = Math.Min(gTop, y);
                        gBottom = Math.Max(gBottom, y);
                    }
                }
            }

            if (any && start < 0)
            {
                start = x;
            }
            else if (!any && start >= 0)
            {
                if (ink >= 6)
                {
                    glyphs.Add((start, x - 1, gTop, gBottom));
                }

                start = -1;
                gTop = int.MaxValue;
                gBottom = -1;
                ink = 0;
            }
        }

        return glyphs;
    }
}
