using Extractor.Sources.Ocr;

namespace Extractor.Tests.Ocr;

/// <summary>Draws test images: a ruled grid, blocks of "text", strokes.</summary>
internal static class Synthetic
{
    public static void Line(PageImage image, int x0, int y0, int x1, int y1, int thickness = 3, byte grey = 20)
    {
        var steps = Math.Max(Math.Abs(x1 - x0), Math.Abs(y1 - y0));
        for (var i = 0; i <= steps; i++)
        {
            var x = x0 + ((x1 - x0) * i / Math.Max(1, steps));
            var y = y0 + ((y1 - y0) * i / Math.Max(1, steps));
            for (var dy = 0; dy < thickness; dy++)
            {
                for (var dx = 0; dx < thickness; dx++)
                {
                    if (x + dx < image.Width && y + dy < image.Height)
                    {
                        image[x + dx, y + dy] = grey;
                    }
                }
            }
        }
    }

    /// <summary>A page with a 3 × 4 grid from (200, 300) to (1800, 900) and short strokes like characters inside the cells.</summary>
    public static PageImage RuledPage()
    {
        var image = PageImage.Blank(2000, 1400);
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            image.Pixels[i] = 240;
        }

        foreach (var y in new[] { 300, 500, 700, 900 })
        {
            Line(image, 200, y, 1800, y);
        }

        foreach (var x in new[] { 200, 600, 1000, 1400, 1800 })
        {
            Line(image, x, 300, x, 900);
        }

        // "Characters": strokes no longer than a character is tall (about 40 px here).
        for (var row = 0; row < 3; row++)
        {
            for (var column = 0; column < 4; column++)
            {
                var left = 250 + (column * 400);
                var top = 360 + (row * 200);
                for (var c = 0; c < 5; c++)
                {
                    Line(image, left + (c * 50), top, left + (c * 50) + 36, top, 3);
                    Line(image, left + (c * 50) + 18, top, left + (c * 50) + 18, top + 40, 3);
                }
            }
        }

        return image;
    }
}
