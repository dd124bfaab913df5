using System.Collections.Immutable;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Sources.Office;

namespace Extractor.Assembly;

/// <summary>The lines, pages and cell boxes (or Office cells) a row was built from. Merging keeps every source.</summary>
/// <param name="Lines">Row-text lines, ascending.</param>
/// <param name="Pages">Pages, ascending.</param>
/// <param name="Boxes">Boxes of the cells used (PDF input only).</param>
internal sealed record Provenance(ImmutableArray<int> Lines, ImmutableArray<int> Pages, ImmutableArray<PageBox> Boxes)
{
    /// <summary>No source.</summary>
    public static readonly Provenance None = new([], [], []);

    /// <summary>The Office cells used (sheet and cell, or Word table and row), in reading order; empty for other input.</summary>
    public ImmutableArray<CellPlace> Places { get; init; } = [];

    /// <summary>The provenance of some cells of one line.</summary>
    public static Provenance Of(RowLine line, IEnumerable<RowCell> cells)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(cells);
        // A row that a page break cut and that was joined again has cells on both pages.
        var list = cells.ToList();
        var boxes = list.SelectMany(c => c.Boxes).ToImmutableArray();
        return new Provenance([line.Number], [.. boxes.Select(b => b.Page).Append(line.Page).Distinct().Order()], boxes)
        {
            Places = [.. list.Select(c => c.Place).OfType<CellPlace>()],
            Confidence = list.Min(c => c.Confidence),
        };
    }

    /// <summary>Both sources together.</summary>
    public Provenance Merge(Provenance other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new Provenance(
            [.. Lines.Concat(other.Lines).Distinct().Order()],
            [.. Pages.Concat(other.Pages).Distinct().Order()],
            Boxes.AddRange(other.Boxes))
        {
            Places = Places.AddRange(other.Places),
            Confidence = Confidence is { } a && other.Confidence is { } b ? Math.Min(a, b) : Confidence ?? other.Confidence,
        };
    }

    /// <summary>OCR: the lowest confidence among the cells used; null when none was read by OCR.</summary>
    public double? Confidence { get; init; }

    /// <summary>
    /// The row source of the contract: per-page union boxes for PDF input (when cells carry boxes), sheet and
    /// cells or table and rows for Office input, lines for text input.
    /// </summary>
    public RowSource ToRowSource()
    {
        if (!Places.IsEmpty)
        {
            return OfficeSource();
        }

        if (Boxes.IsEmpty)
        {
            return new RowSource(null, null, Lines) { Confidence = Confidence };
        }

        var boxes = Boxes
            .GroupBy(b => b.Page)
            .OrderBy(g => g.Key)
            .Select(g => new PageBox(g.Key, g.Min(b => b.X0), g.Min(b => b.Y0), g.Max(b => b.X1), g.Max(b => b.Y1)))
            .ToImmutableArray();
        return new RowSource(Pages, boxes, null) { Confidence = Confidence };
    }

    /// <summary>
    /// A workbook row's sheet (its first cell's) and cells, a cell on another sheet named with its sheet
    /// (<c>Sheet2!C3</c>); a Word row's table (its first cell's) and that table's rows.
    /// </summary>
    private RowSource OfficeSource()
    {
        var first = Places[0];
        if (first.Sheet is { } sheet)
        {
            var cells = Places
                .Where(p => p.Cell is not null)
                .Select(p => p.Sheet == sheet ? p.Cell! : $"{p.Sheet}!{p.Cell}")
                .Distinct(StringComparer.Ordinal)
                .ToImmutableArray();
            return new RowSource(null, null, null) { Sheet = sheet, Cells = cells };
        }

        var rows = Places.Where(p => p.Table == first.Table && p.Row is not null).Select(p => p.Row!.Value).Distinct().Order().ToImmutableArray();
        return new RowSource(null, null, null) { Table = first.Table, Rows = rows };
    }
}
