using OpenCvSharp;

namespace Extractor.Sources.Ocr.Imaging;

/// <summary>
/// A page whose lines bow: a bound report's page curled towards its spine, a sheet that did not lie flat on
/// the glass. Its long horizontal rulings are followed as curves (a polynomial of <see cref="Degree"/> in x
/// fitted to each one's middle, column by column); each is taken to have been straight at its mean height,
/// and every row between two of them moved by what the two say, weighted by nearness (above the first and
/// below the last, by what that one says). A bowed ruling read as one straight line puts the cells near its
/// ends on its other side, and a bowed line of text is cut by its own box; flattened, neither happens.
/// </summary>
internal sealed class PageCurl
{
    private readonly float[] heights;
    private readonly float[][] offsets;

    private PageCurl(float[] heights, float[][] offsets, double tiltDegrees)
    {
        this.heights = heights;
        this.offsets = offsets;
        TiltDegrees = tiltDegrees;
    }

    /// <summary>
    /// The angle (degrees, positive when their right ends are lower) the followed rulings slope by, the median
    /// of the straight lines fitted to them. A curled page's skew, measured on its bowed lines of text, can be
    /// out by this much; flattening straightens each ruling by moving it up or down, which levels them but
    /// leaves the page's vertical rulings slanted: the page is to be turned by this much first, and measured again.
    /// </summary>
    public double TiltDegrees { get; }

    /// <summary>Least tilt (degrees) worth turning a curled page by before it is flattened.</summary>
    public const double LeastTilt = 0.02;

    /// <summary>The polynomial degree a ruling is followed by: a shallow arc and a curl stronger towards one side.</summary>
    public const int Degree = 4;

    /// <summary>Least share of the page's width a horizontal ruling must span to be followed.</summary>
    public const double LeastSpan = 0.3;

    /// <summary>Least bow (pixels per 1,000 of the page's height) of the median followed ruling for a page to be curled: a flat scan's rulings bow under one pixel.</summary>
    public const double LeastBow = 1.5;

    /// <summary>Least number of followed rulings that tell a curl; fewer tell nothing between them.</summary>
    public const int LeastRulings = 3;

    /// <summary>The most a ruling's middle may lie off its curve, on average (pixels): more is a ruling joined to print.</summary>
    public const double MostMiss = 1.5;

    /// <summary>Rows flattened at once by <see cref="Flatten"/>.</summary>
    internal const int BandRows = 64;

    /// <summary>Rulings followed, each's mean height and its offset from it at every column.</summary>
    internal int Rulings => heights.Length;

    /// <summary>The largest offset of any ruling from its own mean height (pixels).</summary>
    internal double LargestOffset => offsets.Max(o => o.Max(Math.Abs));

    /// <summary>The curl of a level <paramref name="grey"/> page, or null when its rulings lie straight or it has too few to tell.</summary>
    public static PageCurl? Find(Mat grey)
    {
        ArgumentNullException.ThrowIfNull(grey);
        var (rows, cols) = (grey.Rows, grey.Cols);
        if (rows < BandRows || cols < BandRows)
        {
            return null;
        }

        // The rulings are looked for and followed at half the resolution: a quarter of the work, and a page's
        // labels in 32 bits are four pages' worth.
        using var half = new Mat();
        Cv2.Resize(grey, half, new Size((cols + 1) / 2, (rows + 1) / 2), 0, 0, InterpolationFlags.Area);
        using (var ink = Binarization.Adaptive(half, Binarization.BlockFor(half.Cols)))
        using (var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(Math.Max(10, half.Cols / 100), 1)))
        {
            Cv2.MorphologyEx(ink, half, MorphTypes.Open, kernel);
        }

        var followed = new List<(float Height, float[] Offsets, double Bow, double Slope)>();
        using (var labels = new Mat())
        using (var stats = new Mat())
        using (var centroids = new Mat())
        {
            var count = Cv2.ConnectedComponentsWithStats(half, labels, stats, centroids, PixelConnectivity.Connectivity8, MatType.CV_32SC1);
            for (var label = 1; label < count; label++)
            {
                var box = new Rect(stats.At<int>(label, 0), stats.At<int>(label, 1), stats.At<int>(label, 2), stats.At<int>(label, 3));
                if (box.Width < LeastSpan * half.Cols || box.Height > half.Rows / 15)
                {
                    continue;
                }

                if (Follow(labels, label, box, cols) is { } ruling)
                {
                    followed.Add(ruling);
                }
            }
        }

        if (followed.Count < LeastRulings)
        {
            return null;
        }

        var bows = followed.Select(f => f.Bow).Order().ToList();
        if (bows[bows.Count / 2] < LeastBow * rows / 1000)
        {
            return null;
        }

        followed.Sort((a, b) => a.Height.CompareTo(b.Height));
        var slope = FreeGlyphs.Median([.. followed.Select(f => f.Slope)]);
        return new PageCurl([.. followed.Select(f => f.Height)], [.. followed.Select(f => f.Offsets)], Math.Atan(slope) * 180 / Math.PI);
    }

    /// <summary>
    /// A copy of <paramref name="grey"/> (the page <see cref="Find"/> measured) with its rulings straight: each
    /// row of the copy is read from where the curl had moved it, a band of rows at a time.
    /// </summary>
    public Mat Flatten(Mat grey)
    {
        ArgumentNullException.ThrowIfNull(grey);
        var (rows, cols) = (grey.Rows, grey.Cols);
        var flat = new Mat(rows, cols, grey.Type());
        var (least, most) = (offsets.Min(o => o.Min()), offsets.Max(o => o.Max()));
        for (var top = 0; top < rows; top += BandRows)
        {
            var bottom = Math.Min(rows, top + BandRows);
            var (from, to) = (Math.Max(0, top + (int)Math.Floor(least) - 1), Math.Min(rows, bottom + (int)Math.Ceiling(most) + 2));
            using var mapX = new Mat(bottom - top, cols, MatType.CV_32FC1);
            using var mapY = new Mat(bottom - top, cols, MatType.CV_32FC1);
            var xs = mapX.AsSpan<float>();
            var ys = mapY.AsSpan<float>();
            for (var y = top; y < bottom; y++)
            {
                var (above, below, t) = Between(y);
                var row = (y - top) * cols;
                for (var x = 0; x < cols; x++)
                {
                    xs[row + x] = x;
                    ys[row + x] = y + ((1 - t) * above[x]) + (t * below[x]) - from;
                }
            }

            using var source = new Mat(grey, new Rect(0, from, cols, to - from));
            using var target = new Mat(flat, new Rect(0, top, cols, bottom - top));
            Cv2.Remap(source, target, mapX, mapY, InterpolationFlags.Linear, BorderTypes.Replicate);
        }

        return flat;
    }

    /// <summary>The offsets of the rulings above and below row <paramref name="y"/> of the flat page, and how far it lies from the one above towards the other.</summary>
    private (float[] Above, float[] Below, float Share) Between(int y)
    {
        var below = Array.BinarySearch(heights, y);
        below = below >= 0 ? below : ~below;
        if (below == 0)
        {
            return (offsets[0], offsets[0], 0);
        }

        if (below == heights.Length)
        {
            return (offsets[^1], offsets[^1], 0);
        }

        return (offsets[below - 1], offsets[below], (y - heights[below - 1]) / (heights[below] - heights[below - 1]));
    }

    /// <summary>
    /// A ruling's curve: its middle at each column it covers (of the half-resolution <paramref name="labels"/>)
    /// fitted by a polynomial, its mean height, its offsets from that height at every column of the page,
    /// <paramref name="cols"/> wide (beyond its ends, those of its ends), and its bow (its curve's largest distance
    /// from the straight line fitted to it) and that line's slope; null when the fit misses.
    /// </summary>
    private static (float Height, float[] Offsets, double Bow, double Slope)? Follow(Mat labels, int label, Rect box, int cols)
    {
        // Columns and rows of the half-resolution labels, taken back to the page's pixels.
        static double Full(double v) => (2 * v) + 0.5;
        var marks = labels.AsSpan<int>();
        var width = labels.Cols;
        var us = new List<double>(box.Width);
        var ys = new List<double>(box.Width);
        var middle = cols / 2.0;
        for (var x = box.X; x < box.Right; x++)
        {
            var (sum, count) = (0.0, 0);
            for (var y = box.Y; y < box.Bottom; y++)
            {
                if (marks[(y * width) + x] == label)
                {
                    sum += y;
                    count++;
                }
            }

            if (count > 0)
            {
                // x scaled to [-1, 1] over the page, so that the powers stay comparable.
                us.Add((Full(x) - middle) / middle);
                ys.Add(Full(sum / count));
            }
        }

        var curve = Fit(us, ys, Degree);
        var line = Fit(us, ys, 1);
        var miss = us.Select((u, i) => Math.Abs(At(curve, u) - ys[i])).Average();
        if (miss > MostMiss)
        {
            return null;
        }

        var (first, last) = (us[0], us[^1]);
        var at = new double[cols];
        var bow = 0.0;
        for (var x = 0; x < cols; x++)
        {
            var u = Math.Clamp((x - middle) / middle, first, last);
            at[x] = At(curve, u);
            bow = Math.Max(bow, Math.Abs(at[x] - At(line, u)));
        }

        var height = us.Average(u => At(curve, u));
        return ((float)height, [.. at.Select(v => (float)(v - height))], bow, line[1] / middle);
    }

    /// <summary>The least-squares polynomial of <paramref name="degree"/> through the points, lowest power first.</summary>
    private static double[] Fit(List<double> us, List<double> ys, int degree)
    {
        using var powers = new Mat(us.Count, degree + 1, MatType.CV_64FC1);
        using var values = new Mat(us.Count, 1, MatType.CV_64FC1);
        for (var i = 0; i < us.Count; i++)
        {
            var power = 1.0;
            for (var k = 0; k <= degree; k++)
            {
                powers.Set(i, k, power);
                power *= us[i];
            }

            values.Set(i, 0, ys[i]);
        }

        using var solution = new Mat();
        Cv2.Solve(powers, values, solution, DecompTypes.SVD);
        return [.. Enumerable.Range(0, degree + 1).Select(k => solution.At<double>(k, 0))];
    }

    private static double At(double[] coefficients, double u)
    {
        var value = 0.0;
        for (var k = coefficients.Length - 1; k >= 0; k--)
        {
            value = (value * u) + coefficients[k];
        }

        return value;
    }
}
