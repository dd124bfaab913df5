using OpenCvSharp;

namespace Extractor.Sources.Ocr.Imaging;

/// <summary>
/// The small rotation a scanner's sheet feeder gives a page, measured and undone. Angles are in degrees,
/// positive when a printed horizontal line falls to the right in the image (y grows downwards), that is a
/// page turned clockwise.
/// </summary>
internal static class Deskew
{
    /// <summary>Largest skew looked for, either way.</summary>
    public const double MaxDegrees = 5.0;

    /// <summary>
    /// The widest image the line search runs on; larger pages are searched scaled down. Its accumulator
    /// holds one count per angle tried and distance (twice the width and height), so 800 pixels at
    /// <see cref="HoughStep"/> take 5.6 MB where 1,000 at a quarter degree took 14; each segment's angle is
    /// refined on the full image, and sixteen fixture pages skewed at random by up to 3° measured the same
    /// (worst error 0.009°).
    /// </summary>
    public const int HoughWidth = 800;

    /// <summary>The angle between the lines the search tries, in radians: half a degree.</summary>
    public const double HoughStep = Math.PI / 360;

    /// <summary>
    /// The skew of a grey page: from its long horizontal rulings when it has some (each segment's angle
    /// refined by a least-squares fit of its pixels, the median of them weighted by length), else from the
    /// rows of its text (<see cref="FromTextRows"/>), searched near the angle of its long text
    /// <paramref name="lines"/> (degrees and lengths, from the detector) when they tell one. Zero for a blank page.
    /// </summary>
    public static double EstimateDegrees(Mat grey, IReadOnlyList<(double Degrees, double Length)>? lines = null)
    {
        ArgumentNullException.ThrowIfNull(grey);
        using var ink = Binarization.Otsu(grey);
        return FromRulings(ink) ?? FromTextRows(ink, lines is null ? null : FromLines(lines));
    }

    /// <summary>
    /// The skew of a grey page measured on its long vertical rulings (<see cref="FromRulings"/> on the page
    /// turned about its diagonal), or null when it has fewer than two. A curl moves a page's points up and
    /// down and bows its horizontal lines, but leaves its vertical ones straight.
    /// </summary>
    public static double? FromVerticalRulings(Mat grey)
    {
        ArgumentNullException.ThrowIfNull(grey);
        using var ink = Binarization.Otsu(grey);
        Cv2.Transpose(ink, ink);

        // Turned about its diagonal, a line running down and to the left as the page turns clockwise runs
        // right and down: its angle there is the skew's opposite.
        return -FromRulings(ink);
    }

    /// <summary>The fewest long text lines whose angles are taken for the page's.</summary>
    public const int MinLines = 3;

    /// <summary>
    /// The skew told by the detector's boxes of long text lines (their angles, weighted by their lengths):
    /// within a few tenths of a degree, and never misled by rows of a table whose columns line up at
    /// another angle. Null with fewer than <see cref="MinLines"/> lines.
    /// </summary>
    public static double? FromLines(IReadOnlyList<(double Degrees, double Length)> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var within = lines.Where(l => Math.Abs(l.Degrees) <= MaxDegrees).ToList();
        return within.Count < MinLines ? null : FreeGlyphs.WeightedMedian(within);
    }

    /// <summary>
    /// The skew measured on long horizontal rulings of an ink mask (ink 255), or null when there are fewer
    /// than two of them. A skewed line survives an opening by a short horizontal kernel as a staircase;
    /// characters do not; Hough then finds the long segments on a copy at most <see cref="HoughWidth"/>
    /// wide (its cost grows with the ink and the angles tried), and each is refined on the full image.
    /// </summary>
    public static double? FromRulings(Mat ink)
    {
        ArgumentNullException.ThrowIfNull(ink);
        var kernelLength = Math.Max(15, ink.Cols / 100);
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(kernelLength, 1));
        using var lines = new Mat();
        Cv2.MorphologyEx(ink, lines, MorphTypes.Open, kernel);
        var scale = Math.Min(1.0, (double)HoughWidth / ink.Cols);
        using var small = new Mat();
        Cv2.Resize(lines, small, new Size(0, 0), scale, scale, InterpolationFlags.Area);
        Cv2.Threshold(small, small, 0, 255, ThresholdTypes.Binary);
        var minLength = small.Cols / 6.0;
        var found = Cv2.HoughLinesP(small, 1, HoughStep, (int)(minLength / 2), minLength, Math.Max(3, kernelLength * scale));
        if (found.Length == 0)
        {
            return null;
        }

        var segments = found.Select(s => new LineSegmentPoint(
            new Point(s.P1.X / scale, s.P1.Y / scale),
            new Point(s.P2.X / scale, s.P2.Y / scale))).ToArray();
        var band = (int)Math.Ceiling(3 / scale) + 2;

        // The morphology's output is continuous: read in place rather than copied to the managed heap.
        var pixels = lines.AsSpan<byte>();
        var (width, height) = (lines.Cols, lines.Rows);
        var measured = new List<(double Degrees, double Weight)>();
        foreach (var s in segments)
        {
            double dx = s.P2.X - s.P1.X;
            double dy = s.P2.Y - s.P1.Y;
            var coarse = Math.Atan2(dy, dx) * 180 / Math.PI;
            if (coarse > 90)
            {
                coarse -= 180;
            }
            else if (coarse < -90)
            {
                coarse += 180;
            }

            // A ruling's pixels run the whole segment; a row of text's long strokes, which Hough may chain
            // into a segment at any small angle, leave gaps between characters.
            if (Math.Abs(coarse) <= MaxDegrees && Refine(pixels, width, height, s, band) is { Coverage: >= MinCoverage } fit)
            {
                measured.Add((fit.Degrees, Math.Sqrt((dx * dx) + (dy * dy))));
            }
        }

        return measured.Count < 2 ? null : FreeGlyphs.WeightedMedian(measured);
    }

    /// <summary>
    /// The skew from the rows of text: the angle at which the page's ink, projected onto the vertical,
    /// gives the most peaked profile (rows line up exactly at the true angle). Searched in 0.1° steps and
    /// then 0.01° steps, on the ink's pixels sheared rather than the image rotated.
    /// </summary>
    public static double FromTextRows(Mat ink, double? near = null)
    {
        ArgumentNullException.ThrowIfNull(ink);
        using var points = new Mat();
        Cv2.FindNonZero(ink, points);
        var total = points.Rows;
        if (total < 100)
        {
            return 0;
        }

        var all = points.AsSpan<Point>();

        // 200 000 ink pixels are plenty and keep this quick on a 300 dpi page.
        var step = Math.Max(1, total / 200_000);
        var xs = new int[(total + step - 1) / step];
        var ys = new int[xs.Length];
        for (int i = 0, k = 0; i < total && k < xs.Length; i += step, k++)
        {
            xs[k] = all[i].X;
            ys[k] = all[i].Y;
        }

        var (cols, rows) = (ink.Cols, ink.Rows);
        var bins = new int[rows + (2 * cols) + 2];
        double Score(double degrees)
        {
            Array.Clear(bins);
            var slope = Math.Tan(degrees * Math.PI / 180);
            var offset = cols + 1;
            for (var i = 0; i < xs.Length; i++)
            {
                var row = (int)Math.Round(ys[i] - (xs[i] * slope)) + offset;
                if ((uint)row < (uint)bins.Length)
                {
                    bins[row]++;
                }
            }

            double score = 0;
            foreach (var count in bins)
            {
                score += (double)count * count;
            }

            return score;
        }

        // Near the lines' angle when known: a table's rows profile sharply at other angles too, where the
        // text of neighbouring columns lines up (a page of a form without rulings measured 3.6° for 0.5°).
        var best = near ?? 0.0;
        var bestScore = Score(best);
        var first = near is null ? (-MaxDegrees, MaxDegrees, 0.1) : (-NearLines, NearLines, 0.1);
        foreach (var (from, to, by) in new[] { first, (-0.1, 0.1, 0.01) })
        {
            var centre = by < 0.1 ? best : near ?? 0;
            for (var a = centre + from; a <= centre + to + 1e-9; a += by)
            {
                var score = Score(a);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = a;
                }
            }
        }

        return Math.Round(best, 2);
    }

    /// <summary>How far from the lines' angle the rows' profile is searched, either way.</summary>
    public const double NearLines = 0.5;

    /// <summary>
    /// A copy of <paramref name="image"/> turned so that a line skewed by <paramref name="degrees"/> runs
    /// level: about the centre, the same size, uncovered corners white.
    /// </summary>
    public static Mat Rotate(Mat image, double degrees)
    {
        ArgumentNullException.ThrowIfNull(image);
        var result = new Mat();
        if (degrees == 0)
        {
            image.CopyTo(result);
            return result;
        }

        // OpenCV's positive angle turns the picture anticlockwise on screen, which levels a clockwise skew.
        using var matrix = Cv2.GetRotationMatrix2D(new Point2f(image.Cols / 2f, image.Rows / 2f), degrees, 1);
        Cv2.WarpAffine(image, result, matrix, image.Size(), InterpolationFlags.Cubic, BorderTypes.Constant, Scalar.All(255));
        return result;
    }

    /// <summary>
    /// The share of a segment's columns a ruling's pixels must reach for it to be measured: the rulings of
    /// the sweep's scans, bitonal and blurred ones too, cover nearly all of them; the long strokes of a row of
    /// text (a table printed without rulings) chained by Hough into a segment 2–4° off cover half or less,
    /// and measured as rulings they turned straight pages by as much.
    /// </summary>
    public const double MinCoverage = 0.75;

    /// <summary>
    /// The angle of a line's pixels near a Hough segment: the mean row of the mask's pixels in each column
    /// within a few pixels of the segment, fitted by least squares, and the share of the segment's columns
    /// that hold such pixels. Null when too few columns hold ink.
    /// </summary>
    private static (double Degrees, double Coverage)? Refine(ReadOnlySpan<byte> pixels, int width, int height, LineSegmentPoint segment, int band)
    {
        var (left, right) = segment.P1.X <= segment.P2.X ? (segment.P1, segment.P2) : (segment.P2, segment.P1);
        var slope = right.X == left.X ? 0 : (double)(right.Y - left.Y) / (right.X - left.X);
        double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (var x = left.X; x <= right.X; x += 2)
        {
            var yc = left.Y + (slope * (x - left.X));
            int count = 0, sum = 0;
            for (var y = (int)Math.Floor(yc) - band; y <= (int)Math.Ceiling(yc) + band; y++)
            {
                if (y >= 0 && y < height && x < width && pixels[(y * width) + x] != 0)
                {
                    count++;
                    sum += y;
                }
            }

            if (count > 0)
            {
                var ym = (double)sum / count;
                n++;
                sx += x;
                sy += ym;
                sxx += (double)x * x;
                sxy += x * ym;
            }
        }

        var denominator = (n * sxx) - (sx * sx);
        if (n < 20 || denominator == 0)
        {
            return null;
        }

        var columns = ((right.X - left.X) / 2) + 1;
        return (Math.Atan(((n * sxy) - (sx * sy)) / denominator) * 180 / Math.PI, n / columns);
    }
}
