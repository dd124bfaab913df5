using Extractor.Domain;

namespace Extractor.Grammar;

/// <summary>One cell of a header row: where it is, what it says, and what its column holds.</summary>
/// <param name="Column">0-based column index.</param>
/// <param name="Text">The header text as printed (whitespace rule applied).</param>
/// <param name="Role">The field the column maps to.</param>
internal sealed record HeaderColumn(int Column, string Text, ColumnRole Role);
