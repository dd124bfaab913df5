namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// Orders text boxes as a reader takes them: rows from the top, each row from the left. Boxes are taken
/// by their tops; a box joins the row being built when it shares at least half the height of the shorter
/// with every box already in it, else it starts the next row. So no box is ever read after one that lies
/// wholly below it, and a cell's second line, beside a one-line cell centred on both, starts a row of its
/// own rather than being read before its first line.
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
        var byTop = items
            .Select(i => (Item: i, Bounds: quadOf(i).Bounds))
            .OrderBy(b => b.Bounds.Top)
            .ThenBy(b => b.Bounds.Left)
            .ToList();
        var result = new List<T>(byTop.Count);
        var row = new List<(T Item, OpenCvSharp.Rect2f Bounds)>();
        foreach (var box in byTop)
        {
            if (row.Count > 0 && !row.TrueForAll(m => Overlap(m.Bounds, box.Bounds) >= RowOverlap))
            {
                result.AddRange(row.OrderBy(m => m.Bounds.Left).Select(m => m.Item));
                row.Clear();
            }

            row.Add(box);
        }

        result.AddRange(row.OrderBy(m => m.Bounds.Left).Select(m => m.Item));
        return result;
    }

    /// <summary>How much of the shorter of two boxes' heights the other covers, 0–1.</summary>
    private static double Overlap(OpenCvSharp.Rect2f a, OpenCvSharp.Rect2f b)
    {
        var shorter = Math.Min(a.Height, b.Height);
        if (shorter <= 0)
        {
            return 0;
        }

        return Math.Max(0, Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top)) / shorter;
    }
}
