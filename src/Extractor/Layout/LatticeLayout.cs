using System.Collections.Immutable;
using Extractor.Model;
using Extractor.Sources;
using Extractor.Geometry;

namespace Extractor.Layout;

/// <summary>
/// The lattice strategy: finds ruled tables (rulings that touch form a grid; a grid edge with no ruling
/// joins the units beside it into one merged cell) and reads them cell by cell, a merged cell's text on the
/// first row it spans. The glyphs outside every ruled table are left to the next strategy.
/// </summary>
internal sealed class LatticeLayout(LayoutOptions options) : ILayoutStrategy
{
    /// <inheritdoc/>
    public LayoutPass Read(IReadOnlyList<LayoutPage> pages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var tables = pages.Select(p =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return LatticeTables.Find(p.Rulings, options.GridSnap, options.MaxGridUnits);
        }).ToList();
        var edges = ColumnEdges(tables.SelectMany(t => t), options.GridSnap);
        var rows = new List<IReadOnlyList<PlacedRow>>(pages.Count);
        var left = new List<LayoutPage>(pages.Count);
        for (var p = 0; p < pages.Count; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (pageRows, outside, ruled) = ReadRuled(pages[p], tables[p], edges);
            rows.Add(pageRows);
            left.Add(pages[p] with { Glyphs = outside, Ruled = pages[p].Ruled || ruled });
        }

        return new LayoutPass(rows, left);
    }

    /// <summary>
    /// The page's ruled-table rows with their tops, and the glyphs outside every ruled table. A cell's column
    /// is the index of its left edge among <paramref name="columnEdges"/>, the vertical grid lines of the whole
    /// document, so that a column has the same index on every page even where a page's table lacks a line.
    /// </summary>
    private static (List<PlacedRow> Rows, List<Glyph> Outside, bool Ruled) ReadRuled(
        LayoutPage page, ImmutableArray<TableGrid> tables, IReadOnlyList<double> columnEdges)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(columnEdges);
        var rows = new List<PlacedRow>();
        var inTable = new List<Glyph>[tables.Length];
        var outside = new List<Glyph>();
        foreach (var glyph in page.Glyphs)
        {
            if (string.IsNullOrWhiteSpace(glyph.Text))
            {
                continue;
            }

            var index = -1;
            for (var t = 0; t < tables.Length; t++)
            {
                if (tables[t].Contains(glyph.CenterX, glyph.CenterY))
                {
                    index = t;
                    break;
                }
            }

            if (index < 0)
            {
                outside.Add(glyph);
            }
            else
            {
                (inTable[index] ??= []).Add(glyph);
            }
        }

        for (var t = 0; t < tables.Length; t++)
        {
            rows.AddRange(TableRows(tables[t], inTable[t] ?? [], page.Number, columnEdges));
        }

        return (rows, outside, !tables.IsEmpty);
    }

    /// <summary>The vertical grid lines of all tables, clustered: the document's column edges, left to right.</summary>
    private static List<double> ColumnEdges(IEnumerable<TableGrid> tables, double snap)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var edges = new List<double>();
        foreach (var x in tables.SelectMany(t => t.Xs).Order())
        {
            if (edges.Count == 0 || x - edges[^1] > snap)
            {
                edges.Add(x);
            }
        }

        return edges;
    }

    private static IEnumerable<PlacedRow> TableRows(TableGrid table, List<Glyph> glyphs, int page, IReadOnlyList<double> columnEdges)
    {
        var byCell = new Dictionary<GridCell, List<Glyph>>();
        foreach (var glyph in glyphs)
        {
            var cell = table.CellAt(glyph.CenterX, glyph.CenterY);
            if (cell is not null)
            {
                (byCell.TryGetValue(cell, out var list) ? list : byCell[cell] = []).Add(glyph);
            }
        }

        foreach (var row in byCell.GroupBy(c => c.Key.Row).OrderBy(g => g.Key))
        {
            var cells = row
                .OrderBy(c => c.Key.Column)
                .Select(c => new RowCell(ColumnOf(c.Key.Left, columnEdges), GlyphText.CellText(c.Value), [Box(c.Value, page)]) { Confidence = RowCell.LowestConfidence(c.Value) })
                .Where(c => c.Text.Length > 0)
                .ToImmutableArray();
            if (!cells.IsEmpty)
            {
                var empty = table.Cells
                    .Where(c => c.Row == row.Key && !byCell.ContainsKey(c))
                    .Select(c => ColumnOf(c.Left, columnEdges))
                    .ToImmutableArray();
                yield return new PlacedRow(table.Ys[row.Key], cells, empty)
                {
                    CutAbove = table.OpenTop && row.Key == 0,
                    CutBelow = table.OpenBottom && row.Key == table.RowCount - 1,
                    OpenAbove = OpenColumns(row, table.OpenAbove, columnEdges),
                    OpenBelow = OpenColumns(row, table.OpenBelow, columnEdges),
                    FullToFoot = table.OpenBottom ? [] : FullToFoot(row, table, columnEdges),
                    TableHead = !table.OpenTop && row.Key == 0,
                };
            }
        }
    }

    /// <summary>The columns of the row's cells with text that are among <paramref name="open"/>.</summary>
    private static ImmutableArray<int> OpenColumns(IEnumerable<KeyValuePair<GridCell, List<Glyph>>> row, ImmutableHashSet<GridCell> open, IReadOnlyList<double> columnEdges) =>
        open.IsEmpty ? [] : [.. row.Where(c => open.Contains(c.Key)).Select(c => ColumnOf(c.Key.Left, columnEdges)).Order()];

    /// <summary>
    /// The columns of the row's cells that reach the table's last row and whose text runs down to the cell's
    /// bottom: the gap under its lowest glyph is less than a line of its text. A text layer's glyphs only: an
    /// OCR'd glyph's box may be its cell's.
    /// </summary>
    private static ImmutableArray<int> FullToFoot(IEnumerable<KeyValuePair<GridCell, List<Glyph>>> row, TableGrid table, IReadOnlyList<double> columnEdges) =>
        [.. row.Where(c => c.Key.Row + c.Key.RowSpan == table.RowCount && c.Value.All(g => g.Confidence is null)
                && c.Value.Min(g => g.Bottom) - c.Key.Bottom < c.Value.Max(g => g.Height))
            .Select(c => ColumnOf(c.Key.Left, columnEdges))
            .Order()];

    private static int ColumnOf(double left, IReadOnlyList<double> edges)
    {
        var best = 0;
        for (var i = 0; i < edges.Count; i++)
        {
            if (Math.Abs(edges[i] - left) < Math.Abs(edges[best] - left))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>The union of the glyphs' boxes in PDF user space.</summary>
    private static PageBox Box(List<Glyph> glyphs, int page) =>
        new(page, glyphs.Min(g => g.Source.X0), glyphs.Min(g => g.Source.Y0), glyphs.Max(g => g.Source.X1), glyphs.Max(g => g.Source.Y1));
}
