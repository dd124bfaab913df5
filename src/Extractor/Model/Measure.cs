namespace Extractor.Model;

/// <summary>A target or actual value: [operator] number [unit], or free text.</summary>
/// <param name="Raw">The cell as printed after the whitespace rule.</param>
/// <param name="Operator"><c>=</c>, <c>&gt;=</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&lt;</c> or null.</param>
/// <param name="Value">The number when the cell is [operator] number [unit].</param>
/// <param name="Unit">The unit after the number (人, %, 万元), or null.</param>
/// <param name="Text">The text when the cell is not a number (及时, 良好); then value and unit are null.</param>
public sealed record Measure(string Raw, string? Operator, decimal? Value, string? Unit, string? Text);
