using PixelRuling = Extractor.Sources.Ocr.Imaging.Ruling;

namespace Extractor.Sources.Ocr;

/// <summary>
/// Closes a scanned table whose outer side wall did not print or faded: where three or more horizontal
/// rulings end at one place and no vertical ruling stands there, the table's wall is taken to run down
/// that place, from the highest of those rulings to the lowest. Without it the grid ends at the last wall
/// that printed and the column beyond (a 得分 or 未完成原因 column) is read as text outside the table,
/// which the layout then joins to the next row's first cell.
/// </summary>
internal static class TableEdges
{
    /// <summary>Fewest rulings ending together to make a wall.</summary>
    public const int MinRulings = 3;

    /// <summary>The rulings with the walls that close open sides added.</summary>
    /// <param name="rulings">The page's rulings in pixels.</param>
    /// <param name="tolerance">How far apart (pixels) ends may be and still end together, and how near a vertical ruling must stand to be the wall already.</param>
    public static IReadOnlyList<PixelRuling> Close(IReadOnlyList<PixelRuling> rulings, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(rulings);
        var horizontals = rulings.Where(r => r.IsHorizontal).ToList();
        var verticals = rulings.Where(r => !r.IsHorizontal).ToList();
        if (horizontals.Count < MinRulings || verticals.Count == 0)
        {
            return rulings;
        }

        var added = new List<PixelRuling>();
        foreach (var right in new[] { false, true })
        {
            Func<PixelRuling, int> end = right ? r => r.To : r => r.From;
            foreach (var group in Groups(horizontals, end, tolerance))
            {
                var x = (int)Math.Round(group.Average(end));
                int top = (int)Math.Floor(group.Min(r => r.At)), bottom = (int)Math.Ceiling(group.Max(r => r.At));
                var standing = verticals.Concat(added).Any(v => Math.Abs(v.At - x) <= tolerance && v.From <= top + tolerance && v.To >= bottom - tolerance);

                // Only a side the table's own walls do not reach: a vertical ruling crossing those rows elsewhere is needed
                // (a table), and none may stand beyond the ends (the rulings would then stop short of a wall, not be open).
                var inside = verticals.Any(v => v.From < bottom && v.To > top);
                var beyond = verticals.Any(v => v.From < bottom && v.To > top && (right ? v.At > x + tolerance : v.At < x - tolerance));
                if (!standing && inside && !beyond)
                {
                    added.Add(new PixelRuling(false, top, bottom, x, group.Average(r => r.Thickness)));
                }
            }
        }

        return added.Count == 0 ? rulings : [.. rulings, .. added];
    }

    /// <summary>Horizontal rulings whose chosen ends lie within <paramref name="tolerance"/> of each other, groups of at least <see cref="MinRulings"/>.</summary>
    private static IEnumerable<List<PixelRuling>> Groups(List<PixelRuling> horizontals, Func<PixelRuling, int> end, double tolerance)
    {
        var sorted = horizontals.OrderBy(end).ToList();
        var group = new List<PixelRuling>();
        foreach (var r in sorted)
        {
            if (group.Count > 0 && end(r) - end(group[^1]) > tolerance)
            {
                if (group.Count >= MinRulings)
                {
                    yield return group;
                }

                group = [];
            }

            group.Add(r);
        }

        if (group.Count >= MinRulings)
        {
            yield return group;
        }
    }
}
