using System.Collections.Immutable;
using Extractor.Model;

namespace Extractor;

/// <summary>The row text of an input, or the error that stopped reading it.</summary>
/// <param name="Source">The input file.</param>
/// <param name="Text">The row text in the seed's shape; null when the input could not be read.</param>
/// <param name="Error">Why the input could not be read, or null.</param>
/// <param name="Diagnostics">Problems met while reading that did not stop it (a page without a text layer).</param>
public sealed record RowTextReading(SourceInfo Source, string? Text, Diagnostic? Error, ImmutableArray<Diagnostic> Diagnostics);
