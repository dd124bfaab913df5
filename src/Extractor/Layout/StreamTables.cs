using System.Collections.Immutable;
using Extractor.Grammar;
using Extractor.Model;

namespace Extractor.Layout;

/// <summary>
/// Reads tables drawn without rulings (and OCR words) into rows. Glyphs become chunks of lines, chunks
/// stacked in one cell become blocks; a header row (一级指标 … 偏差原因分析及改进措施, 年初预算数 … 得分,
/// 预期目标 / 实际完成情况) fixes the columns below it, the gutters between columns are found where no text
/// lies, and a row is the set of blocks of the row columns that overlap vertically. Label columns that span
/// several rows (一级, 二级, 绩效指标) put their text on the first row they reach.
/// </summary>
public static class StreamTables
{
    /// <summary>Between two CJK glyphs (no spaces in Chinese text), a gap wider than this share of the font size is a cell boundary.</summary>
    private const double CjkGap = 0.25;

    /// <summary>Between other glyphs (Latin words are spaced), a gap wider than this share of the font size is a cell boundary.</summary>
    private const double LatinGap = 0.6;

    /// <summary>Outside tables, only a gap wider than this many font sizes separates cells (titles may be letter-spaced).</summary>
    private const double FreeGap = 2.5;

    /// <summary>Cost, in rows, of leaving a row outside every label group of a column (an empty merged cell).</summary>
    private const double UnlabelledCost = 0.4;

    /// <summary>Cost, in rows, of a placement against the way producers print labels (centred, or at the top of a cut cell).</summary>
    private const double MisplacedCost = 1.0;

    /// <summary>
    /// Reads the glyphs outside ruled tables of every page. A table without rulings that runs on over
    /// several pages is read as one: the pages' rows follow each other, so a label printed at the middle of
    /// a merged cell that a page break cuts still finds its rows. A page with ruled tables ends such a table.
    /// </summary>
    /// <returns>For each page, its rows with the top of each.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired (checked page by page and table by table).</exception>
    public static List<List<(double Top, ImmutableArray<RowCell> Cells)>> Read(IReadOnlyList<StreamPage> pages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var segments = new List<Segment>();
        StreamZone? carry = null;
        foreach (var page in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var blocks = Blocks(page.Glyphs);
            if (page.Ruled)
            {
                carry = null;
            }

            // Zone starts: header rows and titles, top to bottom.
            var starts = HeaderBands(blocks)
                .Select(b => (Top: b.Max(x => x.Block.Top), Zone: (StreamZone?)ZoneFrom(b)))
                .Concat(blocks.Where(IsTitle).Select(b => (b.Top, Zone: (StreamZone?)null)))
                .OrderByDescending(s => s.Top)
                .ToList();

            var current = new Segment(page.Number, carry, carry is not null);
            segments.Add(current);
            var next = 0;
            foreach (var block in blocks.OrderByDescending(b => b.Top))
            {
                while (next < starts.Count && block.Top <= starts[next].Top + 0.5)
                {
                    current = new Segment(page.Number, starts[next].Zone, false);
                    segments.Add(current);
                    next++;
                }

                current.Blocks.Add(block);
            }

            carry = page.Ruled ? null : current.Zone;
        }

        var rows = pages.Select(_ => new List<(double Top, ImmutableArray<RowCell> Cells)>()).ToList();
        var pageIndex = pages.Select((p, i) => (p.Number, i)).ToDictionary(x => x.Number, x => x.i);
        for (var i = 0; i < segments.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (segments[i].Blocks.Count == 0 && !(segments[i].Zone is not null && !segments[i].Continued))
            {
                continue;
            }

            if (segments[i].Zone is null)
            {
                var glyphs = segments[i].Blocks.SelectMany(b => b.Glyphs).ToList();
                rows[pageIndex[segments[i].Page]].AddRange(ReadFree(Stack(Chunks(glyphs, null, fine: false)), segments[i].Page));
                continue;
            }

            // A table and the segments that continue it on the following pages.
            var chain = new List<Segment> { segments[i] };
            while (i + 1 < segments.Count && segments[i + 1].Continued && ReferenceEquals(segments[i + 1].Zone, segments[i].Zone))
            {
                chain.Add(segments[++i]);
            }

            foreach (var (segment, segmentRows) in ReadChain(chain))
            {
                rows[pageIndex[segment.Page]].AddRange(segmentRows);
            }
        }

        return rows;
    }

    /// <summary>Blocks of one page that belong to one table (or to the text between tables).</summary>
    private sealed class Segment(int page, StreamZone? zone, bool continued)
    {
        public int Page { get; } = page;

        public StreamZone? Zone { get; } = zone;

        public bool Continued { get; } = continued;

        public List<TextBlock> Blocks { get; } = [];
    }

    private static bool IsTitle(TextBlock block)
    {
        var text = block.Text;
        return text.Length <= 60 && text.Contains("自评表", StringComparison.Ordinal);
    }

    /// <summary>Chunks of lines, stacked into blocks where one sits just under another in the same column.</summary>
    private static List<TextBlock> Blocks(IReadOnlyList<Glyph> glyphs) => Stack(Chunks(glyphs, null, fine: true));

    /// <summary>
    /// Lines split into chunks at gaps (fine: the smallest gap that can part two cells; otherwise only wide
    /// gaps) and, when columns are known, at every column boundary.
    /// </summary>
    private static List<TextBlock> Chunks(IEnumerable<Glyph> glyphs, List<StreamColumn>? columns, bool fine)
    {
        var chunks = new List<TextBlock>();
        foreach (var line in GlyphText.Lines(glyphs.Where(g => !string.IsNullOrWhiteSpace(g.Text))))
        {
            var current = new List<Glyph> { line[0] };
            for (var i = 1; i < line.Count; i++)
            {
                var gap = line[i].Left - line[i - 1].Right;
                var size = Math.Max(line[i].FontSize, line[i - 1].FontSize);
                var limit = !fine ? FreeGap : IsCjk(line[i]) && IsCjk(line[i - 1]) ? CjkGap : LatinGap;
                var split = gap > limit * size
                    || (columns is not null && ColumnOf(columns, line[i].CenterX) != ColumnOf(columns, line[i - 1].CenterX));
                if (split)
                {
                    chunks.Add(new TextBlock(current));
                    current = [];
                }

                current.Add(line[i]);
            }

            chunks.Add(new TextBlock(current));
        }

        return chunks;
    }

    private static bool IsCjk(Glyph glyph)
    {
        var text = glyph.Text;
        if (text.Length == 0)
        {
            return false;
        }

        var codePoint = char.IsHighSurrogate(text[0]) && text.Length > 1 ? char.ConvertToUtf32(text[0], text[1]) : text[0];
        return Normalize.WhitespaceRule.IsCjk(codePoint);
    }

    /// <summary>Stacks chunks into blocks: a chunk just under a block, overlapping it, within the leading, joins it.</summary>
    private static List<TextBlock> Stack(List<TextBlock> chunks)
    {
        var ordered = chunks.OrderByDescending(c => c.Top).ThenBy(c => c.Left).ToList();
        var leading = Leading(ordered);
        var blocks = new List<TextBlock>();

        // Chunks come top first, so a block more than the leading above this chunk is above every later one
        // too (and, taking no chunk, never grows down): it leaves the candidates for good. Without this,
        // a page of scattered glyphs compared every chunk with every block.
        var open = new List<TextBlock>();
        foreach (var chunk in ordered)
        {
            TextBlock? best = null;
            var bestOverlap = 0.0;
            open.RemoveAll(block => !(block.Bottom - chunk.Top <= leading));
            foreach (var block in open)
            {
                var gap = block.Bottom - chunk.Top;
                var overlap = block.HorizontalOverlap(chunk);
                var narrower = Math.Min(block.Right - block.Left, chunk.Right - chunk.Left);
                if (gap >= -0.25 * chunk.LineHeight && gap <= leading
                    && overlap > 0.3 * narrower && overlap > bestOverlap && CanStack(block, chunk))
                {
                    best = block;
                    bestOverlap = overlap;
                }
            }

            if (best is null)
            {
                blocks.Add(chunk);
                open.Add(chunk);
            }
            else
            {
                best.Absorb(chunk);
            }
        }

        return blocks;
    }

    /// <summary>
    /// The largest gap between two lines of one cell. Lines wrapped inside a cell are set with the
    /// document's line spacing, so the smallest gap that recurs between text chunks stacked one under the
    /// other is that spacing; rows are further apart by the cells' padding.
    /// </summary>
    private static double Leading(List<TextBlock> chunks)
    {
        var gaps = new List<double>();
        var heights = new List<double>();
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            heights.Add(chunk.LineHeight);
            if (IsValue(chunk.Text))
            {
                continue;
            }

            var nearest = double.MaxValue;
            for (var j = i - 1; j >= 0; j--)
            {
                var above = chunks[j];
                var gap = above.Bottom - chunk.Top;
                if (gap > 2 * chunk.LineHeight)
                {
                    break;
                }

                var narrower = Math.Min(above.Right - above.Left, chunk.Right - chunk.Left);
                if (gap > -0.25 * chunk.LineHeight && above.HorizontalOverlap(chunk) > 0.3 * narrower && !IsValue(above.Text))
                {
                    nearest = Math.Min(nearest, gap);
                }
            }

            if (nearest < 1.5 * chunk.LineHeight)
            {
                gaps.Add(nearest);
            }
        }

        var height = heights.Count == 0 ? 10 : heights.Order().ElementAt(heights.Count / 2);
        gaps.Sort();
        var tolerance = Math.Max(0.6, 0.05 * height);
        for (var i = 0; i < gaps.Count; i++)
        {
            var members = 1;
            while (i + members < gaps.Count && gaps[i + members] - gaps[i] <= tolerance)
            {
                members++;
            }

            if (members >= Math.Max(2, gaps.Count / 20))
            {
                return gaps[i + members - 1] + Math.Max(1.0, 0.15 * height);
            }
        }

        // No line wraps inside a cell: nothing stacks but lines set solid.
        return 0.1 * height;
    }

    private static bool IsValue(string text)
    {
        var kind = CellKind.Of(text);
        return kind.IsNumeric || kind.IsNumericMeasure || kind.IsPlaceholder;
    }

    /// <summary>
    /// Numbers and measures never wrap: two of them stacked are two cells, not one. Lines of clearly
    /// different sizes (a title over its year line) are not one cell either.
    /// </summary>
    private static bool CanStack(TextBlock block, TextBlock chunk)
    {
        if (IsValue(GlyphText.LineText(block.Lines[^1])) && IsValue(chunk.Text))
        {
            return false;
        }

        var ratio = block.LineHeight / chunk.LineHeight;
        return ratio is > 0.8 and < 1.25;
    }

    /// <summary>Groups of header cells on one row: a row naming several columns of one kind of header.</summary>
    private static List<List<(TextBlock Block, ColumnRole Role)>> HeaderBands(List<TextBlock> blocks)
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

    private static StreamZone ZoneFrom(List<(TextBlock Block, ColumnRole Role)> header) =>
        new([.. header.OrderBy(h => h.Block.CenterX).Select(h => new StreamColumn(h.Block.Left, h.Block.Right, h.Role, IsSpanning(h.Role, h.Block.Text)))]);

    private static bool IsSpanning(ColumnRole role, string text) =>
        role is ColumnRole.Level1 or ColumnRole.Level2 || (role == ColumnRole.Unknown && Vocabulary.IsTableLabel(text));

    /// <summary>Text outside tables: rows are blocks that overlap vertically, cells in left-to-right order.</summary>
    private static IEnumerable<(double Top, ImmutableArray<RowCell> Cells)> ReadFree(List<TextBlock> blocks, int page)
    {
        foreach (var band in Bands(blocks))
        {
            var cells = band.OrderBy(b => b.Left).Select((b, i) => Cell(i, [b])).Where(c => c.Text.Length > 0).ToImmutableArray();
            if (!cells.IsEmpty)
            {
                yield return (band.Max(b => b.Top), cells);
            }
        }
    }

    /// <summary>
    /// Reads one table over the pages it covers. Each page's rows are found on that page; then the pages'
    /// rows are laid end to end (each page's table continues where the last page's stopped) so that the
    /// label columns can be placed over the whole table.
    /// </summary>
    private static List<(Segment Segment, List<(double Top, ImmutableArray<RowCell> Cells)> Rows)> ReadChain(List<Segment> chain)
    {
        var zone = chain[0].Zone!;
        var columns = Columns([.. chain.SelectMany(s => s.Blocks).SelectMany(b => b.Glyphs)], zone);

        // Rows of every page, in one sequence with a continuous vertical position.
        var rows = new List<(int Segment, List<TextBlock> Band, double Top, double Bottom)>();
        var labels = new List<(int Column, TextBlock Block, int Segment, double Top, double Bottom)>();
        var spanningHeaders = new List<(int Segment, int Column, TextBlock Block)>();
        var perSegment = new List<(List<(TextBlock Block, int Column)> ByColumn, List<List<TextBlock>> Bands)>();
        var offset = 0.0;
        for (var s = 0; s < chain.Count; s++)
        {
            var blocks = Stack(Chunks(chain[s].Blocks.SelectMany(b => b.Glyphs), columns, fine: true));
            var byColumn = blocks.Select(b => (Block: b, Column: ColumnOf(columns, b.CenterX))).ToList();
            var bands = Bands(byColumn.Where(x => !columns[x.Column].Spanning).Select(x => x.Block).ToList());
            if (bands.Count == 0)
            {
                bands = Bands(blocks);
            }

            // A label clear of every row is a row of its own: a category printed with no indicators under it.
            foreach (var (block, _) in byColumn.Where(x => columns[x.Column].Spanning && !IsHeaderCell(x.Block)))
            {
                var clear = bands.All(b => !(block.Top > b.Min(x => x.Bottom) + 0.5 && block.Bottom < b.Max(x => x.Top) - 0.5));
                var within = bands.Count > 0 && block.Top < bands[0].Max(b => b.Top) && block.Bottom > bands[^1].Min(b => b.Bottom);
                if (clear && within)
                {
                    bands.Add([block]);
                }
            }

            bands.Sort((a, b) => b.Max(x => x.Top).CompareTo(a.Max(x => x.Top)));
            perSegment.Add((byColumn, bands));
            if (bands.Count == 0)
            {
                continue;
            }

            if (rows.Count > 0)
            {
                offset = rows[^1].Bottom - bands[0].Max(b => b.Top);
            }

            foreach (var band in bands)
            {
                rows.Add((s, band, band.Max(b => b.Top) + offset, band.Min(b => b.Bottom) + offset));
            }

            foreach (var (block, column) in byColumn.Where(x => columns[x.Column].Spanning))
            {
                if (IsHeaderCell(block))
                {
                    spanningHeaders.Add((s, column, block));
                }
                else
                {
                    labels.Add((column, block, s, block.Top + offset, block.Bottom + offset));
                }
            }
        }

        var cells = rows.Select(_ => new SortedDictionary<int, List<TextBlock>>()).ToList();
        var rowOf = new Dictionary<TextBlock, int>();
        for (var r = 0; r < rows.Count; r++)
        {
            foreach (var block in rows[r].Band)
            {
                rowOf[block] = r;
            }
        }

        int RowOf(int segment, TextBlock block)
        {
            if (rowOf.TryGetValue(block, out var r))
            {
                return r;
            }

            var center = (block.Top + block.Bottom) / 2;
            var best = rows.Select((row, i) => (row, i)).Where(x => x.row.Segment == segment)
                .OrderBy(x => Math.Abs(((x.row.Band.Max(b => b.Top) + x.row.Band.Min(b => b.Bottom)) / 2) - center))
                .Select(x => x.i).DefaultIfEmpty(0).First();
            return best;
        }

        for (var s = 0; s < chain.Count; s++)
        {
            foreach (var (block, column) in perSegment[s].ByColumn.Where(x => !columns[x.Column].Spanning))
            {
                if (rows.Count > 0)
                {
                    Add(cells[RowOf(s, block)], column, block);
                }
            }
        }

        var headerRow = rows.FindIndex(r => r.Band.Any(IsHeaderCell));
        foreach (var (segment, column, block) in spanningHeaders)
        {
            Add(cells[RowOf(segment, block)], column, block);
        }

        foreach (var group in labels.GroupBy(l => l.Column))
        {
            // Halves of one label cut by a page break lie end to end: one label.
            var merged = new List<(List<TextBlock> Blocks, double Top, double Bottom)>();
            foreach (var label in group.OrderByDescending(l => l.Top))
            {
                if (merged.Count > 0 && label.Segment != SegmentOf(merged[^1].Blocks[^1], chain, perSegment)
                    && IsOneLabel(merged[^1].Blocks, label.Block, merged[^1].Bottom - label.Top))
                {
                    merged[^1] = ([.. merged[^1].Blocks, label.Block], merged[^1].Top, label.Bottom);
                }
                else
                {
                    merged.Add(([label.Block], label.Top, label.Bottom));
                }
            }

            var first = columns[group.Key].Role == ColumnRole.Unknown || headerRow < 0 ? 0 : headerRow + 1;

            // The 总分 row closes the table: no label group runs into it.
            var end = rows.FindIndex(first, r => r.Band.Any(b => Vocabulary.IsTotalLabel(b.Text)));
            var labelled = end < 0 ? rows : rows[..end];
            var starts = GroupStarts(
                [.. labelled.Select(r => r.Top)],
                [.. labelled.Select(r => r.Bottom)],
                [.. labelled.Select(r => r.Segment)],
                [.. merged.Select(m => (m.Top, m.Bottom))],
                first);
            for (var i = 0; i < merged.Count; i++)
            {
                // Each part stays on its own page: a part from a later page goes on the group's first row there.
                foreach (var block in merged[i].Blocks)
                {
                    var segment = SegmentOf(block, chain, perSegment);
                    var row = starts[i];
                    while (rows[row].Segment < segment && row + 1 < rows.Count)
                    {
                        row++;
                    }

                    Add(cells[row], group.Key, block);
                }
            }
        }

        var result = chain.Select(segment => (segment, new List<(double Top, ImmutableArray<RowCell> Cells)>())).ToList();
        for (var r = 0; r < rows.Count; r++)
        {
            var rowCells = cells[r]
                .Select(c => Cell(c.Key, c.Value))
                .Where(c => c.Text.Length > 0)
                .ToImmutableArray();
            if (!rowCells.IsEmpty)
            {
                result[rows[r].Segment].Item2.Add((rows[r].Band.Max(b => b.Top), rowCells));
            }
        }

        return result;
    }

    /// <summary>
    /// True when a label at the top of a page continues the label at the bottom of the page before: together
    /// they make a known label while neither does alone, or they lie end to end.
    /// </summary>
    private static bool IsOneLabel(List<TextBlock> before, TextBlock after, double gap)
    {
        var first = Normalize.WhitespaceRule.Join(before.Select(b => b.Text));
        var joined = Normalize.WhitespaceRule.Join(first, after.Text);
        static bool Known(string text) => Vocabulary.Level1Of(text) is not null || Vocabulary.Level2Of(text) is not null || Vocabulary.IsTableLabel(text);
        if (Known(joined) && !Known(first) && !Known(after.Text))
        {
            return true;
        }

        return gap <= 1.5 * after.LineHeight && !Known(first) && !Known(after.Text);
    }

    private static int SegmentOf(TextBlock block, List<Segment> chain, List<(List<(TextBlock Block, int Column)> ByColumn, List<List<TextBlock>> Bands)> perSegment)
    {
        for (var s = 0; s < perSegment.Count; s++)
        {
            if (perSegment[s].ByColumn.Any(x => ReferenceEquals(x.Block, block)))
            {
                return s;
            }
        }

        return chain.Count - 1;
    }

    private static void Add(SortedDictionary<int, List<TextBlock>> cells, int column, TextBlock block)
    {
        if (!cells.TryGetValue(column, out var list))
        {
            cells[column] = list = [];
        }

        list.Add(block);
    }

    private static bool IsHeaderCell(TextBlock block)
    {
        var text = HeaderNames.StripMarks(block.Text);
        return HeaderNames.IndicatorColumn(text) != ColumnRole.Unknown || HeaderNames.FundColumn(text) != ColumnRole.Unknown
            || HeaderNames.GoalsColumn(text) != ColumnRole.Unknown;
    }

    /// <summary>
    /// The first row of each label's group. A merged label cell is printed at the middle of the rows it
    /// spans, and the groups of one column follow each other down the table; so the groups are the
    /// placement, in order, that puts every label nearest the middle of its rows. Rows may stay outside
    /// every group (an empty merged cell) at a
    /// small cost per row, so that an exact centred group is always preferred. Positions are continuous over
    /// the pages of the table.
    /// </summary>
    private static int[] GroupStarts(double[] tops, double[] bottoms, int[] pages, (double Top, double Bottom)[] labels, int first)
    {
        var n = tops.Length;
        var m = labels.Length;
        if (m == 0 || first >= n)
        {
            return [.. labels.Select(_ => Math.Min(first, Math.Max(0, n - 1)))];
        }

        var rowHeight = Math.Max(1, (tops[first] - bottoms[n - 1]) / (n - first));

        // cost[k, i]: best cost with k labels placed and rows first..i-1 consumed.
        var cost = new double[m + 1, n + 1];
        var back = new (int K, int Row, bool Group)[m + 1, n + 1];
        for (var k = 0; k <= m; k++)
        {
            for (var i = 0; i <= n; i++)
            {
                cost[k, i] = double.PositiveInfinity;
            }
        }

        cost[0, first] = 0;
        for (var i = first; i <= n; i++)
        {
            for (var k = 0; k <= m; k++)
            {
                var here = cost[k, i];
                if (double.IsPositiveInfinity(here) || i == n)
                {
                    continue;
                }

                var skip = here + UnlabelledCost;
                if (skip < cost[k, i + 1])
                {
                    cost[k, i + 1] = skip;
                    back[k, i + 1] = (k, i, false);
                }

                if (k == m)
                {
                    continue;
                }

                var center = (labels[k].Top + labels[k].Bottom) / 2;
                var atFragmentTop = Math.Abs(tops[i] - labels[k].Top) / rowHeight;
                for (var end = i + 1; end <= n; end++)
                {
                    // A cell on one page has its text at its middle; a cell a page break cuts, at the top of a part.
                    double placement;
                    if (pages[end - 1] == pages[i])
                    {
                        placement = Math.Abs(((tops[i] + bottoms[end - 1]) / 2) - center) / rowHeight;
                    }
                    else
                    {
                        if (pages[end - 1] != pages[end - 2])
                        {
                            atFragmentTop = Math.Min(atFragmentTop, Math.Abs(tops[end - 1] - labels[k].Top) / rowHeight);
                        }

                        placement = Math.Min(atFragmentTop, MisplacedCost + (Math.Abs(((tops[i] + bottoms[end - 1]) / 2) - center) / rowHeight));
                    }

                    var total = here + placement;
                    if (total < cost[k + 1, end])
                    {
                        cost[k + 1, end] = total;
                        back[k + 1, end] = (k, i, true);
                    }
                }
            }
        }

        var starts = new int[m];
        var (kk, row) = (m, n);
        while (kk > 0)
        {
            var step = back[kk, row];
            if (step.Group)
            {
                starts[kk - 1] = step.Row;
            }

            (kk, row) = (step.K, step.Row);
        }

        return starts;
    }

    /// <summary>
    /// The zone's columns: the header's, plus columns left of the header found where the glyphs leave an
    /// empty strip (row labels, a block label); each column's extent runs to the emptiest strip between its
    /// neighbours' centres.
    /// </summary>
    private static List<StreamColumn> Columns(List<Glyph> glyphs, StreamZone zone)
    {
        var columns = zone.Columns.ToList();
        var firstLeft = columns[0].Left;
        var left = new List<StreamColumn>();
        foreach (var (from, to) in Covered(glyphs.Where(g => g.Left < firstLeft - 1)))
        {
            // A strip that runs on into the header's first column is that column's own text.
            if (to < firstLeft - 1)
            {
                left.Add(new StreamColumn(from, to, ColumnRole.Unknown, false));
            }
        }

        if (left.Count >= 2 || (left.Count == 1 && columns.All(c => c.Role is ColumnRole.GoalExpected or ColumnRole.GoalActual or ColumnRole.Unknown)))
        {
            // The outermost column is a block label (项目资金, 年度总体目标) spanning the rows beside it.
            left[0] = left[0] with { Spanning = true };
        }

        columns.InsertRange(0, left);

        // Each boundary lies where the fewest glyphs stand, between the two columns' centres.
        var result = new List<StreamColumn>();
        var previous = double.NegativeInfinity;
        for (var i = 0; i < columns.Count; i++)
        {
            var right = double.PositiveInfinity;
            if (i + 1 < columns.Count)
            {
                right = Gutter(glyphs, (columns[i].Left + columns[i].Right) / 2, (columns[i + 1].Left + columns[i + 1].Right) / 2);
            }

            result.Add(columns[i] with { Left = previous, Right = right });
            previous = right;
        }

        return result;
    }

    /// <summary>The x-intervals covered by glyphs, split where an empty strip at least 2 points wide runs through.</summary>
    private static List<(double From, double To)> Covered(IEnumerable<Glyph> glyphs)
    {
        var intervals = new List<(double From, double To)>();
        foreach (var g in glyphs.OrderBy(g => g.Left))
        {
            if (intervals.Count > 0 && g.Left <= intervals[^1].To + 2)
            {
                intervals[^1] = (intervals[^1].From, Math.Max(intervals[^1].To, g.Right));
            }
            else
            {
                intervals.Add((g.Left, g.Right));
            }
        }

        return intervals;
    }

    /// <summary>
    /// Where between two column centres the fewest glyphs stand (the middle of the widest such stretch):
    /// a coverage count over half-point steps, built once from the glyphs that reach into the span.
    /// </summary>
    private static double Gutter(List<Glyph> glyphs, double from, double to)
    {
        const double Step = 0.5;
        if (to - from < 2)
        {
            return (from + to) / 2;
        }

        var steps = (int)Math.Ceiling((to - from) / Step);
        var delta = new int[steps + 2];
        foreach (var g in glyphs)
        {
            if (g.Right <= from || g.Left >= to)
            {
                continue;
            }

            // Steps x = from + (i + 1) · Step with Left < x < Right.
            var first = Math.Max(0, (int)Math.Floor((g.Left - from) / Step));
            var last = Math.Min(steps - 1, (int)Math.Ceiling((g.Right - from) / Step) - 2);
            if (first <= last)
            {
                delta[first]++;
                delta[last + 1]--;
            }
        }

        var bestCount = int.MaxValue;
        var bestStart = 0;
        var bestEnd = 0;
        var runStart = 0;
        var runCount = -1;
        var count = 0;
        for (var i = 0; i < steps - 1; i++)
        {
            count += delta[i];
            if (count != runCount)
            {
                runStart = i;
                runCount = count;
            }

            if (count < bestCount || (count == bestCount && i - runStart > bestEnd - bestStart))
            {
                bestCount = count;
                bestStart = runStart;
                bestEnd = i;
            }
        }

        return from + ((bestStart + bestEnd + 2) * Step / 2);
    }

    private static int ColumnOf(List<StreamColumn> columns, double x)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (x < columns[i].Right)
            {
                return i;
            }
        }

        return columns.Count - 1;
    }

    /// <summary>Rows: blocks that overlap vertically (by more than a sliver), top row first.</summary>
    private static List<List<TextBlock>> Bands(List<TextBlock> blocks)
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
                if (overlap > Math.Max(0.5, 0.3 * Math.Min(block.Top - block.Bottom, extents[i].MinHeight)))
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

    /// <summary>The band a block belongs to: the one holding it, or the nearest.</summary>
    private static int BandOf(List<List<TextBlock>> bands, TextBlock block)
    {
        var best = 0;
        var bestDistance = double.MaxValue;
        for (var i = 0; i < bands.Count; i++)
        {
            if (bands[i].Contains(block))
            {
                return i;
            }

            var top = bands[i].Max(b => b.Top);
            var bottom = bands[i].Min(b => b.Bottom);
            var distance = Math.Abs(((top + bottom) / 2) - ((block.Top + block.Bottom) / 2));
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = i;
            }
        }

        return best;
    }

    /// <summary>A cell from its blocks (in the order given: top first, pages in order), with one box per page.</summary>
    private static RowCell Cell(int column, List<TextBlock> blocks)
    {
        var text = Normalize.WhitespaceRule.Join(blocks.Select(b => b.Text));
        var boxes = blocks.SelectMany(b => b.Glyphs)
            .GroupBy(g => g.Source.Page)
            .Select(g => new PageBox(g.Key, g.Min(x => x.Source.X0), g.Min(x => x.Source.Y0), g.Max(x => x.Source.X1), g.Max(x => x.Source.Y1)))
            .ToImmutableArray();
        return new RowCell(column, text, boxes);
    }
}
