using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Extractor.Model;

/// <summary>
/// Where a fund row or indicator came from: pages and boxes for PDF input, lines for text input.
/// A row split by a page break lists both pages.
/// </summary>
/// <param name="Pages">1-based pages (PDF input); null for text input.</param>
/// <param name="Boxes">Boxes in PDF user space (PDF input); null for text input.</param>
/// <param name="Lines">1-based lines of the row text (text input); null for PDF input.</param>
public sealed record RowSource(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImmutableArray<int>? Pages,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImmutableArray<PageBox>? Boxes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImmutableArray<int>? Lines)
{
    /// <summary>OCR: the recogniser's lowest confidence (0–1) among the row's cells.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Confidence { get; init; }

    /// <summary>Spreadsheet input: the sheet the row is on.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Sheet { get; init; }

    /// <summary>Spreadsheet input: the cells the row's values came from (<c>C12</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<string>? Cells { get; init; }

    /// <summary>Word input: the 1-based table the row is in.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Table { get; init; }

    /// <summary>Word input: the 1-based rows of that table.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<int>? Rows { get; init; }
}
