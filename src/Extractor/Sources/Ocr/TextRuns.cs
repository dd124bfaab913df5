namespace Extractor.Sources.Ocr;

/// <summary>
/// The runs of text on a page without ruled tables (a borderless table, notes, a letter): the connected
/// pieces of ink, joined into characters and characters into runs where they sit on one line closer than
/// most of a character apart. Each run is then read as a table cell is, and the stream layout places the
/// runs as it places a PDF's words: columns apart by a wider gap stay apart.
/// </summary>
internal static class TextRuns
{
    /// <summary>At most this many pieces of ink are looked at on a page (a dense picture is not text).</summary>
    public const int MaxPieces = 200_000;

    /// <summary>
    /// The boxes of the runs of text in <paramref name="image"/> (pixels, right and bottom exclusive), top to
    /// bottom then left to right; specks smaller than a fifth of a character are left out.
    /// </summary>
    public static List<Box> Find(PageImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var pieces = Pieces(image);
        if (pieces.Count == 0)
        {
            return [];
        }

        // The height of a character: most pieces of ink of a Chinese text are whole characters or their
        // tall parts, so the upper quartile of the heights of pieces that are not specks.
        var heights = pieces.Where(p => p.Height >= 4).Select(p => p.Height).Order().ToList();
        if (heights.Count == 0)
        {
            return [];
        }

        double h = heights[(int)(heights.Count * 0.75)];
        var gap = 0.6 * h;
        var parent = Enumerable.Range(0, pieces.Count).ToList();
        int Root(int i) => RootOf(parent, i);

        var order = Enumerable.Range(0, pieces.Count).OrderBy(i => pieces[i].Left).ToArray();
        for (var a = 0; a < order.Length; a++)
        {
            var p = pieces[order[a]];
            for (var b = a + 1; b < order.Length && pieces[order[b]].Left <= p.Right + gap; b++)
            {
                var q = pieces[order[b]];
                var overlapY = Math.Min(p.Bottom, q.Bottom) - Math.Max(p.Top, q.Top);
                var overlapX = Math.Min(p.Right, q.Right) - Math.Max(p.Left, q.Left);
                var gapX = Math.Max(p.Left, q.Left) - Math.Min(p.Right, q.Right);
                var gapY = Math.Max(p.Top, q.Top) - Math.Min(p.Bottom, q.Bottom);

                // Side by side on one line, or stacked parts of one character (二, 三, a radical over its base).
                var sameLine = overlapY >= 0.3 * Math.Min(p.Height, q.Height) && gapX <= gap;
                var stacked = overlapX >= 0.5 * Math.Min(p.Width, q.Width) && gapY <= 0.35 * h
                    && Math.Max(p.Bottom, q.Bottom) - Math.Min(p.Top, q.Top) <= 1.3 * h;
                if (sameLine || stacked)
                {
                    parent[Root(order[a])] = Root(order[b]);
                }
            }
        }

        var runs = new Dictionary<int, Box>();
        for (var i = 0; i < pieces.Count; i++)
        {
            var root = Root(i);
            runs[root] = runs.TryGetValue(root, out var run) ? run.Union(pieces[i]) : pieces[i];
        }

        return [.. runs.Values
            .Where(r => r.Width >= 0.2 * h || r.Height >= 0.2 * h)
            .Where(r => r.Width * r.Height >= 0.04 * h * h)
            .OrderBy(r => r.Top).ThenBy(r => r.Left)];
    }

    /// <summary>The connected pieces of ink (8-connected runs of dark pixels), up to <see cref="MaxPieces"/>.</summary>
    private static List<Box> Pieces(PageImage image)
    {
        var boxes = new List<Box>();
        var parent = new List<int>();
        int Root(int i) => RootOf(parent, i);

        // Runs of ink of the previous row and this one: (start, end exclusive, label).
        var previous = new List<(int Start, int End, int Label)>();
        var current = new List<(int Start, int End, int Label)>();
        for (var y = 0; y < image.Height; y++)
        {
            current.Clear();
            var x = 0;
            var k = 0;
            while (x < image.Width)
            {
                if (image[x, y] >= Contrast.Ink)
                {
                    x++;
                    continue;
                }

                var start = x;
                while (x < image.Width && image[x, y] < Contrast.Ink)
                {
                    x++;
                }

                int label = -1;
                while (k < previous.Count && previous[k].End < start)
                {
                    k++;
                }

                for (var j = k; j < previous.Count && previous[j].Start <= x; j++)
                {
                    var other = Root(previous[j].Label);
                    if (label < 0)
                    {
                        label = other;
                    }
                    else if (other != label)
                    {
                        parent[other] = label;
                        boxes[label] = boxes[label].Union(boxes[other]);
                    }
                }

                if (label < 0)
                {
                    if (boxes.Count >= MaxPieces)
                    {
                        return [];
                    }

                    label = boxes.Count;
                    parent.Add(label);
                    boxes.Add(new Box(start, y, x, y + 1));
                }
                else
                {
                    boxes[label] = boxes[label].Union(new Box(start, y, x, y + 1));
                }

                current.Add((start, x, label));
            }

            (previous, current) = (current, previous);
        }

        return [.. Enumerable.Range(0, boxes.Count).Where(i => Root(i) == i).Select(i => boxes[i])];
    }

    /// <summary>The root of <paramref name="i"/>'s set in a union-find forest, halving the path on the way.</summary>
    private static int RootOf(List<int> parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    /// <summary>A box in pixels; right and bottom exclusive.</summary>
    public readonly record struct Box(int Left, int Top, int Right, int Bottom)
    {
        /// <summary>Width in pixels.</summary>
        public int Width => Right - Left;

        /// <summary>Height in pixels.</summary>
        public int Height => Bottom - Top;

        /// <summary>The smallest box holding both.</summary>
        public Box Union(Box other) =>
            new(Math.Min(Left, other.Left), Math.Min(Top, other.Top), Math.Max(Right, other.Right), Math.Max(Bottom, other.Bottom));
    }
}
