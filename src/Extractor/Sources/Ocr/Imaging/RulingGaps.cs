namespace Extractor.Sources.Ocr.Imaging;

/// <summary>
/// Joins the pieces of a ruling a scan lost stretches of. A thin line scanned coarsely across its length (a fax
/// in standard mode: 98 rows an inch) and a little skewed falls between two rows of sensors wherever it crosses
/// from one to the next, and is lost there for millimetres at a time: the pieces left lie on one line with
/// paper between them, and the lattice reads the cells above and below such a gap as one. A table's line that
/// truly stops for a merged cell does so from one wall to another, the cell's sides; a gap with an end clear of
/// any line across is the scan's (one end may meet a wall by chance), and the pieces either side of it are one
/// line. Pieces are joined only into a line that meets or crosses a line of the other direction (a table's),
/// never into a row of underlines apart.
/// </summary>
internal static class RulingGaps
{
    /// <summary>
    /// The widest gap joined, as a fraction of the page's shorter side (35 mm on A4): lines lost where they cross
    /// between rows leave gaps that grow as the skew shrinks, but never longer than the pieces either side of them.
    /// </summary>
    public const double MaxGap = 1.0 / 6;

    /// <summary>
    /// <paramref name="lines"/> (one direction) with pieces lying on one line one after the other (two lines side by
    /// side, a double border, stay two) joined across gaps that no lines of <paramref name="across"/> (the other
    /// direction) bound: not both ends of the gap meeting a line across (<see cref="Meets"/>), the gap no longer than
    /// <paramref name="maxGap"/> pixels nor than either piece beside it.
    /// </summary>
    public static List<Ruling> Join(List<Ruling> lines, IReadOnlyList<Ruling> across, double reach, int maxGap)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(across);
        if (lines.Count < 2)
        {
            return lines;
        }

        var result = new List<Ruling>(lines.Count);
        foreach (var group in Collinear(lines))
        {
            var chain = new List<Ruling> { group[0] };
            foreach (var next in group.Skip(1))
            {
                var last = chain[^1];
                var end = chain.Max(p => p.To);
                var gap = next.From - end - 1;
                var at = (last.At + next.At) / 2;
                if (gap < 0 || gap > maxGap || gap > last.Length || gap > next.Length
                    || (Meets(across, at, end - (2 * reach), end + reach, reach) && Meets(across, at, next.From - reach, next.From + (2 * reach), reach)))
                {
                    result.AddRange(Closed(chain, across, reach));
                    chain = [next];
                    continue;
                }

                chain.Add(next);
            }

            result.AddRange(Closed(chain, across, reach));
        }

        return result;
    }

    /// <summary>Groups of pieces whose places across differ by no more than the thicker's thickness (two pixels at least), each in order along.</summary>
    private static IEnumerable<List<Ruling>> Collinear(List<Ruling> lines)
    {
        var sorted = lines.OrderBy(r => r.At).ToList();
        var group = new List<Ruling> { sorted[0] };
        foreach (var line in sorted.Skip(1))
        {
            var previous = group[^1];
            if (line.At - previous.At > Math.Max(2, Math.Max(line.Thickness, previous.Thickness)))
            {
                yield return [.. group.OrderBy(r => r.From)];
                group = [];
            }

            group.Add(line);
        }

        yield return [.. group.OrderBy(r => r.From)];
    }

    /// <summary>
    /// Whether a line across stands between <paramref name="from"/> and <paramref name="to"/> along, reaching the line at
    /// <paramref name="at"/>. A gap's end is looked at from twice the reach inside its piece to the reach beyond it: a
    /// piece runs on a little past the wall it stops at where other ink touches it (a seal's ring).
    /// </summary>
    private static bool Meets(IReadOnlyList<Ruling> across, double at, double from, double to, double reach) =>
        across.Any(a => a.At >= from && a.At <= to && a.From - reach <= at && a.To + reach >= at);

    /// <summary>The chain's pieces as one line when there are several and that line meets a line across; else the pieces as they were.</summary>
    private static List<Ruling> Closed(List<Ruling> chain, IReadOnlyList<Ruling> across, double reach)
    {
        if (chain.Count == 1)
        {
            return chain;
        }

        var length = chain.Sum(p => (double)p.Length);
        var joined = chain[0] with
        {
            From = chain.Min(p => p.From),
            To = chain.Max(p => p.To),
            At = chain.Sum(p => p.At * p.Length) / length,
            Thickness = chain.Sum(p => p.Thickness * p.Length) / length,
        };
        return Meets(across, joined.At, joined.From - reach, joined.To + reach, reach) ? [joined] : chain;
    }
}
