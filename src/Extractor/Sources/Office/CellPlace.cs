namespace Extractor.Sources.Office;

/// <summary>
/// Where a cell of an Office file is: a sheet and a cell reference (<c>C12</c>) for a workbook, or a table
/// and a row (both 1-based, in document order) for a Word document.
/// </summary>
/// <param name="Sheet">The sheet's name (workbooks); null for Word.</param>
/// <param name="Cell">The cell reference, A1 style; a merged cell is named by its top-left cell (workbooks).</param>
/// <param name="Table">The 1-based table among the document's tables (Word); null for workbooks.</param>
/// <param name="Row">The 1-based row of that table (Word).</param>
internal sealed record CellPlace(string? Sheet, string? Cell, int? Table, int? Row)
{
    /// <summary>A cell of a sheet.</summary>
    public static CellPlace InSheet(string sheet, string cell) => new(sheet, cell, null, null);

    /// <summary>A row of a Word table.</summary>
    public static CellPlace InTable(int table, int row) => new(null, null, table, row);
}
