using System.Collections.Immutable;
using Extractor.Model;
using Extractor.Sources;
using Extractor.Domain;
using Extractor.Text;

namespace Extractor.Layout;

/// <summary>
/// Reads tables drawn without rulings (and OCR words) into rows. Glyphs become chunks of lines, chunks
/// stacked in one cell become blocks; a header row (一级指标 … 偏差原因分析及改进措施, 年初预算数 … 得分,
/// 预期目标 / 实际完成情况) fixes the columns below it, the gutters between columns are found where no text
/// lies, and a row is the set of blocks of the row columns that overlap vertically. Label columns that span
/// several rows (一级, 二级, 绩效指标) put their text on the first row they reach.
/// </summary>
internal sealed class StreamLayout(LayoutOptions options) : ILayoutStrategy
{
    /// <inheritdoc/>
    public LayoutPass Read(IReadOnlyList<LayoutPage> pages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var rows = ReadPages(pages, cancellationToken);
        return new LayoutPass(
            [.. rows.Select(r => (IReadOnlyList<PlacedRow>)[.. r.Select(x => new PlacedRow(x.Top, x.Cells, []))])],
            [.. pages.Select(p => p with { Glyphs = [] })]);
    }

    /// <summary>
    /// Reads the glyphs outside ruled tables of every page. A table without rulings that runs on over
    /// several pages is read as one: the pages' rows follow each other, so a label printed at the middle of
    /// a merged cell that a page break cuts still finds its rows. A page with ruled tables ends such a table.
    /// </summary>
    /// <returns>For each page, its rows with the top of each.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired (checked page by page and table by table).</exception>
    private List<List<(double Top, ImmutableArray<RowCell> Cells)>> ReadPages(IReadOnlyList<LayoutPage> pages, CancellationToken cancellationToken)
    {
        var segments = new List<Segment>();
        StreamZone? carry = null;
        foreach (var page in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var blocks = StreamChunks.Blocks(page.Glyphs, options);
            if (page.Ruled)
            {
                carry = null;
            }

            // Zone starts: header rows and titles, top to bottom.
            var starts = StreamBands.HeaderBands(blocks)
                .Select(b => (Top: b.Max(x => x.Block.Top), Zone: (StreamZone?)StreamBands.ZoneFrom(b)))
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
                rows[pageIndex[segments[i].Page]].AddRange(ReadFree(StreamChunks.Stack(StreamChunks.Chunks(glyphs, null, fine: false, options), options), segments[i].Page));
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

    /// <summary>Text outside tables: rows are blocks that overlap vertically, cells in left-to-right order.</summary>
    private IEnumerable<(double Top, ImmutableArray<RowCell> Cells)> ReadFree(List<TextBlock> blocks, int page)
    {
        foreach (var band in StreamBands.Bands(blocks, options))
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
    private List<(Segment Segment, List<(double Top, ImmutableArray<RowCell> Cells)> Rows)> ReadChain(List<Segment> chain)
    {
        var zone = chain[0].Zone!;
        var columns = StreamColumns.Columns([.. chain.SelectMany(s => s.Blocks).SelectMany(b => b.Glyphs)], zone, options);

        // Rows of every page, in one sequence with a continuous vertical position.
        var rows = new List<(int Segment, List<TextBlock> Band, double Top, double Bottom)>();
        var labels = new List<(int Column, TextBlock Block, int Segment, double Top, double Bottom)>();
        var spanningHeaders = new List<(int Segment, int Column, TextBlock Block)>();
        var perSegment = new List<(List<(TextBlock Block, int Column)> ByColumn, List<List<TextBlock>> Bands)>();
        var offset = 0.0;
        for (var s = 0; s < chain.Count; s++)
        {
            var blocks = StreamChunks.Stack(StreamChunks.Chunks(chain[s].Blocks.SelectMany(b => b.Glyphs), columns, fine: true, options), options);
            var byColumn = blocks.Select(b => (Block: b, Column: StreamColumns.ColumnOf(columns, b.CenterX))).ToList();
            var bands = StreamBands.Bands(byColumn.Where(x => !columns[x.Column].Spanning).Select(x => x.Block).ToList(), options);
            if (bands.Count == 0)
            {
                bands = StreamBands.Bands(blocks, options);
            }

            // A label clear of every row is a row of its own: a category printed with no indicators under it,
            // or the 续表 over a page's part of the table.
            foreach (var (block, _) in byColumn.Where(x => columns[x.Column].Spanning && !StreamBands.IsHeaderCell(x.Block)))
            {
                var clear = bands.All(b => !(block.Top > b.Min(x => x.Bottom) + 0.5 && block.Bottom < b.Max(x => x.Top) - 0.5));
                var within = bands.Count > 0 && block.Top < bands[0].Max(b => b.Top) && block.Bottom > bands[^1].Min(b => b.Bottom);
                if (clear && (within || Vocabulary.IsContinuationMark(block.Text)))
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
                if (StreamBands.IsHeaderCell(block))
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

        var headerRow = rows.FindIndex(r => r.Band.Any(StreamBands.IsHeaderCell));
        foreach (var (segment, column, block) in spanningHeaders)
        {
            Add(cells[RowOf(segment, block)], column, block);
        }

        var segmentOf = new Dictionary<TextBlock, int>(ReferenceEqualityComparer.Instance);
        foreach (var label in labels)
        {
            segmentOf[label.Block] = label.Segment;
        }

        foreach (var group in labels.GroupBy(l => l.Column))
        {
            // Halves of one label cut by a page break lie end to end: one label.
            var merged = new List<(List<TextBlock> Blocks, double Top, double Bottom)>();
            foreach (var label in group.OrderByDescending(l => l.Top))
            {
                if (merged.Count > 0 && label.Segment != segmentOf[merged[^1].Blocks[^1]]
                    && StreamLabels.IsOneLabel(merged[^1].Blocks, label.Block, merged[^1].Bottom - label.Top, options))
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
            var starts = StreamLabels.GroupStarts(
                [.. labelled.Select(r => r.Top)],
                [.. labelled.Select(r => r.Bottom)],
                [.. labelled.Select(r => r.Segment)],
                [.. merged.Select(m => (m.Top, m.Bottom))],
                first,
                options);
            for (var i = 0; i < merged.Count; i++)
            {
                // Each part stays on its own page: a part from a later page goes on the group's first row there.
                foreach (var block in merged[i].Blocks)
                {
                    var segment = segmentOf[block];
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

    private static void Add(SortedDictionary<int, List<TextBlock>> cells, int column, TextBlock block)
    {
        if (!cells.TryGetValue(column, out var list))
        {
            cells[column] = list = [];
        }

        list.Add(block);
    }

    /// <summary>A cell from its blocks (in the order given: top first, pages in order), with one box per page.</summary>
    private static RowCell Cell(int column, List<TextBlock> blocks)
    {
        var text = WhitespaceRule.Join(blocks.Select(b => b.Text));
        var boxes = blocks.SelectMany(b => b.Glyphs)
            .GroupBy(g => g.Source.Page)
            .Select(g => new PageBox(g.Key, g.Min(x => x.Source.X0), g.Min(x => x.Source.Y0), g.Max(x => x.Source.X1), g.Max(x => x.Source.Y1)))
            .ToImmutableArray();
        return new RowCell(column, text, boxes) { Confidence = RowCell.LowestConfidence(blocks.SelectMany(b => b.Glyphs)) };
    }
}
