using System.Collections.Immutable;
using Extractor.Sources;

namespace Extractor.Layout;

/// <summary>
/// The layout stage: pages of glyphs and rulings to row text, one table row a line, pages kept apart.
/// The strategies run in turn — ruled tables page by page (lattice), then the text outside them
/// (stream), which sees all pages so that a table without rulings can run on from page to page.
/// </summary>
internal static class LayoutReader
{
    /// <summary>Reads pages into row text. Line numbers count as <c>extractor text</c> prints them (a blank line between pages).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired (checked page by page).</exception>
    public static RowText Read(IEnumerable<PageContent> pages, CancellationToken cancellationToken = default) =>
        Read(pages, LayoutOptions.Default, cancellationToken);

    /// <summary>Reads pages into row text with the given tolerances.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired (checked page by page).</exception>
    public static RowText Read(IEnumerable<PageContent> pages, LayoutOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(options);
        var list = pages.ToList();
        IReadOnlyList<LayoutPage> left = [.. list.Select(p => new LayoutPage(p.Number, p.Glyphs, p.Rulings, false))];
        var rows = list.Select(_ => new List<PlacedRow>()).ToList();
        foreach (var strategy in new ILayoutStrategy[] { new LatticeLayout(options), new StreamLayout(options) })
        {
            var pass = strategy.Read(left, cancellationToken);
            for (var i = 0; i < rows.Count; i++)
            {
                rows[i].AddRange(pass.Rows[i]);
            }

            left = pass.Left;
        }

        var lines = ImmutableArray.CreateBuilder<RowLine>();
        var number = 0;
        var pageCount = 0;
        for (var i = 0; i < list.Count; i++)
        {
            pageCount = Math.Max(pageCount, list[i].Number);
            if (rows[i].Count == 0)
            {
                continue;
            }

            if (lines.Count > 0)
            {
                number++;
            }

            // Rows of both strategies in reading order; a stable sort keeps each strategy's own order on ties.
            foreach (var row in rows[i].OrderByDescending(r => r.Top))
            {
                lines.Add(new RowLine(++number, list[i].Number, row.Cells) { EmptyCells = row.EmptyCells, CutAbove = row.CutAbove, CutBelow = row.CutBelow, OpenAbove = row.OpenAbove, OpenBelow = row.OpenBelow, FullToFoot = row.FullToFoot, TableHead = row.TableHead });
            }
        }

        return new RowText(lines.ToImmutable(), pageCount);
    }
}
