using System.Collections.Immutable;
using Extractor.Model;

namespace Extractor.Layout;

/// <summary>
/// Reads one page into rows: ruled tables cell by cell (a merged cell's text on the first row it spans),
/// and the text outside tables line by line, all in top-to-bottom order.
/// </summary>
public static class PageRows
{
    /// <summary>A gap wider than this many font sizes splits a line outside tables into cells.</summary>
    private const double CellGap = 2.5;

    /// <summary>The page's rows, top first, as lists of cells (line numbers are given later).</summary>
    public static List<ImmutableArray<RowCell>> Read(PageContent page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var tables = LatticeTables.Find(page.Rulings);
        var blocks = new List<(double Top, ImmutableArray<RowCell> Cells)>();
        var inTable = new List<Glyph>[tables.Length];
        var free = new List<Glyph>();
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
                free.Add(glyph);
            }
            else
            {
                (inTable[index] ??= []).Add(glyph);
            }
        }

        for (var t = 0; t < tables.Length; t++)
        {
            blocks.AddRange(TableRows(tables[t], inTable[t] ?? [], page.Number));
        }

        foreach (var line in GlyphText.Lines(free))
        {
            blocks.Add((line.Max(g => g.Top), SplitLine(line, page.Number)));
        }

        return [.. blocks.OrderByDescending(b => b.Top).Select(b => b.Cells)];
    }

    private static IEnumerable<(double Top, ImmutableArray<RowCell> Cells)> TableRows(TableGrid table, List<Glyph> glyphs, int page)
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
                .Select(c => new RowCell(c.Key.Column, GlyphText.CellText(c.Value), [Box(c.Value, page)]))
                .Where(c => c.Text.Length > 0)
                .ToImmutableArray();
            if (!cells.IsEmpty)
            {
                yield return (table.Ys[row.Key], cells);
            }
        }
    }

    private static ImmutableArray<RowCell> SplitLine(List<Glyph> line, int page)
    {
        var cells = ImmutableArray.CreateBuilder<RowCell>();
        var current = new List<Glyph> { line[0] };
        for (var i = 1; i < line.Count; i++)
        {
            var gap = line[i].Left - line[i - 1].Right;
            if (gap > CellGap * Math.Max(line[i].FontSize, line[i - 1].FontSize))
            {
                cells.Add(new RowCell(cells.Count, GlyphText.CellText(current), [Box(current, page)]));
                current = [];
            }

            current.Add(line[i]);
        }

        cells.Add(new RowCell(cells.Count, GlyphText.CellText(current), [Box(current, page)]));
        return [.. cells.Where(c => c.Text.Length > 0)];
    }

    /// <summary>The union of the glyphs' boxes in PDF user space.</summary>
    private static PageBox Box(List<Glyph> glyphs, int page) =>
        new(page, glyphs.Min(g => g.Source.X0), glyphs.Min(g => g.Source.Y0), glyphs.Max(g => g.Source.X1), glyphs.Max(g => g.Source.Y1));
}
