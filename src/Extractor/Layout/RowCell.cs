using System.Collections.Immutable;
using Extractor.Model;
using Extractor.Sources.Office;

namespace Extractor.Layout;

/// <summary>One cell of a row: its column index, its text after the whitespace rule, and where it was drawn.</summary>
/// <param name="Column">0-based column index within the row.</param>
/// <param name="Text">The cell text, whitespace rule applied; never empty.</param>
/// <param name="Boxes">Where the cell's text lies (PDF input); empty for text input.</param>
internal sealed record RowCell(int Column, string Text, ImmutableArray<PageBox> Boxes)
{
    /// <summary>Office input: the sheet and cell, or the Word table and row, the text came from; null otherwise.</summary>
    public CellPlace? Place { get; init; }

    /// <summary>OCR: the recogniser's lowest confidence among the cell's glyphs, 0–1; null for a text layer or text input.</summary>
    public double? Confidence { get; init; }

    /// <summary>The lowest confidence among <paramref name="glyphs"/>, or null when none has one.</summary>
    public static double? LowestConfidence(IEnumerable<Sources.Glyph> glyphs) => glyphs.Min(g => g.Confidence);
}
