using System.Collections.Immutable;
using System.Text;
using ExcelDataReader;
using Extractor.Model;
using Extractor.Text;

namespace Extractor.Sources.Office;

/// <summary>
/// Reads a workbook (.xlsx, or .xls after <see cref="CompoundFile"/> has checked it) with ExcelDataReader into
/// the grid it prints: every visible sheet in order, each a page; cell text as the sheet shows it
/// (<see cref="CellFormatter"/>), the whitespace rule applied. A sheet over a limit is skipped with an error; the
/// workbook's total of cells over its limit stops reading.
/// </summary>
internal static class SheetReader
{
    /// <summary>Legacy workbooks name their code page (GBK for Chinese ones); .NET knows only Unicode without this provider.</summary>
    static SheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Reads the workbook.</summary>
    /// <param name="bytes">The file.</param>
    /// <param name="legacy">True for an Excel 97–2003 (.xls) workbook, false for Office Open XML.</param>
    /// <param name="limits">The bounds.</param>
    /// <param name="cancellationToken">Checked between rows.</param>
    /// <exception cref="OfficeFailure">The workbook is over a limit or cannot be read.</exception>
    public static OfficeGrid Read(ReadOnlyMemory<byte> bytes, bool legacy, OfficeLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);

        // Legacy workbooks without a code page record are most likely Chinese ones here.
        var configuration = new ExcelReaderConfiguration { FallbackEncoding = Encoding.GetEncoding(936) };
        using var stream = OfficeStreams.ReadOnly(bytes);
        using var reader = legacy ? ExcelReaderFactory.CreateBinaryReader(stream, configuration) : ExcelReaderFactory.CreateOpenXmlReader(stream, configuration);
        var rows = ImmutableArray.CreateBuilder<GridRow>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var formatter = new CellFormatter();
        var budget = new CellBudget(limits.MaxCells);
        var sheets = 0;
        var pages = 0;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (++sheets > limits.MaxSheets)
            {
                throw new OfficeFailure(DiagnosticCodes.Unreadable, $"the workbook has more than {limits.MaxSheets} sheets, the limit");
            }

            // Hidden sheets, like hidden rows and columns, are not printed.
            if (reader.VisibleState is "hidden" or "veryhidden")
            {
                continue;
            }

            var name = string.IsNullOrEmpty(reader.Name) ? $"Sheet{sheets}" : reader.Name;
            var sheet = ReadSheet(reader, name, formatter, budget, limits, diagnostics, cancellationToken);
            pages++;
            if (sheet is not null)
            {
                rows.AddRange(SheetGrid.Rows(sheet, pages));
            }
        }
        while (reader.NextResult());

        return new OfficeGrid(rows.ToImmutable(), pages, diagnostics.ToImmutable());
    }

    private static SheetCells? ReadSheet(IExcelDataReader reader, string name, CellFormatter formatter, CellBudget budget, OfficeLimits limits, ImmutableArray<Diagnostic>.Builder diagnostics, CancellationToken cancellationToken)
    {
        var rowCount = reader.RowCount;
        var columnCount = reader.FieldCount;
        var merges = reader.MergeCells ?? [];
        var problem =
            rowCount > limits.MaxRows ? $"{rowCount} rows, more than the limit of {limits.MaxRows}"
            : columnCount > limits.MaxColumns ? $"{columnCount} columns, more than the limit of {limits.MaxColumns}"
            : (long)rowCount * columnCount > limits.MaxSheetArea ? $"{rowCount} rows by {columnCount} columns, more cells than the limit of {limits.MaxSheetArea}"
            : merges.Length > limits.MaxMergedRanges ? $"{merges.Length} merged ranges, more than the limit of {limits.MaxMergedRanges}"
            : null;
        if (problem is not null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Unreadable, Severity.Error, $"sheet '{name}' has {problem}; the sheet is not read", null, null, null));
            return null;
        }

        var hiddenColumns = new bool[columnCount];
        for (var c = 0; c < columnCount; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            hiddenColumns[c] = reader.GetColumnWidth(c) <= 0;
        }

        var hiddenRows = new bool[rowCount];
        var values = new Dictionary<(int Row, int Column), string>();
        var row = 0;
        while (row < rowCount && reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            hiddenRows[row] = reader.RowHeight <= 0;
            for (var c = 0; c < columnCount; c++)
            {
                var value = reader.GetValue(c);
                if (value is null)
                {
                    continue;
                }

                budget.Take(name);
                var shown = value as string ?? formatter.Text(value, reader.GetNumberFormatString(c), reader.GetNumberFormatIndex(c));
                var text = WhitespaceRule.Apply(Cut(shown, name, row, c, limits, diagnostics));
                if (text.Length > 0)
                {
                    values[(row, c)] = text;
                }
            }

            row++;
        }

        return new SheetCells(name, rowCount, columnCount, hiddenRows, hiddenColumns, merges, values, limits.MaxSheetArea);
    }

    private static string Cut(string text, string sheet, int row, int column, OfficeLimits limits, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        if (text.Length <= limits.MaxCellLength)
        {
            return text;
        }

        var cell = SheetGrid.Reference(row, column);
        diagnostics.Add(new Diagnostic(DiagnosticCodes.Unreadable, Severity.Warning, $"sheet '{sheet}' cell {cell} holds {text.Length} characters, more than the limit of {limits.MaxCellLength}; the rest is not read", null, null, null));
        return text[..limits.MaxCellLength];
    }

    /// <summary>Counts the cells holding a value in the whole workbook against the limit.</summary>
    private sealed class CellBudget(int max)
    {
        private int used;

        public void Take(string sheet)
        {
            if (++used > max)
            {
                throw new OfficeFailure(DiagnosticCodes.Unreadable, $"the workbook holds more than {max} cells with values, the limit (reached in sheet '{sheet}')");
            }
        }
    }
}

/// <summary>What was read of one sheet: its size, hidden rows and columns, merged ranges, and the text of each cell with a value.</summary>
internal sealed record SheetCells(
    string Name,
    int RowCount,
    int ColumnCount,
    bool[] HiddenRows,
    bool[] HiddenColumns,
    CellRange[] Merges,
    Dictionary<(int Row, int Column), string> Values,
    long MaxArea);
