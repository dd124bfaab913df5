namespace Extractor.Pdf.Fonts;

/// <summary>
/// Finds which of many code ranges applies to a code when ranges may overlap and the one defined last wins
/// (broken CMaps, and mappings that override a <c>usecmap</c> parent). The ranges are cut once into
/// disjoint segments, each knowing its winner, so a lookup is a binary search however many ranges a file
/// defines (a linear scan per glyph let 300,000 ranges stall a page).
/// </summary>
internal sealed class RangeIndex
{
    private readonly long[] starts;
    private readonly long[] ends;
    private readonly int[] winners;

    private RangeIndex(long[] starts, long[] ends, int[] winners)
    {
        this.starts = starts;
        this.ends = ends;
        this.winners = winners;
    }

    /// <summary>An index with no ranges.</summary>
    public static RangeIndex Empty { get; } = new([], [], []);

    /// <summary>Indexes <paramref name="count"/> ranges given in definition order by <paramref name="range"/>; empty ranges (high below low) never apply.</summary>
    public static RangeIndex Build(int count, Func<int, (long Low, long High)> range)
    {
        if (count == 0)
        {
            return Empty;
        }

        // Sweep over the range ends; at each point the active range defined last wins.
        var events = new List<(long At, int Range, bool Opens)>(count * 2);
        for (int i = 0; i < count; i++)
        {
            var (low, high) = range(i);
            if (high >= low)
            {
                events.Add((low, i, true));
                events.Add((high + 1, i, false));
            }
        }

        events.Sort((a, b) => a.At.CompareTo(b.At));
        var active = new PriorityQueue<int, int>();
        var open = new bool[count];
        var segmentStarts = new List<long>();
        var segmentEnds = new List<long>();
        var segmentWinners = new List<int>();
        int e = 0;
        while (e < events.Count)
        {
            long at = events[e].At;
            for (; e < events.Count && events[e].At == at; e++)
            {
                var (_, index, opens) = events[e];
                open[index] = opens;
                if (opens)
                {
                    active.Enqueue(index, -index);
                }
            }

            while (active.TryPeek(out int top, out _) && !open[top])
            {
                active.Dequeue();
            }

            if (e == events.Count || !active.TryPeek(out int winner, out _))
            {
                continue;
            }

            long end = events[e].At - 1;
            if (segmentWinners.Count > 0 && segmentWinners[^1] == winner && segmentEnds[^1] == at - 1)
            {
                segmentEnds[^1] = end;
            }
            else
            {
                segmentStarts.Add(at);
                segmentEnds.Add(end);
                segmentWinners.Add(winner);
            }
        }

        return new RangeIndex([.. segmentStarts], [.. segmentEnds], [.. segmentWinners]);
    }

    /// <summary>The index (in definition order) of the range that applies to <paramref name="key"/>, or −1.</summary>
    public int Find(long key)
    {
        int lo = 0, hi = starts.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (key < starts[mid])
            {
                hi = mid - 1;
            }
            else if (key > ends[mid])
            {
                lo = mid + 1;
            }
            else
            {
                return winners[mid];
            }
        }

        return -1;
    }
}
