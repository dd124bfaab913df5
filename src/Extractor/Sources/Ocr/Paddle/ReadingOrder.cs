namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// Orders text boxes as a reader takes them: rows from the top, each row from the left. Boxes are on one
/// row when they share at least half the height of the shorter, so a slightly skewed or ragged row stays
/// one row while the next row down, however close, does not join it.
/// </summary>
internal static class ReadingOrder
{
    /// <summary>The share of the shorter box's height two boxes of one row overlap by, at least.</summary>
    public const double RowOverlap = 0.5;

    /// <summary><paramref name="items"/> in reading order, each placed by the quad <paramref name="quadOf"/> gives.</summary>
    public static IReadOnlyList<T> Sort<T>(IEnumerable<T> items, Func<T, Quad> quadOf)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(quadOf);
        var rows = new List<List<(T Item, float Top, float Bottom, float Left)>>();
        var byTop = items
            .Select(i => (Item: i, Bounds: quadOf(i).Bounds))
            .Select(b => (b.Item, Top: b.Bounds.Top, Bottom: b.Bounds.Bottom, Left: b.Bounds.Left))
            .OrderBy(b => b.Top)
            .ThenBy(b => b.Left);
        foreach (var box in byTop)
        {
            // The row whose last box overlaps this one most, if enough; only the last few rows can.
            List<(T Item, float Top, float Bottom, float Left)>? best = null;
            var bestOverlap = 0.0;
            for (var r = rows.Count - 1; r >= Math.Max(0, rows.Count - 8); r--)
            {
                var overlap = rows[r].Max(o => Overlap(o.Top, o.Bottom, box.Top, box.Bottom));
                if (overlap >= RowOverlap && overlap > bestOverlap)
                {
                    best = rows[r];
                    bestOverlap = overlap;
                }
            }

            if (best is null)
            {
                rows.Add([box]);
            }
            else
            {
                best.Add(box);
            }
        }

        return [.. rows
            .OrderBy(r => r.Average(b => b.Top))
            .SelectMany(r => r.OrderBy(b => b.Left))
            .Select(b => b.Item)];
    }

    /// <summary>How much of the shorter of two vertical spans the other covers, 0–1.</summary>
    private static double Overlap(float top1, float bottom1, float top2, float bottom2)
    {
        var shorter = Math.Min(bottom1 - top1, bottom2 - top2);
        if (shorter <= 0)
        {
            return 0;
        }

        return Math.Max(0, Math.Min(bottom1, bottom2) - Math.Max(top1, top2)) / shorter;
    }
}
