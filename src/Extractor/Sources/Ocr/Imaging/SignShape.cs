using OpenCvSharp;

namespace Extractor.Sources.Ocr.Imaging;

/// <summary>
/// Reads a comparison sign (≥ ≤ ≧ ≦ &gt; &lt; =) from the shape of its ink. The recogniser, trained on lines
/// of text, reads a sign standing alone as nothing and the bar under a chevron poorly — the ⩾ of many CJK
/// fonts, its bar slanted, comes back as &gt; even beside a number — while a form's targets hang on it. The
/// shapes are simple: = is two level bars one over the other; &gt; and &lt; are a chevron whose point is
/// at mid-height on the right or the left, its arms' ends on the other side; ≥ and ≤ add a bar under the
/// chevron, apart from it or joined to its lower arm (then the shape's lower half holds more ink than its upper);
/// ≧ and ≦ two level bars.
/// </summary>
internal static partial class SignShape
{
    /// <summary>
    /// The sign the ink of <paramref name="area"/> (255 ink) shows, or null when it is not one sign alone.
    /// <paramref name="lineHeight"/> is the page's text line height in pixels: a sign is at most about
    /// a character's size and at least a third of it.
    /// </summary>
    public static char? Read(Mat ink, Rect area, double lineHeight, Mat? grey = null)
    {
        // Dots of noise beside the sign (a grainy scan's, left in a character's box) are no part of it: a sign
        // is a chevron at least a quarter of a line high and bars.
        var parts = PartsIn(ink, ref area, lineHeight).Where(p => p.IsBar || CharacterSized(p, lineHeight)).ToList();
        if (parts.Count is 0 or > 3)
        {
            return null;
        }

        var union = parts.Select(p => p.Box).Aggregate((a, b) => a | b);
        if (union.Width > 1.3 * lineHeight || union.Height > 1.3 * lineHeight || Math.Max(union.Width, union.Height) < lineHeight / 4)
        {
            return null;
        }

        var bars = parts.Where(p => p.IsBar).ToList();
        if (parts.Count == 2 && bars.Count == 2)
        {
            return Stacked(bars[0].Box, bars[1].Box) ? '=' : null;
        }

        if (Chevron(ink, area, lineHeight, grey, parts, union) is { } sign)
        {
            return sign;
        }

        // One low block that is no chevron: a small = (the ﹦ of a CJK font) whose bars the binarisation ran
        // together, or not a sign at all. The grey shows which: two dark rows with lighter paper between them.
        var block = parts[0].Box;
        return parts.Count == 1 && grey is not null && IsLowBlock(block, lineHeight)
            && TwoBarsInGrey(grey, new Rect(area.X + block.X, area.Y + block.Y, block.Width, block.Height)) ? '=' : null;
    }

    /// <summary>The sign made of a chevron (with a bar or two under it or without), or null when <paramref name="parts"/> hold none.</summary>
    private static char? Chevron(Mat ink, Rect area, double lineHeight, Mat? grey, List<Part> parts, Rect union)
    {
        // The chevron is the highest part of a character's size; anything else must be a bar under it.
        var chevron = parts.Where(p => p.Box.Height >= lineHeight / 4).OrderBy(p => p.Box.Top).ThenByDescending(p => p.Box.Width * p.Box.Height).FirstOrDefault();
        if (chevron is null || chevron.IsBar)
        {
            return null;
        }

        using var window = new Mat(ink, area);
        using var piece = new Mat(window, chevron.Box);
        var (pointsRight, pointRow, pointMiddle) = Point(piece);
        if (pointsRight is null)
        {
            return null;
        }

        // A bar apart from the chevron (level or slanted like its lower arm) lies below its point and under most
        // of it; a bar joined to the lower arm doubles the ink of the shape's lower half.
        var others = parts.Where(p => p != chevron).ToList();
        if (others.Any(b => b.Box.Top <= chevron.Box.Top + pointRow || Overlap(b.Box, chevron.Box) < 0.5 * chevron.Box.Width))
        {
            return null;
        }

        var barBelow = others.Count > 0;
        var chevronOnPage = new Rect(area.X + chevron.Box.X, area.Y + chevron.Box.Y, chevron.Box.Width, chevron.Box.Height);
        var darkBelow = grey is null ? 0 : DarknessBelow(grey, chevronOnPage, pointMiddle, lineHeight);
        var touching = InkBelow(piece) > 1.4 || LevelBarAtFoot(piece) || darkBelow > DarkBelowWithBar;

        // Two level bars one over the other under the chevron: the ≧ or ≦ of a CJK font, not its ≥ or ≤ (the
        // upper bar is often joined to the lower arm's end by a pixel or two).
        var twoBars = LevelBarsBelow(window, union, chevron.Box.Top + pointRow) >= 2;

        // Under blur the row of paper between a ≧'s bars fills in and the mask shows one thick bar at the shape's
        // foot, often joined to the chevron; its grey still shows two dark rows with a lighter one between them,
        // which one bar's never does.
        if (!twoBars && grey is not null && (barBelow || touching) && BarBlockAtFoot(window, union) is { } block)
        {
            twoBars = TwoBarsInGrey(grey, new Rect(area.X + block.X, area.Y + block.Y, block.Width, block.Height));
        }

        return (pointsRight.Value, barBelow || touching) switch
        {
            (true, true) => twoBars ? '≧' : '≥',
            (true, false) => '>',
            (false, true) => twoBars ? '≦' : '≤',
            (false, false) => '<',
        };
    }

    /// <summary>
    /// Which way a chevron points and the row of its point: where its right edge (pointing right) reaches
    /// furthest while its top row's ink starts at the left, or the mirror of that; null when neither holds.
    /// Row is the first row that reaches furthest, Middle the middle of those that do.
    /// </summary>
    private static (bool? Right, int Row, int Middle) Point(Mat piece)
    {
        int rows = piece.Rows, cols = piece.Cols;
        var (left, right, _) = Rows(piece);

        var inked = Enumerable.Range(0, rows).Where(y => left[y] >= 0).ToList();
        if (inked.Count < 3 || cols < 3)
        {
            return (null, 0, 0);
        }

        // The top rows (a sixth of the height) against the row where the edge reaches furthest.
        var top = inked.Take(Math.Max(1, inked.Count / 6)).ToList();
        var (topLeft, topRight) = (top.Average(y => left[y]), top.Average(y => right[y]));
        // The point is looked for above the lowest quarter: a bar under the chevron may reach as far.
        var upper = inked.Where(y => y <= inked[0] + (0.75 * (inked[^1] - inked[0]))).ToList();
        var rightmost = upper.MaxBy(y => right[y]);
        var leftmost = upper.MinBy(y => left[y]);

        // The middle of the rows that reach furthest: a blunt point (or a curve, as a ')' read as a sign) reaches
        // as far over several rows, the first of which is high on it.
        var rightMiddle = Middle(upper.Where(y => right[y] >= right[rightmost] - 1).ToList());
        var leftMiddle = Middle(upper.Where(y => left[y] <= left[leftmost] + 1).ToList());
        // A chevron's lower arm ends on the side its upper one starts: the foot (a sixth of the height) against
        // the point's row. A stroke slanted one way only (the / or \ of a cell with nothing to report) has its point
        // at its foot instead.
        var reach = 0.3 * cols;
        var foot = inked.TakeLast(Math.Max(1, inked.Count / 6)).ToList();
        var (footLeft, footRight) = (foot.Average(y => left[y]), foot.Average(y => right[y]));
        if (right[rightmost] - topRight >= reach && left[rightmost] - topLeft >= reach / 2 && rightmost > inked[0] + 1
            && left[rightmost] - footLeft >= reach / 2)
        {
            return (true, rightmost, rightMiddle);
        }

        if (topLeft - left[leftmost] >= reach && topRight - right[leftmost] >= reach / 2 && leftmost > inked[0] + 1
            && footRight - right[leftmost] >= reach / 2)
        {
            return (false, leftmost, leftMiddle);
        }

        return (null, 0, 0);
    }

    private static int Middle(List<int> rows) => rows[rows.Count / 2];

    /// <summary>The chevron's ink in its lower half over its upper half: about 1 for a chevron alone (rows of the middle counted in neither half or both), more with a bar joined to it.</summary>
    private static double InkBelow(Mat piece)
    {
        var half = piece.Rows / 2;
        using var above = new Mat(piece, new Rect(0, 0, piece.Cols, half));
        using var below = new Mat(piece, new Rect(0, piece.Rows - half, piece.Cols, half));
        return (double)Cv2.CountNonZero(below) / Math.Max(1, Cv2.CountNonZero(above));
    }

    /// <summary>Whether one of the lowest rows is inked across most of the width: a level bar joined to a chevron, whose own lowest rows are an arm's end.</summary>
    private static bool LevelBarAtFoot(Mat piece)
    {
        int rows = piece.Rows, cols = piece.Cols, foot = Math.Max(2, rows / 6);
        using var sums = new Mat();
        Cv2.Reduce(piece, sums, ReduceDimension.Column, ReduceTypes.Sum, MatType.CV_32SC1.ToInt32());
        for (var y = rows - foot; y < rows; y++)
        {
            if (sums.At<int>(y, 0) / 255 >= 0.6 * cols)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// How many level bars the ink of <paramref name="union"/> (in <paramref name="window"/>) holds below row
    /// <paramref name="from"/> and in its lower part (under the chevron's arms; a blurred chevron's thick
    /// middle is no bar): runs of rows inked across <see cref="FullRow"/> of its width or more, each after the first parted from
    /// the one above by a row of paper (at most a twentieth of the width inked). A lower arm that runs into a bar is
    /// no bar of its own: the rows between them hold the arm.
    /// </summary>
    private static int LevelBarsBelow(Mat window, Rect union, int from)
    {
        using var shape = new Mat(window, union);
        var (_, _, inked) = Rows(shape);
        var bars = 0;
        var (inBar, parted) = (false, true);
        for (var y = Math.Max(from, union.Top + (int)Math.Ceiling(0.55 * union.Height)); y < union.Bottom; y++)
        {
            var count = inked[y - union.Top];
            var full = count >= FullRow * union.Width;
            if (full && !inBar && parted)
            {
                bars++;
                parted = false;
            }

            parted |= count <= 0.05 * union.Width;
            inBar = full;
        }

        return bars;
    }

    /// <summary>
    /// The rows at the foot of <paramref name="union"/> (in <paramref name="window"/>) inked across at least <see cref="FullRow"/>
    /// of its width, as a box in the window's pixels: the bar or bars under a chevron; null when the lowest row
    /// is not so inked or the run is under three rows.
    /// </summary>
    private static Rect? BarBlockAtFoot(Mat window, Rect union)
    {
        using var shape = new Mat(window, union);
        var (_, _, inked) = Rows(shape);
        var top = inked.Length;
        while (top > 0 && inked[top - 1] >= FullRow * union.Width)
        {
            top--;
        }

        return inked.Length - top < 3 ? null : new Rect(union.X, union.Y + top, union.Width, inked.Length - top);
    }

    /// <summary>The share of a sign's width a row's ink must cover to be a row of a level bar.</summary>
    private const double FullRow = 0.6;

    /// <summary>
    /// Each row's ink in <paramref name="piece"/> (255 ink): its first and last inked column (−1 when it has
    /// none) and how many of its pixels are ink.
    /// </summary>
    private static (int[] First, int[] Last, int[] Count) Rows(Mat piece)
    {
        int rows = piece.Rows, cols = piece.Cols;
        var (first, last, count) = (new int[rows], new int[rows], new int[rows]);
        for (var y = 0; y < rows; y++)
        {
            (first[y], last[y]) = (-1, -1);
            for (var x = 0; x < cols; x++)
            {
                if (piece.At<byte>(y, x) != 0)
                {
                    first[y] = first[y] < 0 ? x : first[y];
                    last[y] = x;
                    count[y]++;
                }
            }
        }

        return (first, last, count);
    }

    /// <summary>Whether one box lies wholly over the other and they share most of the narrower one's width, as the bars of an = do.</summary>
    private static bool Stacked(Rect a, Rect b)
    {
        var (upper, lower) = a.Y < b.Y ? (a, b) : (b, a);
        return lower.Top >= upper.Bottom && Overlap(upper, lower) >= 0.6 * Math.Min(upper.Width, lower.Width);
    }

    private static int Overlap(Rect a, Rect b) => Math.Max(0, Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left));

    /// <summary>
    /// The pieces of ink in <paramref name="area"/>, which is clipped to the image; none when it is less than
    /// three pixels either way or the line height is not positive.
    /// </summary>
    private static List<Part> PartsIn(Mat ink, ref Rect area, double lineHeight)
    {
        ArgumentNullException.ThrowIfNull(ink);
        area &= new Rect(0, 0, ink.Cols, ink.Rows);
        if (area.Width < 3 || area.Height < 3 || lineHeight <= 0)
        {
            return [];
        }

        using var window = new Mat(ink, area);
        return Components(window, lineHeight);
    }

    private static List<Part> Components(Mat window, double lineHeight)
    {
        // Specks: a heavily noised scan leaves clumps of a few pixels in the ink mask, which a bar of a sign
        // (two pixels by a dozen at 200 dpi) outweighs.
        var speck = Math.Max(3, lineHeight * lineHeight / 200);
        var parts = new List<Part>();
        foreach (var (box, area) in InkComponents.Of(window))
        {
            if (area >= speck)
            {
                parts.Add(new Part(box, box.Width >= 2.5 * box.Height && box.Width >= lineHeight / 5));
            }
        }

        return parts;
    }

    /// <summary>Whether a part reaches a quarter of a line either way: a sign's stroke or a digit's, not a speck's clump.</summary>
    private static bool CharacterSized(Part part, double lineHeight) => Math.Max(part.Box.Width, part.Box.Height) >= lineHeight / 4;

    private sealed record Part(Rect Box, bool IsBar);
}
