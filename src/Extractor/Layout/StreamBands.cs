using System.Collections.Immutable;
using Extractor.Domain;
using Extractor.Model;
using Extractor.Sources;
using Extractor.Text;

namespace Extractor.Layout;

/// <summary>Horizontal bands of a table without rulings: the header rows that fix its columns, and the rows (blocks that overlap vertically).</summary>
internal static class StreamBands
{
    /// <summary>Groups of header cells on one row: a row naming several columns of one kind of header.</summary>
    public static List<List<(TextBlock Block, ColumnRole Role)>> HeaderBands(List<TextBlock> blocks)
    {
        var candidates = blocks
            .Select(b => (Block: b, Text: HeaderNames.StripMarks(b.Text)))
            .Where(x => HeaderNames.IndicatorColumn(x.Text) != ColumnRole.Unknown || HeaderNames.FundColumn(x.Text) != ColumnRole.Unknown
                || HeaderNames.GoalsColumn(x.Text) != ColumnRole.Unknown || Vocabulary.IsTableLabel(x.Text))
            .ToList();

        var bands = new List<List<(TextBlock Block, string Text)>>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Block.Top))
        {
            var band = bands.FirstOrDefault(b => b.Any(x => x.Block.OverlapsVertically(candidate.Block)));
            if (band is null)
            {
                bands.Add([candidate]);
            }
            else
            {
                band.Add(candidate);
            }
        }

        var result = new List<List<(TextBlock Block, ColumnRole Role)>>();
        foreach (var band in bands)
        {
            var indicator = band.Select(x => HeaderNames.IndicatorColumn(x.Text)).ToList();
            var funds = band.Select(x => HeaderNames.FundColumn(x.Text)).ToList();
            var goals = band.Select(x => HeaderNames.GoalsColumn(x.Text)).ToList();
            var indicatorNames = indicator.Count(r => r is not (ColumnRole.Unknown or ColumnRole.Weight or ColumnRole.Score));
            var budgetNames = funds.Count(r => r is ColumnRole.InitialBudget or ColumnRole.AnnualBudget or ColumnRole.Executed or ColumnRole.ExecutionRate);
            List<ColumnRole>? roles = indicatorNames >= 2 ? indicator : budgetNames >= 2 ? funds : goals.Count(r => r != ColumnRole.Unknown) >= 2 ? goals : null;
            if (roles is not null)
            {
                result.Add([.. band.Select((x, i) => (x.Block, roles[i]))]);
            }
        }

        return result;
    }

    public static StreamZone ZoneFrom(List<(TextBlock Block, ColumnRole Role)> header) =>
        new([.. header.OrderBy(h => h.Block.CenterX).Select(h => new StreamColumn(h.Block.Left, h.Block.Right, h.Role, IsSpanning(h.Role, h.Block.Text)))]);

    public static bool IsSpanning(ColumnRole role, string text) =>
        role is ColumnRole.Level1 or ColumnRole.Level2 || (role == ColumnRole.Unknown && Vocabulary.IsTableLabel(text));

    public static bool IsHeaderCell(TextBlock block)
    {
        var text = HeaderNames.StripMarks(block.Text);
        return HeaderNames.IndicatorColumn(text) != ColumnRole.Unknown || HeaderNames.FundColumn(text) != ColumnRole.Unknown
            || HeaderNames.GoalsColumn(text) != ColumnRole.Unknown;
    }

    /// <summary>Rows: blocks that overlap vertically (by more than a sliver), top row first.</summary>
    public static List<List<TextBlock>> Bands(List<TextBlock> blocks, LayoutOptions options)
    {
        var bands = new List<List<TextBlock>>();
        var extents = new List<(double Top, double Bottom, double MinHeight)>();

        // Blocks come top first: a band whose bottom is at or above this block's top cannot overlap it or any
        // later block (and, taking none, never grows down), so it leaves the candidates for good.
        var open = new List<int>();
        foreach (var block in blocks.OrderByDescending(b => b.Top))
        {
            var index = -1;
            open.RemoveAll(i => extents[i].Bottom >= block.Top);
            foreach (var i in open)
            {
                var overlap = Math.Min(block.Top, extents[i].Top) - Math.Max(block.Bottom, extents[i].Bottom);
                if (overlap > Math.Max(0.5, options.BandOverlap * Math.Min(block.Top - block.Bottom, extents[i].MinHeight)))
                {
                    index = i;
                    break;
                }
            }

            if (index < 0)
            {
                open.Add(bands.Count);
                bands.Add([block]);
                extents.Add((block.Top, block.Bottom, block.Top - block.Bottom));
            }
            else
            {
                bands[index].Add(block);
                var e = extents[index];
                extents[index] = (Math.Max(e.Top, block.Top), Math.Min(e.Bottom, block.Bottom), Math.Min(e.MinHeight, block.Top - block.Bottom));
            }
        }

        return bands;
    }
}
