using OpenCvSharp;

namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// Turns the DB detector's probability map into text boxes. The map marks each line's shrunk kernel; a box
/// is the smallest rotated rectangle round a connected piece of the thresholded map, kept when the mean
/// probability inside it is high enough, then grown back by the offset DB's training shrank it by
/// (area × ratio / perimeter), and scaled to the page image.
/// </summary>
internal static class DbPostProcessor
{
    /// <summary>
    /// The boxes of a <paramref name="mapWidth"/> × <paramref name="mapHeight"/> probability map, in the
    /// coordinates of a <paramref name="imageWidth"/> × <paramref name="imageHeight"/> image, in no
    /// particular order.
    /// </summary>
    public static IReadOnlyList<TextRegion> Boxes(float[] map, int mapWidth, int mapHeight, int imageWidth, int imageHeight, PaddleOcrOptions options)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(options);
        if (map.Length < mapWidth * mapHeight)
        {
            throw new ArgumentException("the map is smaller than its size says", nameof(map));
        }

        using var probability = Mat.FromPixelData(mapHeight, mapWidth, MatType.CV_32FC1, map);
        using var bitmap = new Mat();
        Cv2.Threshold(probability, bitmap, options.PixelThreshold, 255, ThresholdTypes.Binary);
        bitmap.ConvertTo(bitmap, MatType.CV_8UC1);
        Cv2.FindContours(bitmap, out var contours, out _, RetrievalModes.List, ContourApproximationModes.ApproxSimple);

        var scaleX = (float)imageWidth / mapWidth;
        var scaleY = (float)imageHeight / mapHeight;
        var regions = new List<TextRegion>();
        foreach (var contour in contours.Take(options.MaxCandidates))
        {
            var kernel = Level(Cv2.MinAreaRect(contour), contour, options);
            if (Math.Min(kernel.Size.Width, kernel.Size.Height) < options.MinBoxSide)
            {
                continue;
            }

            var score = MeanInside(probability, kernel.Points());
            if (score < options.BoxThreshold)
            {
                continue;
            }

            var grown = Unclip(kernel, options.UnclipRatio);
            if (Math.Min(grown.Size.Width, grown.Size.Height) < options.MinBoxSide + 2)
            {
                continue;
            }

            var corners = grown.Points()
                .Select(p => new Point2f(Math.Clamp(MathF.Round(p.X * scaleX), 0, imageWidth), Math.Clamp(MathF.Round(p.Y * scaleY), 0, imageHeight)))
                .ToArray();
            regions.Add(new TextRegion(Quad.FromPoints(corners), (float)score));
        }

        return regions;
    }

    /// <summary>
    /// The box of a kernel: its smallest rectangle, unless that is nearly square or tilted by more than
    /// <see cref="PaddleOcrOptions.MaxTiltDegrees"/>, when it is the kernel's upright bounding rectangle. The
    /// smallest rectangle round a single character's blob may lie at any angle (a 5 cut out at 30° reads
    /// as の), while the forms' text runs level once the page is straightened.
    /// </summary>
    internal static RotatedRect Level(RotatedRect smallest, Point[] contour, PaddleOcrOptions options)
    {
        var angle = ((smallest.Angle % 90) + 90) % 90;
        var tilt = Math.Min(angle, 90 - angle);
        var (w, h) = (smallest.Size.Width, smallest.Size.Height);
        var elongation = Math.Max(w, h) / Math.Max(1e-3f, Math.Min(w, h));
        if (tilt <= options.MaxTiltDegrees && elongation >= options.LevelBelowElongation)
        {
            return smallest;
        }

        var bounds = Cv2.BoundingRect(contour);
        return new RotatedRect(
            new Point2f(bounds.X + ((bounds.Width - 1) / 2f), bounds.Y + ((bounds.Height - 1) / 2f)),
            new Size2f(Math.Max(1, bounds.Width - 1), Math.Max(1, bounds.Height - 1)),
            0);
    }

    /// <summary>
    /// A rotated rectangle grown on every side by area × <paramref name="ratio"/> / perimeter. Offsetting a
    /// rectangle outwards with round joins and taking the smallest rectangle round the result gives exactly
    /// this, so no polygon clipping is needed.
    /// </summary>
    public static RotatedRect Unclip(RotatedRect box, float ratio)
    {
        var (w, h) = (box.Size.Width, box.Size.Height);
        var perimeter = 2 * (w + h);
        if (perimeter <= 0)
        {
            return box;
        }

        var distance = w * h * ratio / perimeter;
        return new RotatedRect(box.Center, new Size2f(w + (2 * distance), h + (2 * distance)), box.Angle);
    }

    /// <summary>The mean of <paramref name="map"/> inside the polygon <paramref name="corners"/>.</summary>
    private static double MeanInside(Mat map, Point2f[] corners)
    {
        var (cols, rows) = (map.Cols, map.Rows);
        var left = Math.Clamp((int)Math.Floor(corners.Min(p => p.X)), 0, cols - 1);
        var right = Math.Clamp((int)Math.Ceiling(corners.Max(p => p.X)), 0, cols - 1);
        var top = Math.Clamp((int)Math.Floor(corners.Min(p => p.Y)), 0, rows - 1);
        var bottom = Math.Clamp((int)Math.Ceiling(corners.Max(p => p.Y)), 0, rows - 1);
        using var mask = new Mat(bottom - top + 1, right - left + 1, MatType.CV_8UC1, Scalar.All(0));
        var polygon = corners.Select(p => new Point((int)Math.Round(p.X) - left, (int)Math.Round(p.Y) - top)).ToArray();
        Cv2.FillPoly(mask, [polygon], Scalar.All(1));
        using var window = new Mat(map, new Rect(left, top, right - left + 1, bottom - top + 1));
        return Cv2.Mean(window, mask).Val0;
    }
}
