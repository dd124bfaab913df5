namespace Extractor.Sources.Ocr;

/// <summary>
/// Finds the ruling lines of tables in a straightened page image: long thin runs of ink. A horizontal run
/// must be longer than any stroke or dash of text; a vertical one, shorter than a table row can be, must
/// reach a horizontal line at an end, which a character's stroke inside a cell never does.
/// </summary>
internal static class RulingDetector
{
    /// <summary>Shortest horizontal ruling, in points.</summary>
    public const double MinHorizontalPoints = 30;

    /// <summary>Shortest vertical ruling, in points, when it meets horizontal lines at both ends.</summary>
    public const double MinVerticalPoints = 10;

    /// <summary>A vertical run at least this long (points) is a ruling even if it meets a horizontal line at one end only.</summary>
    public const double LoneVerticalPoints = 24;

    /// <summary>
    /// A vertical run at least this long (points) is a ruling wherever it ends: no stroke of text is an inch
    /// long, and the lines of a table cut by page breaks run from the page's top to its bottom without
    /// meeting a horizontal line.
    /// </summary>
    public const double LongVerticalPoints = 72;

    /// <summary>Thickest ruling, in points.</summary>
    public const double MaxThicknessPoints = 3;

    /// <summary>Finds the rulings of <paramref name="image"/>, which has <paramref name="pixelsPerPoint"/> pixels to a point.</summary>
    public static IReadOnlyList<PixelRuling> Find(PageImage image, double pixelsPerPoint)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixelsPerPoint);
        var threshold = image.InkThreshold();
        var gap = Math.Max(1, (int)Math.Round(0.4 * pixelsPerPoint));
        var maxThickness = Math.Max(3, (int)Math.Ceiling(MaxThicknessPoints * pixelsPerPoint));
        var horizontals = Lines(image, threshold, horizontal: true, (int)(MinHorizontalPoints * pixelsPerPoint), gap, maxThickness);
        var verticals = Lines(image, threshold, horizontal: false, (int)(MinVerticalPoints * pixelsPerPoint), gap, maxThickness);

        // A vertical ruling ends on horizontal ones (or runs on past the page's last one).
        var reach = (3 * pixelsPerPoint) + maxThickness;
        bool Meets(PixelRuling v, int end) => horizontals.Any(h =>
            Math.Abs(h.At - end) <= reach && v.At >= h.From - reach && v.At <= h.To + reach);
        var kept = verticals.Where(v =>
        {
            var top = Meets(v, v.From);
            var bottom = Meets(v, v.To);
            return (top && bottom) || ((top || bottom) && v.Length >= LoneVerticalPoints * pixelsPerPoint) || v.Length >= LongVerticalPoints * pixelsPerPoint;
        }).ToList();

        // A frame drawn thinner or lighter than the inner lines, blurred over two columns of pixels, is found at a
        // paler threshold; only long lines count there, as blurred strokes of text grow long enough to span a short row.
        var pale = PaleThreshold(image, threshold);
        if (pale > threshold)
        {
            var lone = LoneVerticalPoints * pixelsPerPoint;
            foreach (var v in Lines(image, pale, horizontal: false, (int)lone, gap, maxThickness))
            {
                if ((Meets(v, v.From) || Meets(v, v.To) || v.Length >= LongVerticalPoints * pixelsPerPoint) && !kept.Any(k => Math.Abs(k.At - v.At) <= maxThickness && k.From <= v.To && v.From <= k.To))
                {
                    kept.Add(v);
                }
            }
        }

        kept.AddRange(ImpliedFrames(horizontals, kept, gap + 2, reach));
        return [.. horizontals, .. kept.OrderBy(v => v.At)];
    }

    /// <summary>
    /// Frame lines the scan lost: where three or more horizontal rulings end at the same column (within
    /// <paramref name="tolerance"/> pixels) and no vertical ruling runs there, the table's side is a
    /// vertical line from the first of them to the last. A thin frame at 150 dpi can vanish into the paper
    /// while the lines that meet it still end on it.
    /// </summary>
    internal static IEnumerable<PixelRuling> ImpliedFrames(IReadOnlyList<PixelRuling> horizontals, IReadOnlyList<PixelRuling> verticals, int tolerance, double reach)
    {
        ArgumentNullException.ThrowIfNull(horizontals);
        ArgumentNullException.ThrowIfNull(verticals);
        foreach (var end in new Func<PixelRuling, int>[] { h => h.From, h => h.To })
        {
            var ends = horizontals.OrderBy(end).ToList();
            for (var i = 0; i < ends.Count;)
            {
                var j = i;
                while (j + 1 < ends.Count && end(ends[j + 1]) - end(ends[i]) <= tolerance)
                {
                    j++;
                }

                var group = ends.GetRange(i, j - i + 1);
                i = j + 1;
                if (group.Count < 3)
                {
                    continue;
                }

                var x = group.Select(end).Order().ElementAt(group.Count / 2);
                var top = (int)Math.Round(group.Min(h => h.At));
                var bottom = (int)Math.Round(group.Max(h => h.At));
                if (!verticals.Any(v => Math.Abs(v.At - x) <= reach && v.From <= top + reach && v.To >= bottom - reach))
                {
                    yield return new PixelRuling(false, top, bottom, x, 1);
                }
            }
        }
    }

    /// <summary>
    /// A paler threshold for long vertical rulings: halfway between the ink threshold and the paper (the
    /// median level). Paper noise never makes a long, nearly solid run at it.
    /// </summary>
    private static int PaleThreshold(PageImage image, int ink)
    {
        var histogram = new long[256];
        foreach (var p in image.Pixels)
        {
            histogram[p]++;
        }

        var half = image.Pixels.LongLength / 2;
        var paper = 0;
        for (long seen = 0; paper < 255 && seen + histogram[paper] <= half; paper++)
        {
            seen += histogram[paper];
        }

        return Math.Max(ink, (ink + paper) / 2);
    }

    /// <summary>A copy of <paramref name="image"/> with the rulings painted white (and a pixel beside them), so that OCR does not read them as <c>|</c> or <c>一</c>.</summary>
    public static PageImage Erase(PageImage image, IEnumerable<PixelRuling> rulings)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(rulings);
        var result = image.Clone();
        foreach (var r in rulings)
        {
            var half = (r.Thickness / 2) + 2;
            var across0 = (int)Math.Floor(r.At) - half;
            var across1 = (int)Math.Ceiling(r.At) + half;
            for (var along = r.From - 1; along <= r.To + 1; along++)
            {
                for (var across = across0; across <= across1; across++)
                {
                    var (x, y) = r.IsHorizontal ? (along, across) : (across, along);
                    if ((uint)x < (uint)image.Width && (uint)y < (uint)image.Height)
                    {
                        result[x, y] = 255;
                    }
                }
            }
        }

        return result;
    }

    private static List<PixelRuling> Lines(PageImage image, int threshold, bool horizontal, int minLength, int gap, int maxThickness)
    {
        var lanes = horizontal ? image.Height : image.Width;
        var length = horizontal ? image.Width : image.Height;
        var open = new List<Band>();
        var done = new List<Band>();
        for (var lane = 0; lane < lanes; lane++)
        {
            foreach (var (from, to) in Runs(image, threshold, horizontal, lane, length, gap, minLength))
            {
                var joined = false;
                foreach (var band in open)
                {
                    var overlap = Math.Min(band.To, to) - Math.Max(band.From, from);
                    if (band.LastLane >= lane - 2 && overlap >= 0.5 * Math.Min(band.To - band.From, to - from))
                    {
                        band.Add(lane, from, to);
                        joined = true;
                        break;
                    }
                }

                if (!joined)
                {
                    var band = new Band();
                    band.Add(lane, from, to);
                    open.Add(band);
                }
            }

            for (var i = open.Count - 1; i >= 0; i--)
            {
                if (open[i].LastLane < lane - 2)
                {
                    done.Add(open[i]);
                    open.RemoveAt(i);
                }
            }
        }

        done.AddRange(open);

        // The blurred edge of a thick line gives pieces of its own on the first or last lane: they go into the line.
        var lines = new List<PixelRuling>();
        foreach (var line in done
            .Where(b => b.LastLane - b.FirstLane + 1 <= maxThickness)
            .Select(b => new PixelRuling(horizontal, b.From, b.To, b.WeightedLane / b.Weight, b.LastLane - b.FirstLane + 1))
            .OrderByDescending(r => r.Length))
        {
            var near = (line.Thickness / 2.0) + 2;
            if (!lines.Any(l => Math.Abs(l.At - line.At) <= near + (l.Thickness / 2.0) && l.From <= line.From + gap && l.To >= line.To - gap))
            {
                lines.Add(line);
            }
        }

        return [.. lines.OrderBy(r => r.At)];
    }

    /// <summary>
    /// Runs of ink along one row or column, bridging gaps of up to <paramref name="gap"/> pixels, at least
    /// <paramref name="minLength"/> long and nearly solid (a row through a line of text has many gaps).
    /// </summary>
    private static IEnumerable<(int From, int To)> Runs(PageImage image, int threshold, bool horizontal, int lane, int length, int gap, int minLength)
    {
        var start = -1;
        var last = -1;
        var ink = 0;
        for (var i = 0; i <= length; i++)
        {
            var isInk = i < length && (horizontal ? image[i, lane] : image[lane, i]) <= threshold;
            if (!isInk && i < length)
            {
                continue;
            }

            if (isInk && start >= 0 && i - last - 1 <= gap)
            {
                last = i;
                ink++;
                continue;
            }

            if (start >= 0 && last - start + 1 >= minLength && ink >= 0.9 * (last - start + 1))
            {
                yield return (start, last);
            }

            start = last = i;
            ink = 1;
        }
    }

    /// <summary>Runs on neighbouring lanes that overlap: one line, a few pixels thick.</summary>
    private sealed class Band
    {
        public int FirstLane { get; private set; } = -1;

        public int LastLane { get; private set; } = -1;

        public int From { get; private set; } = int.MaxValue;

        public int To { get; private set; } = int.MinValue;

        public double WeightedLane { get; private set; }

        public double Weight { get; private set; }

        public void Add(int lane, int from, int to)
        {
            if (FirstLane < 0)
            {
                FirstLane = lane;
            }

            LastLane = lane;
            From = Math.Min(From, from);
            To = Math.Max(To, to);
            WeightedLane += (double)lane * (to - from + 1);
            Weight += to - from + 1;
        }
    }
}
