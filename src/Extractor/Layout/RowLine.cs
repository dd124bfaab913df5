using System.Collections.Immutable;

namespace Extractor.Layout;

/// <summary>One table row (or one line outside a table) of the row text.</summary>
/// <param name="Number">1-based line number in the row text as printed (blank lines between pages counted).</param>
/// <param name="Page">1-based page the line is on.</param>
/// <param name="Cells">The non-empty cells, ordered by column.</param>
internal sealed record RowLine(int Number, int Page, ImmutableArray<RowCell> Cells)
{
    /// <summary>
    /// Columns where a ruled cell with no text begins on this row (PDF input only; not printed). A merged label
    /// cell that a page break cuts may have its text only on the next page: its empty part here still starts
    /// the group.
    /// </summary>
    public ImmutableArray<int> EmptyCells { get; init; } = [];

    /// <summary>The line is the rest of a table row that a page break cut: the row began at the end of the page before.</summary>
    public bool CutAbove { get; init; }

    /// <summary>The line is a table row that a page break cut: the row goes on at the top of the next page.</summary>
    public bool CutBelow { get; init; }

    /// <summary>
    /// Columns of cells on this line that a page break cut while the rest of the row was not (PDF input only; not
    /// printed): each is the rest of a cell whose text began on the page before.
    /// </summary>
    public ImmutableArray<int> OpenAbove { get; init; } = [];

    /// <summary>Columns of cells whose text is on this line and that a page break cut while others were not: each goes on at the top of the next page.</summary>
    public ImmutableArray<int> OpenBelow { get; init; } = [];

    /// <summary>
    /// Columns of cells at the foot of a table closed below whose text runs down to the cell's bottom (PDF
    /// input only; not printed): where a producer closes each page's part of a row it split, these are the
    /// cells whose text may go on at the head of the next page.
    /// </summary>
    public ImmutableArray<int> FullToFoot { get; init; } = [];

    /// <summary>The line is the first row of a table closed above (PDF input only; not printed).</summary>
    public bool TableHead { get; init; }

    /// <summary>The cell at a column, or null when that cell is empty.</summary>
    public RowCell? CellAt(int column)
    {
        foreach (var cell in Cells)
        {
            if (cell.Column == column)
            {
                return cell;
            }
        }

        return null;
    }

    /// <summary>The line in the seed's shape: cells separated by tabs, empty cells kept as empty strings.</summary>
    public string ToTabText()
    {
        if (Cells.IsEmpty)
        {
            return string.Empty;
        }

        var parts = new string[Cells[^1].Column + 1];
        Array.Fill(parts, string.Empty);
        foreach (var cell in Cells)
        {
            parts[cell.Column] = cell.Text;
        }

        return string.Join('\t', parts);
    }
}
