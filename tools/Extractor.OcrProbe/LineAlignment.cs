namespace Extractor.OcrProbe;

/// <summary>
/// Puts OCR lines in the order their text has in the reference, so that a page's accuracy measures what
/// was read rather than the order it was read in (a table's wrapped cells are interleaved differently by
/// <c>pdftotext -layout</c> and by a row-by-row reading).
/// </summary>
internal static class LineAlignment
{
    /// <summary><paramref name="lines"/> sorted by where each matches best in <paramref name="reference"/>.</summary>
    public static IReadOnlyList<string> InReferenceOrder(string reference, IReadOnlyList<string> lines)
    {
        var placed = new List<(int Position, int Index)>();
        var cursor = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var end = BestEnd(reference, lines[i], cursor);
            placed.Add((end - lines[i].Length, i));
            cursor = end;
        }

        return [.. placed.OrderBy(p => p.Position).ThenBy(p => p.Index).Select(p => lines[p.Index])];
    }

    /// <summary>
    /// Where in <paramref name="reference"/> a match of <paramref name="line"/> with the fewest edits ends
    /// (the line may start anywhere); among equal matches (a cell text repeated down a column), the one
    /// nearest <paramref name="near"/>, where the previous line was found.
    /// </summary>
    private static int BestEnd(string reference, string line, int near)
    {
        if (line.Length == 0)
        {
            return near;
        }

        // Rows: characters of the line; columns: reference positions. Row 0 is free: a match starts anywhere.
        var previous = new int[reference.Length + 1];
        var current = new int[reference.Length + 1];
        for (var i = 1; i <= line.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= reference.Length; j++)
            {
                var substitution = previous[j - 1] + (line[i - 1] == reference[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        var best = int.MaxValue;
        var bestEnd = near;
        for (var j = 0; j <= reference.Length; j++)
        {
            if (previous[j] < best || (previous[j] == best && Math.Abs(j - near) < Math.Abs(bestEnd - near)))
            {
                best = previous[j];
                bestEnd = j;
            }
        }

        return bestEnd;
    }
}
