using System.Collections.Immutable;
using Extractor.Sources;

namespace Extractor.Sources.Ocr;

/// <summary>
/// Other readings OCR made of one table cell that holds a number: the Chinese model at another resolution,
/// the Latin model alone, each with the usual repairs. The checks choose between them (<see
/// cref="Conversion.ReadingChooser"/>); none of them is a value made up.
/// </summary>
/// <param name="Page">1-based page number.</param>
/// <param name="Glyph">Index of the cell's glyph in the page's <see cref="PageContent.Glyphs"/>.</param>
/// <param name="Texts">The other readings, each different from the glyph's text, surest first.</param>
internal sealed record OcrAlternative(int Page, int Glyph, ImmutableArray<string> Texts);
