using System.Collections.Immutable;
using Extractor.Model;

namespace Extractor.Sources;

/// <summary>
/// Where the layout stage's pages come from: the PDF text layer, or OCR of the page image. Each source
/// reads one page at a time into upright glyphs and rulings.
/// </summary>
internal interface IPageSource
{
    /// <summary>Reads page <paramref name="number"/> (1-based); null when this source could not read it, with <paramref name="diagnostics"/> saying why.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    PageContent? Read(int number, ImmutableArray<Diagnostic>.Builder diagnostics, CancellationToken cancellationToken);
}
