using OpenCvSharp;

namespace Extractor.Sources.Ocr.Imaging;

/// <summary>
/// A page photographed or scanned lying on something darker than its paper (a desk under a phone, a
/// scanner's open lid): its outline found and the page taken out of the picture, flattened to a rectangle.
/// A photograph taken a little off square shows the page as a trapezium, so that its columns converge and
/// no rotation sets them upright; mapping the outline's corners onto a rectangle does. A page that fills its
/// scan, or lies on something nearly as light as its paper, or runs off the picture's edge is left as it is.
/// </summary>
internal static class PageOutline
{
    /// <summary>The longer side of the copy the outline is looked for on, in pixels.</summary>
    public const int SearchSide = 640;

    /// <summary>
    /// The side of the square the paper's mask is opened and closed by on the <see cref="SearchSide"/> copy: less
    /// than the narrowest surround a page is found on (a surround of 3% of the picture, with the page a degree
    /// askew, narrows to nine pixels at one end).
    /// </summary>
    public const int Smoothing = 5;

    /// <summary>The least share of the picture the page must cover to be taken out of it.</summary>
    public const double MinAreaShare = 0.4;

    /// <summary>
    /// How much darker (grey levels) what lies round the page must be than its paper, along every side:
    /// a scanner's grey backing sheet (about 30 levels under the paper) is not a surround to cut away.
    /// </summary>
    public const double MinSurroundContrast = 50;

    /// <summary>
    /// How near (a share of the picture's diagonal) every corner may come to the picture's own corner for
    /// the page to be taken as filling it.
    /// </summary>
    public const double FillsWithin = 0.02;

    /// <summary>
    /// The corners of the page in <paramref name="grey"/> (top-left, top-right, bottom-right, bottom-left, in
    /// its pixels), or null when it shows no whole page on a darker surround.
    /// </summary>
    public static Point2f[]? Find(Mat grey)
    {
        ArgumentNullException.ThrowIfNull(grey);
        var scale = Math.Min(1.0, (double)SearchSide / Math.Max(grey.Cols, grey.Rows));
        using var small = new Mat();
        Cv2.Resize(grey, small, new Size(Math.Max(1, (int)Math.Round(grey.Cols * scale)), Math.Max(1, (int)Math.Round(grey.Rows * scale))), 0, 0, InterpolationFlags.Area);
        using var paper = new Mat();
        Cv2.GaussianBlur(small, small, new Size(5, 5), 0);
        Cv2.Threshold(small, paper, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu);

        // Specks of the surround that pass for paper are opened away, and the print on the page closed over where it
        // reaches the page's edge; the ink inside the page leaves holes, which the outline does not see.
        using (var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(Smoothing, Smoothing)))
        {
            Cv2.MorphologyEx(paper, paper, MorphTypes.Open, kernel);
            Cv2.MorphologyEx(paper, paper, MorphTypes.Close, kernel);
        }

        Cv2.FindContours(paper, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        var largest = contours.OrderByDescending(c => Cv2.ContourArea(c)).FirstOrDefault();
        if (largest is null || Cv2.ContourArea(largest) < MinAreaShare * small.Cols * small.Rows)
        {
            return null;
        }

        var hull = Cv2.ConvexHull(largest);
        var corners = Cv2.ApproxPolyDP(hull, 0.02 * Cv2.ArcLength(hull, true), true);
        if (corners.Length != 4 || !Cv2.IsContourConvex(corners))
        {
            return null;
        }

        var quad = Order(corners.Select(p => new Point2f(p.X, p.Y)).ToArray());
        if (FillsPicture(quad, small.Cols, small.Rows) || !DarkAllRound(small, quad))
        {
            return null;
        }

        return [.. quad.Select(p => new Point2f((float)(p.X / scale), (float)(p.Y / scale)))];
    }

    /// <summary>
    /// The page inside <paramref name="quad"/> (as <see cref="Find"/> gives it) taken out of
    /// <paramref name="grey"/> as a rectangle as wide as its longer top or bottom side and as high as its
    /// longer left or right side, and the 3 × 3 matrix (row by row) taking a pixel of it back to
    /// <paramref name="grey"/>.
    /// </summary>
    public static (Mat Page, double[] ToPicture) Flatten(Mat grey, Point2f[] quad)
    {
        ArgumentNullException.ThrowIfNull(grey);
        ArgumentNullException.ThrowIfNull(quad);
        var width = (int)Math.Round(Math.Max(quad[0].DistanceTo(quad[1]), quad[3].DistanceTo(quad[2])));
        var height = (int)Math.Round(Math.Max(quad[0].DistanceTo(quad[3]), quad[1].DistanceTo(quad[2])));
        Point2f[] rectangle = [new(0, 0), new(width - 1, 0), new(width - 1, height - 1), new(0, height - 1)];
        using var forward = Cv2.GetPerspectiveTransform(quad, rectangle);
        using var back = Cv2.GetPerspectiveTransform(rectangle, quad);
        var page = new Mat();
        Cv2.WarpPerspective(grey, page, forward, new Size(width, height), InterpolationFlags.Linear, BorderTypes.Replicate);
        var toPicture = new double[9];
        for (var i = 0; i < 9; i++)
        {
            toPicture[i] = back.At<double>(i / 3, i % 3);
        }

        return (page, toPicture);
    }

    /// <summary>A pixel of the flattened page taken back to the picture by <paramref name="toPicture"/> (as <see cref="Flatten"/> gives it).</summary>
    public static (double X, double Y) ToPicture(double[] toPicture, double x, double y)
    {
        ArgumentNullException.ThrowIfNull(toPicture);
        var w = (toPicture[6] * x) + (toPicture[7] * y) + toPicture[8];
        return (((toPicture[0] * x) + (toPicture[1] * y) + toPicture[2]) / w, ((toPicture[3] * x) + (toPicture[4] * y) + toPicture[5]) / w);
    }

    /// <summary>Four corners in order: top-left, top-right, bottom-right, bottom-left.</summary>
    private static Point2f[] Order(Point2f[] corners)
    {
        var topLeft = corners.MinBy(p => p.X + p.Y);
        var bottomRight = corners.MaxBy(p => p.X + p.Y);
        var topRight = corners.MaxBy(p => p.X - p.Y);
        var bottomLeft = corners.MinBy(p => p.X - p.Y);
        return [topLeft, topRight, bottomRight, bottomLeft];
    }

    private static bool FillsPicture(Point2f[] quad, int cols, int rows)
    {
        var near = FillsWithin * Math.Sqrt((double)cols * cols + (double)rows * rows);
        Point2f[] picture = [new(0, 0), new(cols - 1, 0), new(cols - 1, rows - 1), new(0, rows - 1)];
        return quad.Zip(picture).All(p => Math.Abs(p.First.X - p.Second.X) <= near && Math.Abs(p.First.Y - p.Second.Y) <= near);
    }

    /// <summary>
    /// Whether a band just outside each side of <paramref name="quad"/> lies inside the picture and is darker
    /// than the paper just inside it by <see cref="MinSurroundContrast"/>: a page running off the picture's
    /// edge has no outline there to flatten it by.
    /// </summary>
    private static bool DarkAllRound(Mat small, Point2f[] quad)
    {
        var band = Math.Max(3, Math.Max(small.Cols, small.Rows) / 80);
        var (cx, cy) = (quad.Average(p => p.X), quad.Average(p => p.Y));
        for (var side = 0; side < 4; side++)
        {
            var (a, b) = (quad[side], quad[(side + 1) % 4]);
            var (outside, inside) = (new List<double>(), new List<double>());

            // Each side sampled from 15% to 80% of its length, every 5%, its ends left to the corners.
            for (var k = 3; k <= 16; k++)
            {
                var t = k * 0.05;
                var (x, y) = (a.X + (t * (b.X - a.X)), a.Y + (t * (b.Y - a.Y)));
                var (dx, dy) = (x - cx, y - cy);
                var norm = Math.Sqrt((dx * dx) + (dy * dy));
                if (norm < 1)
                {
                    return false;
                }

                (dx, dy) = (dx / norm, dy / norm);
                var (ox, oy) = ((int)Math.Round(x + (dx * 1.5 * band)), (int)Math.Round(y + (dy * 1.5 * band)));
                var (ix, iy) = ((int)Math.Round(x - (dx * 1.5 * band)), (int)Math.Round(y - (dy * 1.5 * band)));
                if (ox < 0 || oy < 0 || ox >= small.Cols || oy >= small.Rows)
                {
                    return false;
                }

                outside.Add(small.At<byte>(oy, ox));
                inside.Add(small.At<byte>(Math.Clamp(iy, 0, small.Rows - 1), Math.Clamp(ix, 0, small.Cols - 1)));
            }

            if (FreeGlyphs.Median(inside) - FreeGlyphs.Median(outside) < MinSurroundContrast)
            {
                return false;
            }
        }

        return true;
    }
}
