using System.Collections.Immutable;
using Extractor.Layout;
using Extractor.Model;

namespace Extractor.Assembly;

/// <summary>The lines, pages and cell boxes a row was built from. Merging keeps every source.</summary>
/// <param name="Lines">Row-text lines, ascending.</param>
/// <param name="Pages">Pages, ascending.</param>
/// <param name="Boxes">Boxes of the cells used (PDF input only).</param>
internal sealed record Provenance(ImmutableArray<int> Lines, ImmutableArray<int> Pages, ImmutableArray<PageBox> Boxes)
{
    /// <summary>No source.</summary>
    public static readonly Provenance None = new([], [], []);

    /// <summary>The provenance of some cells of one line.</summary>
    public static Provenance Of(RowLine line, IEnumerable<RowCell> cells)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(cells);
        // A row that a page break cut and that was joined again has cells on both pages.
        var list = cells.ToList();
        var boxes = list.SelectMany(c => c.Boxes).ToImmutableArray();
        return new Provenance([line.Number], [.. boxes.Select(b => b.Page).Append(line.Page).Distinct().Order()], boxes) { Confidence = list.Min(c => c.Confidence) };
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
            Confidence = Confidence is { } a && other.Confidence is { } b ? Math.Min(a, b) : Confidence ?? other.Confidence,
        };
    }

    /// <summary>OCR: the lowest confidence among the cells used; null when none was read by OCR.</summary>
    public double? Confidence { get; init; }

    /// <summary>
    /// The row source of the contract: per-page union boxes for PDF input (when cells carry boxes),
    /// lines for text input.
    /// </summary>
    public RowSource ToRowSource()
    {
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
}
