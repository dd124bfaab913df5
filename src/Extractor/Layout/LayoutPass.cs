using System.Collections.Immutable;

namespace Extractor.Layout;

/// <summary>What one strategy read: rows for each page, and the pages with what it left.</summary>
/// <param name="Rows">For each page (in the order given), its rows.</param>
/// <param name="Left">The pages with the glyphs the strategy did not read.</param>
internal sealed record LayoutPass(IReadOnlyList<IReadOnlyList<PlacedRow>> Rows, IReadOnlyList<LayoutPage> Left);

/// <summary>A row found on a page.</summary>
/// <param name="Top">Its top in display space, for ordering the rows of a page.</param>
/// <param name="Cells">Its non-empty cells.</param>
/// <param name="EmptyCells">Columns where a ruled cell with no text begins on the row.</param>
internal sealed record PlacedRow(double Top, ImmutableArray<RowCell> Cells, ImmutableArray<int> EmptyCells)
{
    /// <summary>The row is the rest of one that a page break cut (its ruled cells are open at the top).</summary>
    public bool CutAbove { get; init; }

    /// <summary>The row goes on after a page break (its ruled cells are open at the bottom).</summary>
    public bool CutBelow { get; init; }

    /// <summary>Columns of the row's cells that a page break cut while the rest of the row was not: their rest is on the page before.</summary>
    public ImmutableArray<int> OpenAbove { get; init; } = [];

    /// <summary>Columns of cells whose text is on the row and that a page break cut while others were not: their rest is on the next page.</summary>
    public ImmutableArray<int> OpenBelow { get; init; } = [];

    /// <summary>Columns of cells at the foot of a table closed below whose text runs down to the cell's bottom.</summary>
    public ImmutableArray<int> FullToFoot { get; init; } = [];

    /// <summary>The row is the first of a table closed above.</summary>
    public bool TableHead { get; init; }
}
