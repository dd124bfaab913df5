namespace Extractor.Sources.Ocr;

/// <summary>
/// The small rotation a scanner's sheet feeder gives a page, measured and undone. Angles are in degrees,
/// positive when a printed horizontal line falls to the right in the image (y grows downwards).
/// </summary>
internal static class Skew
{
    /// <summary>Largest skew searched for, in degrees either way.</summary>
    public const double MaxDegrees = 3.0;

    /// <summary>
    /// The skew of the page's ink: the angle whose sheared row profile is the most peaked (rows of text
    /// and ruling lines line up exactly at the true angle). Zero for a blank page.
    /// </summary>
    public static double EstimateDegrees(PageImage image)
    {
        ArgumentNullException.ThrowIfNull(image);

        // Every second pixel of every second row is plenty and keeps this quick.
        var threshold = image.InkThreshold();
        var xs = new List<int>();
        var ys = new List<int>();
        for (var y = 0; y < image.Height; y += 2)
        {
            for (var x = 0; x < image.Width; x += 2)
            {
                if (image[x, y] <= threshold)
                {
                    xs.Add(x);
                    ys.Add(y);
                }
            }
        }

        if (xs.Count < 100)
        {
            return 0;
        }

        var bins = new int[image.Height + (2 * image.Width) + 2];
        double Score(double degrees)
        {
            Array.Clear(bins);
            var slope = Math.Tan(degrees * Math.PI / 180);
            var offset = image.Width + 1;
            for (var i = 0; i < xs.Count; i++)
            {
                // Bins two rows high, as rows are sampled every second one (else level would win by aliasing).
                var row = (int)Math.Round((ys[i] - (xs[i] * slope)) / 2) + offset;
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

        var best = 0.0;
        var bestScore = Score(0);
        for (var step = 0.1; step >= 0.01 - 1e-9; step /= 10)
        {
            var from = step >= 0.1 ? -MaxDegrees : best - (10 * step);
            var to = step >= 0.1 ? MaxDegrees : best + (10 * step);
            for (var a = from; a <= to + 1e-9; a += step)
            {
                var score = Score(a);
                if (score > bestScore * (1 + 1e-9))
                {
                    bestScore = score;
                    best = a;
                }
            }
        }

        return Math.Round(best, 3);
    }

    /// <summary>
    /// The image turned by <paramref name="degrees"/> about its centre so that lines skewed by that angle
    /// come out level; pixels from outside the original are white. Bilinear sampling.
    /// </summary>
    public static PageImage Straighten(PageImage image, double degrees)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (degrees == 0)
        {
            return image.Clone();
        }

        var result = PageImage.Blank(image.Width, image.Height);
        var cos = Math.Cos(degrees * Math.PI / 180);
        var sin = Math.Sin(degrees * Math.PI / 180);
        var cx = (image.Width - 1) / 2.0;
        var cy = (image.Height - 1) / 2.0;
        for (var y = 0; y < image.Height; y++)
        {
            var dy = y - cy;
            for (var x = 0; x < image.Width; x++)
            {
                var dx = x - cx;
                var sx = cx + (dx * cos) - (dy * sin);
                var sy = cy + (dx * sin) + (dy * cos);
                var x0 = (int)Math.Floor(sx);
                var y0 = (int)Math.Floor(sy);
                if (x0 < 0 || y0 < 0 || x0 + 1 >= image.Width || y0 + 1 >= image.Height)
                {
                    continue;
                }

                var fx = sx - x0;
                var fy = sy - y0;
                var top = (image[x0, y0] * (1 - fx)) + (image[x0 + 1, y0] * fx);
                var bottom = (image[x0, y0 + 1] * (1 - fx)) + (image[x0 + 1, y0 + 1] * fx);
                result[x, y] = (byte)Math.Round((top * (1 - fy)) + (bottom * fy));
            }
        }

        return result;
    }

    /// <summary>Where a point of the straightened image lies in the original one (the inverse of <see cref="Straighten"/>).</summary>
    public static (double X, double Y) ToOriginal(double x, double y, int width, int height, double degrees)
    {
        var cos = Math.Cos(degrees * Math.PI / 180);
        var sin = Math.Sin(degrees * Math.PI / 180);
        var cx = (width - 1) / 2.0;
        var cy = (height - 1) / 2.0;
        var dx = x - cx;
        var dy = y - cy;
        return (cx + (dx * cos) - (dy * sin), cy + (dx * sin) + (dy * cos));
    }
}
