namespace Extractor.Sources.Ocr;

/// <summary>Grey-level helpers for scans: paper made white, ink made black, and whether a region has ink.</summary>
internal static class Contrast
{
    /// <summary>Grey level below which a pixel of a stretched image counts as ink.</summary>
    public const byte Ink = 128;

    /// <summary>
    /// Stretches the grey levels so that the paper (the median level: most of a page is paper) becomes
    /// white and the darkest ink black; the tint of the paper and most of the scanner's noise go.
    /// </summary>
    public static PageImage Stretch(PageImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var histogram = new long[256];
        foreach (var p in image.Pixels)
        {
            histogram[p]++;
        }

        var paper = Percentile(histogram, image.Pixels.Length, 0.5);
        var ink = Percentile(histogram, image.Pixels.Length, 0.002);
        var white = ink + (0.88 * (paper - ink));
        if (white - ink < 16)
        {
            return image.Clone();
        }

        var map = new byte[256];
        for (var v = 0; v < 256; v++)
        {
            map[v] = (byte)Math.Clamp(Math.Round((v - ink) * 255.0 / (white - ink)), 0, 255);
        }

        var pixels = new byte[image.Pixels.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = map[image.Pixels[i]];
        }

        return new PageImage(image.Width, image.Height, pixels);
    }

    /// <summary>Paints the rectangle white (clipped to the image).</summary>
    public static void Fill(PageImage image, int left, int top, int right, int bottom)
    {
        ArgumentNullException.ThrowIfNull(image);
        for (var y = Math.Max(0, top); y < Math.Min(image.Height, bottom); y++)
        {
            for (var x = Math.Max(0, left); x < Math.Min(image.Width, right); x++)
            {
                image[x, y] = 255;
            }
        }
    }

    /// <summary>
    /// True when the rectangle holds more ink than noise leaves: ink pixels with ink beside them, at least
    /// as many as a short stroke at <paramref name="pixelsPerPoint"/> has.
    /// </summary>
    public static bool HasInk(PageImage image, int left, int top, int right, int bottom, double pixelsPerPoint)
    {
        ArgumentNullException.ThrowIfNull(image);
        var needed = Math.Max(6, (int)(0.6 * pixelsPerPoint * pixelsPerPoint));
        var count = 0;
        for (var y = Math.Max(1, top); y < Math.Min(image.Height - 1, bottom); y++)
        {
            for (var x = Math.Max(1, left); x < Math.Min(image.Width - 1, right); x++)
            {
                if (image[x, y] >= Ink)
                {
                    continue;
                }

                var neighbours = (image[x - 1, y] < Ink ? 1 : 0) + (image[x + 1, y] < Ink ? 1 : 0) + (image[x, y - 1] < Ink ? 1 : 0) + (image[x, y + 1] < Ink ? 1 : 0);
                if (neighbours >= 2 && ++count >= needed)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static double Percentile(long[] histogram, long total, double share)
    {
        var target = share * total;
        long seen = 0;
        for (var v = 0; v < 256; v++)
        {
            seen += histogram[v];
            if (seen >= target)
            {
                return v;
            }
        }

        return 255;
    }
}
