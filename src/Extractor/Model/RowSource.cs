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
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImmutableArray<int>? Lines);
