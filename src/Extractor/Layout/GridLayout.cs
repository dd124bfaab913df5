using System.Collections.Immutable;
using Extractor.Sources.Office;

namespace Extractor.Layout;

/// <summary>
/// Office input's layout: the grid an Office reader read (<see cref="OfficeGrid"/>) is already one printed row
/// a line with cells by column, so it becomes row text as it is — each cell keeping its sheet and cell, or its
/// table and row, for provenance; empty cells kept as the lattice strategy keeps empty ruled cells.
/// </summary>
internal static class GridLayout
{
    /// <summary>The row text of <paramref name="grid"/>. Line numbers count as <c>extractor text</c> prints them (a blank line between pages).</summary>
    public static RowText Read(OfficeGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var lines = ImmutableArray.CreateBuilder<RowLine>(grid.Rows.Length);
        var number = 0;
        foreach (var row in grid.Rows)
        {
            if (lines.Count > 0 && lines[^1].Page != row.Page)
            {
                number++;
            }

            var cells = row.Cells.Select(c => new RowCell(c.Column, c.Text, []) { Place = c.Place }).ToImmutableArray();
            lines.Add(new RowLine(++number, row.Page, cells) { EmptyCells = row.EmptyColumns });
        }

        return new RowText(lines.ToImmutable(), grid.PageCount);
    }
}
