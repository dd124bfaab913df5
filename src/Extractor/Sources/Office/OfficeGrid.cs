using System.Collections.Immutable;
using Extractor.Model;

namespace Extractor.Sources.Office;

/// <summary>
/// An Office file read as the grid it prints: one row a line, cells by column, merged cells' text on the first
/// row and column they span, hidden rows and columns left out. The layout stage turns it into row text
/// (<c>Layout/GridLayout</c>); Office input needs no geometry.
/// </summary>
/// <param name="Rows">The rows with text, in reading order (sheets in workbook order, a Word document's paragraphs and table rows in order).</param>
/// <param name="PageCount">Sheets read (workbooks), or pages as the document's explicit page breaks make them (Word).</param>
/// <param name="Diagnostics">What was met while reading that did not stop it (a sheet over a limit, skipped).</param>
internal sealed record OfficeGrid(ImmutableArray<GridRow> Rows, int PageCount, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>One printed row: a sheet row, a Word table row, or a paragraph outside tables.</summary>
/// <param name="Page">The 1-based page (workbooks: the sheet among those read).</param>
/// <param name="Cells">The cells with text, by column.</param>
/// <param name="EmptyColumns">Columns where a cell with no text begins on this row (like a ruled cell without text in a PDF).</param>
internal sealed record GridRow(int Page, ImmutableArray<GridText> Cells, ImmutableArray<int> EmptyColumns);

/// <summary>One cell's text, whitespace rule applied, never empty.</summary>
/// <param name="Column">The 0-based column: for a sheet, among the visible columns from the first one used; for Word, the table grid's column.</param>
/// <param name="Text">The text as the file shows it.</param>
/// <param name="Place">Where the cell is; null for a paragraph outside tables.</param>
internal sealed record GridText(int Column, string Text, CellPlace? Place);
