namespace Extractor.Sources.Ocr;

/// <summary>
/// The glyphs of the first text line of a cell image: the ink (a threshold set between the cell's paper
/// and its darkest ink, high for the thin strokes of a blurred scan, low to part strokes that blur joins), its connected pieces
/// without specks, the first line they form, and the pieces of that line grouped into glyphs by the
/// columns they cover (the bars of = and the bar under ≥ are one glyph with what is above them).
/// </summary>
internal sealed class InkGlyphs
{
    private InkGlyphs(bool[] ink, int width, List<InkBlob> blobs, List<InkGlyph> line, int lineCount)
    {
        Ink = ink;
        Width = width;
        Blobs = blobs;
        Line = line;
        LineCount = lineCount;
    }

    /// <summary>Ink pixels of the cell, row by row.</summary>
    public bool[] Ink { get; }

    /// <summary>Width of the cell in pixels.</summary>
    public int Width { get; }

    /// <summary>Every piece of ink that is not a speck, in any line.</summary>
    public List<InkBlob> Blobs { get; }

    /// <summary>The glyphs of the first line, left to right.</summary>
    public List<InkGlyph> Line { get; }

    /// <summary>How many lines of ink the cell holds.</summary>
    public int LineCount { get; }

    /// <summary>True when (<paramref name="x"/>, <paramref name="y"/>) is ink of blob <paramref name="blob"/>.</summary>
    public bool IsInk(InkBlob blob, int x, int y) => blob.Pixels.Contains((y * Width) + x);

    /// <summary>
    /// The glyphs of <paramref name="cell"/>, ink being what is darker than <paramref name="level"/> of the
    /// way from the cell's darkest level to its paper; null when it holds no ink.
    /// </summary>
    public static InkGlyphs? Read(PageImage cell, double level)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var threshold = Threshold(cell, level);
        if (threshold is not { } cut)
        {
            return null;
        }

        var ink = new bool[cell.Pixels.Length];
        for (var i = 0; i < ink.Length; i++)
        {
            ink[i] = cell.Pixels[i] <= cut;
        }

        var blobs = Components(ink, cell.Width, cell.Height).Where(b => b.Area >= 6).ToList();
        if (blobs.Count == 0)
        {
            return null;
        }

        // Glyphs: blobs over the same columns and close above one another (the bars of =, the bar under ≥,
        // the parts of a character); specks of noise, small beside the text, are left out.
        var biggest = blobs.Max(b => Math.Max(b.Height, b.Width));
        var kept = blobs.Where(b => Math.Max(b.Height, b.Width) >= 0.15 * biggest).ToList();
        var parent = Enumerable.Range(0, kept.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        for (var i = 0; i < kept.Count; i++)
        {
            for (var j = i + 1; j < kept.Count; j++)
            {
                if (SameGlyph(kept[i], kept[j]))
                {
                    parent[Root(j)] = Root(i);
                }
            }
        }

        var parts = Enumerable.Range(0, kept.Count).GroupBy(Root).Select(g => g.Select(i => kept[i]).ToList()).ToList();
        var all = parts.Select(p => new InkGlyph(p)).ToList();

        // Lines: glyphs sorted by top, joined while they overlap the line's rows.
        var lines = new List<List<InkGlyph>>();
        foreach (var glyph in all.OrderBy(g => g.Top))
        {
            var line = lines.FirstOrDefault(l => Overlap(l.Min(g => g.Top), l.Max(g => g.Bottom), glyph.Top, glyph.Bottom) >= 0.5 * Math.Min(glyph.Height, l.Max(g => g.Bottom) - l.Min(g => g.Top) + 1));
            if (line is null)
            {
                lines.Add([glyph]);
            }
            else
            {
                line.Add(glyph);
            }
        }

        var glyphs = lines.OrderBy(l => l.Min(g => g.Top)).First();
        return new InkGlyphs(ink, cell.Width, blobs, glyphs.OrderBy(g => g.Left).ToList(), lines.Count);
    }

    /// <summary>Two blobs of one glyph: over the same columns, and close above one another (bars closer still for their width).</summary>
    private static bool SameGlyph(InkBlob a, InkBlob b)
    {
        if (Overlap(a.Left, a.Right, b.Left, b.Right) < 0.5 * Math.Min(a.Width, b.Width))
        {
            return false;
        }

        var gap = Math.Max(a.Top, b.Top) - Math.Min(a.Bottom, b.Bottom) - 1;
        bool Bar(InkBlob x) => x.Width >= 2.5 * x.Height;
        return gap <= 0.3 * Math.Max(a.Height, b.Height) || (Bar(a) && Bar(b) && gap <= 0.6 * Math.Min(a.Width, b.Width));
    }

    /// <summary>
    /// The grey level at or below which a pixel is ink: <paramref name="level"/> of the way from the cell's
    /// darkest level to its paper (the median, as most of a cell is paper); null when the cell has no ink
    /// darker than the paper.
    /// </summary>
    private static int? Threshold(PageImage cell, double level)
    {
        var histogram = new int[256];
        foreach (var p in cell.Pixels)
        {
            histogram[p]++;
        }

        var half = cell.Pixels.Length / 2;
        int paper = 0, seen = 0;
        while (paper < 255 && seen + histogram[paper] <= half)
        {
            seen += histogram[paper++];
        }

        // The darkest level that a few pixels reach, so a lone dark speck does not set it.
        int dark = 0, count = 0;
        while (dark < 255 && count + histogram[dark] < 5)
        {
            count += histogram[dark++];
        }

        return paper - dark < 60 ? null : dark + (int)(level * (paper - dark));
    }

    private static int Overlap(int a0, int a1, int b0, int b1) => Math.Min(a1, b1) - Math.Max(a0, b0) + 1;

    /// <summary>8-connected components of the ink.</summary>
    private static List<InkBlob> Components(bool[] ink, int width, int height)
    {
        var seen = new bool[ink.Length];
        var blobs = new List<InkBlob>();
        var stack = new Stack<int>();
        for (var start = 0; start < ink.Length; start++)
        {
            if (!ink[start] || seen[start])
            {
                continue;
            }

            var pixels = new HashSet<int>();
            seen[start] = true;
            stack.Push(start);
            int left = int.MaxValue, right = -1, top = int.MaxValue, bottom = -1;
            while (stack.Count > 0)
            {
                var p = stack.Pop();
                pixels.Add(p);
                var (x, y) = (p % width, p / width);
                (left, right, top, bottom) = (Math.Min(left, x), Math.Max(right, x), Math.Min(top, y), Math.Max(bottom, y));
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        var (nx, ny) = (x + dx, y + dy);
                        if (nx >= 0 && ny >= 0 && nx < width && ny < height && ink[(ny * width) + nx] && !seen[(ny * width) + nx])
                        {
                            seen[(ny * width) + nx] = true;
                            stack.Push((ny * width) + nx);
                        }
                    }
                }
            }

            blobs.Add(new InkBlob(left, top, right, bottom, pixels));
        }

        return blobs;
    }
}

/// <summary>A connected piece of ink: its box (inclusive) and its pixels (y × width + x).</summary>
internal sealed record InkBlob(int Left, int Top, int Right, int Bottom, HashSet<int> Pixels)
{
    public int Width => Right - Left + 1;

    public int Height => Bottom - Top + 1;

    public int Area => Pixels.Count;
}

/// <summary>The blobs of one glyph, and their joint box.</summary>
internal sealed record InkGlyph(IReadOnlyList<InkBlob> Blobs)
{
    public int Left => Blobs.Min(b => b.Left);

    public int Right => Blobs.Max(b => b.Right);

    public int Top => Blobs.Min(b => b.Top);

    public int Bottom => Blobs.Max(b => b.Bottom);

    public int Width => Right - Left + 1;

    public int Height => Bottom - Top + 1;
}
