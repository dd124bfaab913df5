using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using Extractor.Model;

namespace Extractor.Sources.Office;

/// <summary>
/// Lays a sheet out as it prints: hidden rows and columns dropped; a merged range's text (its top-left cell's)
/// on the first visible row and column it spans, the rest of the range covered; an empty cell that begins on
/// a row with text marked empty, within the columns the sheet uses (as a ruled cell without text is in a PDF).
/// Columns count the visible ones from the first the sheet uses, so a table that starts in column B starts at 0.
/// </summary>
internal static class SheetGrid
{
    /// <summary>The rows of <paramref name="sheet"/> that hold text, on page <paramref name="page"/>.</summary>
    /// <exception cref="OfficeFailure">Merged ranges overlap beyond the sheet's size (a damaged sheet).</exception>
    public static IEnumerable<GridRow> Rows(SheetCells sheet, int page)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var (rows, columns) = (sheet.RowCount, sheet.ColumnCount);
        bool VisibleRow(int r) => !sheet.HiddenRows[r];
        bool VisibleColumn(int c) => !sheet.HiddenColumns[c];

        // Covered cells: every cell of a merged range but the one that shows its text.
        var covered = new BitArray(checked((int)Math.Min((long)rows * columns, int.MaxValue)));
        var shown = new Dictionary<(int Row, int Column), (int Row, int Column)>();
        var area = 0L;
        var (first, last) = (int.MaxValue, -1);
        foreach (var merge in sheet.Merges)
        {
            var (top, left) = (Math.Max(merge.FromRow, 0), Math.Max(merge.FromColumn, 0));
            var (bottom, right) = (Math.Min(merge.ToRow, rows - 1), Math.Min(merge.ToColumn, columns - 1));
            if (top > bottom || left > right)
            {
                continue;
            }

            area += (long)(bottom - top + 1) * (right - left + 1);
            if (area > sheet.MaxArea)
            {
                throw new OfficeFailure(DiagnosticCodes.Unreadable, $"sheet '{sheet.Name}' is damaged: its merged ranges overlap, covering more than {sheet.MaxArea} cells");
            }

            var anchorRow = Enumerable.Range(top, bottom - top + 1).FirstOrDefault(VisibleRow, -1);
            var anchorColumn = Enumerable.Range(left, right - left + 1).FirstOrDefault(VisibleColumn, -1);
            for (var r = top; r <= bottom; r++)
            {
                for (var c = left; c <= right; c++)
                {
                    covered[(r * columns) + c] = r != anchorRow || c != anchorColumn;
                }
            }

            if (anchorRow >= 0 && anchorColumn >= 0)
            {
                shown[(anchorRow, anchorColumn)] = (merge.FromRow, merge.FromColumn);
                (first, last) = (Math.Min(first, anchorColumn), Math.Max(last, Enumerable.Range(left, right - left + 1).Last(VisibleColumn)));
            }
        }

        foreach (var (row, column) in sheet.Values.Keys)
        {
            if (VisibleColumn(column))
            {
                (first, last) = (Math.Min(first, column), Math.Max(last, column));
            }
        }

        if (last < 0)
        {
            yield break;
        }

        // A cell's column: the visible columns before it, counted from the first the sheet uses.
        var index = new int[last + 1];
        for (int c = first, n = 0; c <= last; c++)
        {
            index[c] = n;
            n += VisibleColumn(c) ? 1 : 0;
        }

        for (var r = 0; r < rows; r++)
        {
            if (!VisibleRow(r))
            {
                continue;
            }

            var cells = ImmutableArray.CreateBuilder<GridText>();
            var empty = ImmutableArray.CreateBuilder<int>();
            for (var c = first; c <= last; c++)
            {
                if (!VisibleColumn(c) || covered[(r * columns) + c])
                {
                    continue;
                }

                var origin = shown.TryGetValue((r, c), out var topLeft) ? topLeft : (r, c);
                if (sheet.Values.TryGetValue(origin, out var text))
                {
                    cells.Add(new GridText(index[c], text, CellPlace.InSheet(sheet.Name, Reference(origin.Item1, origin.Item2))));
                }
                else
                {
                    empty.Add(index[c]);
                }
            }

            if (cells.Count > 0)
            {
                yield return new GridRow(page, cells.ToImmutable(), empty.ToImmutable());
            }
        }
    }

    /// <summary>The A1-style name of a cell (0-based row and column): (11, 2) → <c>C12</c>.</summary>
    public static string Reference(int row, int column)
    {
        var letters = new Stack<char>();
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            letters.Push((char)('A' + ((c - 1) % 26)));
        }

        return new string([.. letters]) + (row + 1).ToString(CultureInfo.InvariantCulture);
    }
}
