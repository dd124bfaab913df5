namespace Extractor.Sources.Ocr;

/// <summary>
/// Reads the comparison sign at the start of a target cell, or the sign alone in a 指标性质 cell, from the
/// image itself. Tesseract's Chinese model reads ≥ and ≤ as random characters (疡, 和, 之, 全) and its Latin
/// model as a 2, and it often reads nothing at all in a cell that holds only a sign. Their shapes are
/// simple: a chevron (its tip right for ≥ and &gt;, left for ≤ and &lt;) whose arms are thin strokes that
/// meet in a sharp tip at mid-height; a second stroke under it for ≥ and ≤ (a bar, or a slanted stroke
/// beside the lower arm as in ⩾), two bars for ≧ and ≦; two short bars of the same length close together
/// for =.
/// </summary>
internal static class OperatorGlyph
{
    /// <summary>
    /// The sign the first glyph of the first text line of <paramref name="cell"/> is, or null when it is
    /// not one. <paramref name="textHeight"/> is the height of the page's Chinese characters in pixels, the
    /// yardstick for = when the cell holds no digit to compare with and for full-width signs (0 when unknown).
    /// </summary>
    public static char? Classify(PageImage cell, double textHeight = 0) =>
        Read(cell, textHeight) is { } reading ? reading.Signs[0] : null;

    /// <summary>
    /// The comparison sign at the start of <paramref name="cell"/>'s first line: one glyph (≥, &gt;, =, …)
    /// or two (&gt; then =, read as &gt;=), or null when the line does not start with one. &gt;, &lt; and = are
    /// given full-width (＞ ＜ ＝) when the space they take says so (<see cref="FullWidthSpacing"/>).
    /// </summary>
    public static SignReading? Read(PageImage cell, double textHeight = 0)
    {
        ArgumentNullException.ThrowIfNull(cell);

        // Blur joins strokes at a high threshold and breaks faint ones at a low one: read at five, and take
        // the sign when two or more readings see one and all agree on its direction; a second stroke seen at any level counts.
        var readings = Levels.Select(level => Read(cell, level, textHeight)).OfType<SignReading>().ToList();
        if (readings.Count < 2)
        {
            return null;
        }

        var kinds = readings.Select(r => Kind(r.Signs)).Distinct().ToList();
        if (kinds.Count != 1)
        {
            return null;
        }

        var sign = readings.MaxBy(r => Rank(r.Signs))!;

        // A full-width sign (＞ ＜ ＝) takes a whole em, its ink in the middle: the next glyph starts about half an
        // em after its centre, a Chinese character's height or more; after a half-width one, about a quarter.
        if (sign.Signs is ">" or "<" or "=" && sign.NextLeft is { } next && textHeight > 0
            && next - ((sign.Left + sign.Right) / 2.0) >= FullWidthSpacing * textHeight)
        {
            sign = sign with { Signs = sign.Signs switch { ">" => "＞", "<" => "＜", _ => "＝" } };
        }

        return sign;
    }

    /// <summary>
    /// Distance from a sign's centre to the next glyph, in heights of the page's Chinese characters, from
    /// which the sign is full-width. Measured on the scans: 0.26–0.42 after &gt; &lt; =, 0.55–0.66 after ＞ ＜ ＝ ﹦.
    /// </summary>
    public const double FullWidthSpacing = 0.48;

    private static readonly double[] Levels = [0.75, 0.6, 0.5, 0.4, 0.25];

    /// <summary>The family of a sign: which way it opens, or =.</summary>
    private static char Kind(string signs) => signs[0] switch
    {
        '>' or '≥' or '≧' => '>',
        '<' or '≤' or '≦' => '<',
        _ => '=',
    };

    /// <summary>How much of the sign was seen: a second stroke or a second glyph more than none.</summary>
    private static int Rank(string signs) => signs.Length > 1 ? 3 : signs[0] switch
    {
        '≧' or '≦' => 2,
        '≥' or '≤' => 1,
        _ => 0,
    };

    private static SignReading? Read(PageImage cell, double level, double textHeight)
    {
        if (InkGlyphs.Read(cell, level) is not { } ink || ink.Line.Count == 0)
        {
            return null;
        }

        var line = ink.Line;

        // The yardstick: the tallest glyph that is not a sign candidate (a digit, a unit), else the page's text.
        double Yardstick(int from) => line.Count > from ? line.Skip(from).Max(g => g.Height) : textHeight;

        var first = Sign(ink, line[0], Yardstick(1));
        if (first is null)
        {
            return null;
        }

        var signs = first.Value.ToString();
        var used = 1;
        if (first is '>' or '<' && line.Count > 1 && Sign(ink, line[1], Yardstick(2)) == '=')
        {
            signs += "=";
            used = 2;
        }

        // A sign much taller than the text after it is something else.
        if (line.Count > used && line[0].Height > 1.6 * Yardstick(used))
        {
            return null;
        }

        var glyphs = line.Take(used).ToList();
        return new SignReading(signs, line.Count == used && ink.LineCount == 1, glyphs.Min(g => g.Left), glyphs.Min(g => g.Top), glyphs.Max(g => g.Right) + 1, glyphs.Max(g => g.Bottom) + 1)
        {
            NextLeft = line.Count > used ? line[used].Left : null,
        };
    }

    private static char? Sign(InkGlyphs ink, InkGlyph glyph, double yardstick)
    {
        if (glyph.Height < 4 || glyph.Width < 4)
        {
            return null;
        }

        if (Equals(glyph, yardstick))
        {
            return '=';
        }

        // The chevron is the tallest blob; the bars under ≥ may be blobs of their own.
        var chevron = glyph.Blobs.MaxBy(b => b.Height)!;
        if (Chevron(ink, chevron) is not { } shape)
        {
            return null;
        }

        // Other blobs lie under the tip: bars (two for ≧), or pieces of a second stroke that blur broke up.
        var rest = glyph.Blobs.Where(b => b != chevron).ToList();
        if (rest.Any(b => b.Top <= chevron.Top + (shape.Tip * 0.8)))
        {
            return null;
        }

        var bars = rest.Count(b => b.Width >= 0.4 * chevron.Width && b.Width >= 1.5 * b.Height);
        if (bars > 2)
        {
            return null;
        }

        var withBar = rest.Count > 0 || shape.SecondStroke;
        return (shape.TipRight, withBar, bars == 2) switch
        {
            (true, true, true) => '≧',
            (true, true, false) => '≥',
            (true, false, _) => '>',
            (false, true, true) => '≦',
            (false, true, false) => '≤',
            _ => '<',
        };
    }

    /// <summary>Two bars of about the same length, close together, and low beside the text: =.</summary>
    private static bool Equals(InkGlyph glyph, double yardstick)
    {
        if (glyph.Blobs.Count != 2 || yardstick <= 0 || glyph.Height > 0.6 * yardstick)
        {
            return false;
        }

        var (upper, lower) = glyph.Blobs[0].Top < glyph.Blobs[1].Top ? (glyph.Blobs[0], glyph.Blobs[1]) : (glyph.Blobs[1], glyph.Blobs[0]);
        bool Bar(InkBlob b) => b.Width >= 2.5 * b.Height;
        var shorter = Math.Min(upper.Width, lower.Width);
        var overlap = Math.Min(upper.Right, lower.Right) - Math.Max(upper.Left, lower.Left) + 1;
        return Bar(upper) && Bar(lower)
            && upper.Bottom < lower.Top
            && shorter >= 0.75 * Math.Max(upper.Width, lower.Width)
            && overlap >= 0.75 * shorter
            && lower.Top - upper.Bottom - 1 <= 0.6 * shorter;
    }

    /// <summary>
    /// The blob as a chevron: its open side from its top rows, the tip where its far edge is farthest, thin
    /// arms that run from the open side to the tip and back, and whether a second stroke runs under or
    /// beside the lower arm. Null when it is not one.
    /// </summary>
    private static ChevronShape? Chevron(InkGlyphs ink, InkBlob blob)
    {
        var width = blob.Width;
        var height = blob.Height;
        if (width < 4 || height < 5 || height > 2.2 * width || width > 1.6 * height)
        {
            return null;
        }

        // Each row's runs of ink, in 0..1 across the blob.
        var rows = new List<List<(double From, double To)>>();
        for (var y = blob.Top; y <= blob.Bottom; y++)
        {
            var runs = new List<(double From, double To)>();
            var start = -1;
            for (var x = blob.Left; x <= blob.Right + 1; x++)
            {
                var on = x <= blob.Right && ink.IsInk(blob, x, y);
                if (on && start < 0)
                {
                    start = x;
                }
                else if (!on && start >= 0)
                {
                    runs.Add((Rel(start), Rel(x - 1)));
                    start = -1;
                }
            }

            rows.Add(runs);
        }

        double Rel(int x) => (x - blob.Left) / (double)Math.Max(1, width - 1);

        // The open side: where the top rows' ink is.
        var topRows = Math.Max(1, (int)Math.Round(height * 0.12));
        var topCentre = rows.Take(topRows).SelectMany(r => r).Select(r => (r.From + r.To) / 2).DefaultIfEmpty(0.5).Average();
        var tipRight = topCentre <= 0.35;
        if (!tipRight && topCentre < 0.65)
        {
            return null;
        }

        // Mirrored so that the tip is at 1 and the open side at 0.
        var mirrored = rows.Select(r => r.Select(run => tipRight ? run : (From: 1 - run.To, To: 1 - run.From)).OrderBy(run => run.From).ToList()).ToList();
        var far = mirrored.Select(r => r.Count == 0 ? 0 : r.Max(run => run.To)).ToList();
        var near = mirrored.Select(r => r.Count == 0 ? 1 : r.Min(run => run.From)).ToList();
        if (mirrored.Any(r => r.Count == 0))
        {
            return null;
        }

        // The tip: where the stroke is farthest in the upper three quarters (a slanted second stroke may reach farther below).
        var upperRows = (int)(0.75 * height);
        var tip = Enumerable.Range(0, upperRows + 1).MaxBy(r => far[r]);
        if (tip < 0.2 * height || far[tip] < 0.75)
        {
            return null;
        }

        // The upper arm: one thin stroke moving from the open side to the tip; the tip row has ink near the tip only.
        if (near[0] > 0.35 || near[tip] < 0.45)
        {
            return null;
        }

        for (var r = 0; r < tip; r++)
        {
            var thin = far[r] - near[r] <= 0.55;
            if (r < tip - Math.Max(1, 0.25 * tip) && !thin)
            {
                return null;
            }

            if (r > 0 && near[r] < near[r - 1] - 0.12)
            {
                return null;
            }
        }

        // A sharp tip: well above it the stroke is far from the tip side (a parenthesis stays near it).
        var above = (int)(tip - (0.45 * tip));
        if (far[above] > 0.8)
        {
            return null;
        }

        // The lower arm comes back to the open side.
        var back = near.Skip(tip).Min();
        if (back > 0.3)
        {
            return null;
        }

        // A second stroke: rows below the tip with two runs (a slanted stroke beside the lower arm) or a
        // bar across at the bottom (the bar of ≥ joined to the arm).
        var lower = mirrored.Skip(tip + 1).ToList();
        var twoRuns = lower.Count(r => r.Count >= 2);
        var bottomBar = mirrored.Skip(height - Math.Max(1, (int)Math.Round(height * 0.15))).Any(r => r.Any(run => run.To - run.From >= 0.6));
        return new ChevronShape(tipRight, tip, twoRuns >= Math.Max(2, 0.15 * height) || bottomBar);
    }

    private readonly record struct ChevronShape(bool TipRight, int Tip, bool SecondStroke);
}
