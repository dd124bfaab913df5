using OpenCvSharp;

namespace Extractor.Sources.Ocr.Imaging;

/// <summary>
/// Finds the ruling lines of tables in a straightened grey page by morphology: an opening with a long thin
/// kernel keeps only ink runs longer than a stroke of body text, in one direction at a time; each connected
/// piece left is a candidate. A title's large characters have strokes as long as a short table row is
/// tall, so a short candidate counts only where it meets a line of the other direction at an end, as a
/// table's lines do; a short vertical standing on a horizontal with its top free is a stroke of a title
/// printed just above a table's top ruling, unless three or more stand so, tops level, two of them on the
/// horizontal's ends (a row cut from its table by a page break, its side walls and column walls). Lengths
/// are fractions of the page's sides, the shorter taken for its width and the longer for its height (a
/// landscape page's text is no larger for its width), so they hold at any dpi and either way round.
/// </summary>
internal static class RulingFinder
{
    /// <summary>The horizontal kernel, as a fraction of the page's shorter side (7 mm on A4): longer than any character or dash.</summary>
    public const double HorizontalKernel = 1.0 / 30;

    /// <summary>
    /// The vertical kernel, as a fraction of the page's longer side (5 mm on A4): longer than a character's
    /// stroke, shorter than a table row.
    /// </summary>
    public const double VerticalKernel = 1.0 / 60;

    /// <summary>Thickest ruling, as a fraction of the page's shorter side (1.4 mm on A4); thicker runs are blots or solid fills.</summary>
    public const double MaxThickness = 1.0 / 150;

    /// <summary>A vertical candidate at least this long (a fraction of the page's longer side, 25 mm on A4) is a ruling wherever it ends.</summary>
    public const double LongVertical = 1.0 / 12;

    /// <summary>The rulings of <paramref name="grey"/>: horizontal ones top to bottom, then vertical ones left to right.</summary>
    public static IReadOnlyList<Ruling> Find(Mat grey)
    {
        ArgumentNullException.ThrowIfNull(grey);
        using var ink = Binarization.Otsu(grey);
        return FindInInk(ink, grey);
    }

    /// <summary>The rulings of an ink mask (ink 255) of the grey page <paramref name="grey"/>, as <see cref="Find"/>.</summary>
    public static IReadOnlyList<Ruling> FindInInk(Mat ink, Mat grey)
    {
        ArgumentNullException.ThrowIfNull(ink);
        ArgumentNullException.ThrowIfNull(grey);
        var (width, height) = (Math.Min(ink.Cols, ink.Rows), Math.Max(ink.Cols, ink.Rows));
        var maxThickness = Math.Max(6, width * MaxThickness);
        // Kernels of odd lengths, centred on their pixel: OpenCV's closing and opening with an even one move the
        // lines they keep by a pixel or two, and a ruling erased there leaves a sliver.
        var horizontalKernel = Math.Max(21, (int)(width * HorizontalKernel)) | 1;
        var (horizontal, vertical) = WithoutFaint(
            Lines(ink, grey, horizontal: true, horizontalKernel, maxThickness),
            Lines(ink, grey, horizontal: false, Math.Max(21, (int)(height * VerticalKernel)) | 1, maxThickness),
            ink,
            grey);

        var reach = maxThickness + 2;
        // Pieces of one line a coarse scan lost stretches of are joined where no wall ends the gap, the horizontal
        // ones first, so that a wall's gap is told by the rows' lines joined.
        var maxGap = (int)(width * RulingGaps.MaxGap);
        horizontal = RulingGaps.Join(horizontal, vertical, reach, maxGap);
        vertical = RulingGaps.Join(vertical, horizontal, reach, maxGap);
        bool Meets(Ruling v, Ruling h, int end) => Math.Abs(h.At - end) <= reach && v.At >= h.From - reach && v.At <= h.To + reach;
        var keptHorizontal = horizontal
            .Where(h => h.Length >= 2 * horizontalKernel || vertical.Any(v => Meets(v, h, v.From) || Meets(v, h, v.To)))
            .ToList();
        // A table's short vertical closes a cell: it meets a horizontal at both ends, or hangs from one (the
        // cell's bottom ruling lost in the scan). One standing on a horizontal with its top end free is the
        // stroke of a large character printed on the ruling: a title just above a table (目, 评, 项 of 自评表).
        var keptVertical = vertical
            .Where(v => v.Length >= height * LongVertical || keptHorizontal.Any(h => Meets(v, h, v.From)))
            .ToList();

        // Except where a row of them stands on one horizontal, tops level, two of them at its ends: the walls of
        // a row a page break cut from its table, its top ruling left on the page before.
        var cutRow = vertical
            .Where(v => !keptVertical.Contains(v))
            .Select(v => (Wall: v, Floor: keptHorizontal.FirstOrDefault(h => Meets(v, h, v.To))))
            .Where(s => s.Floor is not null)
            .GroupBy(s => s.Floor!)
            .Where(g => g.Count() >= CutRowWalls
                && g.Any(s => Math.Abs(s.Wall.At - g.Key.From) <= reach) && g.Any(s => Math.Abs(s.Wall.At - g.Key.To) <= reach)
                && g.Max(s => s.Wall.From) - g.Min(s => s.Wall.From) <= Math.Max(4, 0.15 * g.Min(s => s.Wall.Length)))
            .SelectMany(g => g.Select(s => s.Wall));
        return [.. keptHorizontal.OrderBy(r => r.At), .. keptVertical.Concat(cutRow).OrderBy(r => r.At)];
    }

    /// <summary>
    /// How many short verticals, standing on one horizontal with their tops level and two of them at its ends,
    /// make the walls of a cut row: a title's strokes printed on a table's top ruling stand inside it, never on
    /// both its ends.
    /// </summary>
    public const int CutRowWalls = 3;

    /// <summary>
    /// A copy of a grey page with the rulings painted white (with a pixel to spare each side), so that text
    /// detection sees the cells' text alone and recognition never reads a ruling as 丨 or 一.
    /// </summary>
    public static Mat Erase(Mat grey, IEnumerable<Ruling> rulings)
    {
        ArgumentNullException.ThrowIfNull(grey);
        ArgumentNullException.ThrowIfNull(rulings);
        var result = grey.Clone();
        foreach (var r in rulings)
        {
            var half = (r.Thickness / 2) + 1.5;
            var across0 = (int)Math.Floor(r.At - half);
            var across1 = (int)Math.Ceiling(r.At + half);
            var rect = r.IsHorizontal
                ? new Rect(r.From, across0, r.Length, across1 - across0 + 1)
                : new Rect(across0, r.From, across1 - across0 + 1, r.Length);
            Cv2.Rectangle(result, rect & new Rect(0, 0, grey.Cols, grey.Rows), Scalar.All(255), -1);
        }

        return result;
    }

    private static List<Ruling> Lines(Mat ink, Mat grey, bool horizontal, int length, double maxThickness)
    {
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, horizontal ? new Size(length, 1) : new Size(1, length));
        using var mask = new Mat();
        Cv2.MorphologyEx(ink, mask, MorphTypes.Open, kernel);

        // A scan breaks a thin line into dashes a few pixels apart; closing along the line joins them again.
        var gap = Math.Max(3, length / 8) | 1;
        using var bridge = Cv2.GetStructuringElement(MorphShapes.Rect, horizontal ? new Size(gap, 1) : new Size(1, gap));
        Cv2.MorphologyEx(mask, mask, MorphTypes.Close, bridge);

        // Each piece by its outline (a page of int labels, four bytes a pixel, is what connected components
        // would cost): its box, then its own pixels — the outline filled, within the box and the mask — for its
        // area and middle.
        Cv2.FindContours(mask, out var outlines, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        var found = new List<Ruling>();
        foreach (var outline in outlines)
        {
            var box = Cv2.BoundingRect(outline);
            var along = horizontal ? box.Width : box.Height;
            if (along < length)
            {
                continue;
            }

            if (Measure(outline, box, horizontal, mask) is { } ruling && ruling.Thickness <= maxThickness && StandsOut(ink, grey, box, horizontal))
            {
                found.Add(ruling);
            }
        }

        BrokenLines.Join(found, ink, grey, horizontal, kernel, bridge, maxThickness);
        return found;
    }

    /// <summary>
    /// A line lying less than this share as deep under the paper beside it as the page's lines do (their median
    /// by length; <see cref="Contrast"/>) is not printed: a fold's crease, the rulings of the sheet's back showing
    /// through thin paper, a scanner's streak. Those measured 11–36 grey levels where the tables' rulings of the
    /// same pages measured 109–238; a template's grey inner lines beside black outer ones, about a third.
    /// </summary>
    public const double FaintShare = 0.25;

    /// <summary>Fewest lines a page needs for their median to tell a faint one: a page of two lines has no majority to go by.</summary>
    public const int FaintReference = 4;

    /// <summary>The lines of both directions less those far fainter than the page's lines by length (<see cref="FaintShare"/>).</summary>
    private static (List<Ruling> Horizontal, List<Ruling> Vertical) WithoutFaint(List<Ruling> horizontal, List<Ruling> vertical, Mat ink, Mat grey)
    {
        if (horizontal.Count + vertical.Count < FaintReference)
        {
            return (horizontal, vertical);
        }

        // A line measured against no side (at the page's edge) or holding no ink is neither counted nor dropped.
        var measured = horizontal.Concat(vertical)
            .Select(r => (Ruling: r, Contrast: Contrast(r, ink, grey)))
            .Where(m => m.Contrast is not null)
            .ToList();
        if (measured.Count == 0)
        {
            return (horizontal, vertical);
        }

        var reference = FreeGlyphs.WeightedMedian([.. measured.Select(m => (m.Contrast!.Value, (double)m.Ruling.Length))]);
        var faint = measured.Where(m => m.Contrast < FaintShare * reference).Select(m => m.Ruling).ToHashSet(ReferenceEqualityComparer.Instance);
        bool Printed(Ruling r) => !faint.Contains(r);
        return ([.. horizontal.Where(Printed)], [.. vertical.Where(Printed)]);
    }

    /// <summary>
    /// How many grey levels a line lies under the darker of the bands beside it (<see cref="Sides"/>): its depth
    /// at each point along it that has ink across it is its darkest pixel there (a window of its thickness and a
    /// pixel to spare either side, so a line a pixel thick is measured whole wherever its middle was rounded to;
    /// the gaps of a line scanned as dots are not counted), the median of those taken; null when it has no ink
    /// or no side on the page.
    /// </summary>
    internal static double? Contrast(Ruling r, Mat ink, Mat grey)
    {
        var page = new Rect(0, 0, grey.Cols, grey.Rows);
        var from = (int)Math.Floor(r.At - (r.Thickness / 2) - 1);
        var thickness = (int)Math.Ceiling(r.At + (r.Thickness / 2) + 1) - from + 1;
        var box = (r.IsHorizontal ? new Rect(r.From, from, r.Length, thickness) : new Rect(from, r.From, thickness, r.Length)) & page;
        if (box.Width <= 0 || box.Height <= 0 || SideMeans(grey, box, r.IsHorizontal) is not { Count: > 0 } sides)
        {
            return null;
        }

        var across = r.IsHorizontal ? ReduceDimension.Row : ReduceDimension.Column;
        using var greyWindow = new Mat(grey, box);
        using var inkWindow = new Mat(ink, box);
        using var darkest = new Mat();
        using var inked = new Mat();
        Cv2.Reduce(greyWindow, darkest, across, ReduceTypes.Min, MatType.CV_8U);
        Cv2.Reduce(inkWindow, inked, across, ReduceTypes.Max, MatType.CV_8U);
        using var darkestAlong = darkest.IsContinuous() ? null : darkest.Clone();
        using var inkedAlong = inked.IsContinuous() ? null : inked.Clone();
        var values = (darkestAlong ?? darkest).AsSpan<byte>();
        var marks = (inkedAlong ?? inked).AsSpan<byte>();
        var depths = new List<byte>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            if (marks[i] != 0)
            {
                depths.Add(values[i]);
            }
        }

        if (depths.Count == 0)
        {
            return null;
        }

        depths.Sort();
        return sides.Min() - depths[depths.Count / 2];
    }

    /// <summary>
    /// How much darker than the darker of its sides a line's ink must be, in grey levels. The threshold marks
    /// the edge of a grey ground too (the scanner's lid round a page, 35 levels under the paper): that ink is the
    /// ground's own grey. A ruling is dark on either side: 85–150 levels under the paper in the sweeps' scans.
    /// </summary>
    public const double MinContrast = 24;

    /// <summary>Whether a piece's ink is darker than the page a few pixels beyond either side of it, as a line is.</summary>
    internal static bool StandsOut(Mat ink, Mat grey, Rect box, bool horizontal)
    {
        // A piece is found in the ink, so its box holds some.
        var line = InkComponents.MeanGrey(ink, grey, box) ?? 0;
        var sides = SideMeans(grey, box, horizontal);
        return sides.Count == 0 || line <= sides.Min() - MinContrast;
    }

    /// <summary>The mean grey of each band beside a piece (<see cref="Sides"/>).</summary>
    private static List<double> SideMeans(Mat grey, Rect box, bool horizontal) =>
        [.. Sides(box, horizontal, new Size(grey.Cols, grey.Rows)).Select(side =>
        {
            using var part = new Mat(grey, side);
            return Cv2.Mean(part).Val0;
        })];

    /// <summary>
    /// The bands of the page along either side of a piece, two pixels from it and as wide as it is thick (three
    /// pixels at least); a side beyond the page's edge is left out.
    /// </summary>
    internal static IEnumerable<Rect> Sides(Rect box, bool horizontal, Size page)
    {
        const int Apart = 2;
        var width = Math.Max(3, horizontal ? box.Height : box.Width);
        var bounds = new Rect(0, 0, page.Width, page.Height);
        Rect[] sides = horizontal
            ? [new Rect(box.X, box.Y - Apart - width, box.Width, width), new Rect(box.X, box.Bottom + Apart, box.Width, width)]
            : [new Rect(box.X - Apart - width, box.Y, width, box.Height), new Rect(box.Right + Apart, box.Y, width, box.Height)];
        return sides.Select(side => side & bounds).Where(side => side.Width > 0 && side.Height > 0);
    }

    /// <summary>
    /// The ruling a piece's <paramref name="outline"/> makes: its own pixels (the outline filled, within its box
    /// and <paramref name="mask"/>, and within <paramref name="ink"/> when given) for its area, middle and mean
    /// thickness. Null when it holds none.
    /// </summary>
    internal static Ruling? Measure(Point[] outline, Rect box, bool horizontal, Mat mask, Mat? ink = null)
    {
        using var own = new Mat(box.Size, MatType.CV_8UC1, Scalar.All(0));
        Cv2.DrawContours(own, [outline], 0, Scalar.All(255), -1, LineTypes.Link8, null, int.MaxValue, new Point(-box.X, -box.Y));
        using (var part = new Mat(mask, box))
        {
            Cv2.BitwiseAnd(own, part, own);
        }

        if (ink is not null)
        {
            using var part = new Mat(ink, box);
            Cv2.BitwiseAnd(own, part, own);
        }

        var moments = Cv2.Moments(own, binaryImage: true);
        if (moments.M00 <= 0)
        {
            return null;
        }

        var thickness = moments.M00 / (horizontal ? box.Width : box.Height);
        return horizontal
            ? new Ruling(true, box.X, box.Right - 1, box.Y + (moments.M01 / moments.M00), thickness)
            : new Ruling(false, box.Y, box.Bottom - 1, box.X + (moments.M10 / moments.M00), thickness);
    }
}
