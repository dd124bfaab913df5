using System.Collections.Immutable;

namespace Extractor.Layout;

/// <summary>
/// The layout stage: pages of glyphs and rulings to row text, one table row a line, pages kept apart.
/// Ruled tables are read page by page; the text outside them goes through the stream reader, which sees
/// all pages so that a table without rulings can run on from page to page.
/// </summary>
public static class LayoutReader
{
    /// <summary>Reads pages into row text. Line numbers count as <c>extractor text</c> prints them (a blank line between pages).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired (checked page by page).</exception>
    public static RowText Read(IEnumerable<PageContent> pages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var list = pages.ToList();
        var tables = list.Select(p =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return LatticeTables.Find(p.Rulings);
        }).ToList();
        var edges = PageRows.ColumnEdges(tables.SelectMany(t => t));
        var ruled = new List<(int Number, List<(double Top, ImmutableArray<RowCell> Cells, ImmutableArray<int> Empty)> Rows)>();
        var outside = new List<StreamPage>();
        for (var p = 0; p < list.Count; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = list[p];
            var (rows, glyphs, isRuled) = PageRows.ReadRuled(page, tables[p], edges);
            ruled.Add((page.Number, rows));
            outside.Add(new StreamPage(page.Number, glyphs, isRuled));
        }

        var stream = StreamTables.Read(outside, cancellationToken);
        var lines = ImmutableArray.CreateBuilder<RowLine>();
        var number = 0;
        var pageCount = 0;
        for (var i = 0; i < ruled.Count; i++)
        {
            pageCount = Math.Max(pageCount, ruled[i].Number);
            var rows = ruled[i].Rows.Concat(stream[i].Select(r => (r.Top, r.Cells, Empty: ImmutableArray<int>.Empty))).OrderByDescending(r => r.Top).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            if (lines.Count > 0)
            {
                number++;
            }

            foreach (var (_, cells, empty) in rows)
            {
                lines.Add(new RowLine(++number, ruled[i].Number, cells) { EmptyCells = empty });
            }
        }

        return new RowText(lines.ToImmutable(), pageCount);
    }
}
