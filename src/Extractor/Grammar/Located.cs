namespace Extractor.Grammar;

/// <summary>A value parsed from one cell, with the cell's column.</summary>
/// <typeparam name="T">The parsed value.</typeparam>
/// <param name="Column">0-based column index of the cell.</param>
/// <param name="Value">The parsed value.</param>
internal sealed record Located<T>(int Column, T Value);
