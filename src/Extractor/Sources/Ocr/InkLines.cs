namespace Extractor.Sources.Ocr;

/// <summary>
/// The lines of text in a cell image, from its row profile: bands of rows with ink, a gap of a row or
/// two bridged, bands much shorter than the tallest (specks, a ruling's remains, the circle of a % whose
/// thin stroke fades) left out.
/// </summary>
internal static class InkLines
{
    /// <summary>The top and bottom row (inclusive) of each line of text in <paramref name="cell"/>, top to bottom.</summary>
    public static List<(int Top, int Bottom)> Find(PageImage cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var bands = new List<(int Top, int Bottom)>();
        var top = -1;
        var last = -1;
        for (var y = 0; y < cell.Height; y++)
        {
            var ink = 0;
            for (var x = 0; x < cell.Width && ink < 2; x++)
            {
                if (cell[x, y] < Contrast.Ink)
                {
                    ink++;
                }
            }

            if (ink < 2)
            {
                continue;
            }

            if (top >= 0 && y - last > 3)
            {
                bands.Add((top, last));
                top = -1;
            }

            if (top < 0)
            {
                top = y;
            }

            last = y;
        }

        if (top >= 0)
        {
            bands.Add((top, last));
        }

        var tallest = bands.Count == 0 ? 0 : bands.Max(b => b.Bottom - b.Top + 1);
        return bands.Where(b => b.Bottom - b.Top + 1 >= 0.6 * tallest).ToList();
    }
}
