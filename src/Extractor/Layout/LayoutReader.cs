using System.Collections.Immutable;

namespace Extractor.Layout;

/// <summary>The layout stage: pages of glyphs and rulings to row text, one table row a line, pages kept apart.</summary>
public static class LayoutReader
{
    /// <summary>Reads pages into row text. Line numbers count as <c>extractor text</c> prints them (a blank line between pages).</summary>
    public static RowText Read(IEnumerable<PageContent> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var lines = ImmutableArray.CreateBuilder<RowLine>();
        var number = 0;
        var pageCount = 0;
        foreach (var page in pages)
        {
            pageCount = Math.Max(pageCount, page.Number);
            var rows = PageRows.Read(page);
            if (rows.Count == 0)
            {
                continue;
            }

            if (lines.Count > 0)
            {
                number++;
            }

            foreach (var cells in rows)
            {
                lines.Add(new RowLine(++number, page.Number, cells));
            }
        }

        return new RowText(lines.ToImmutable(), pageCount);
    }
}
