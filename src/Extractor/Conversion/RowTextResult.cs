using System.Collections.Immutable;
using Extractor.Layout;
using Extractor.Model;

namespace Extractor.Conversion;

/// <summary>The row text of an input, or the error that stopped reading it.</summary>
/// <param name="Rows">The row text; null when the input could not be read.</param>
/// <param name="Source">The input file.</param>
/// <param name="Error">Why the input could not be read, or null.</param>
/// <param name="Diagnostics">Problems met while reading that did not stop it (a page without text layer).</param>
internal sealed record RowTextResult(RowText? Rows, SourceInfo Source, Diagnostic? Error, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The pages and the other OCR readings of their number cells, when pages were OCR'd and OCR read some cells more than one way.</summary>
    public OcrReadings? Readings { get; init; }
}
