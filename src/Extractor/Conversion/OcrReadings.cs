using System.Collections.Immutable;
using Extractor.Sources.Ocr;
using Extractor.Sources;

namespace Extractor.Conversion;

/// <summary>The pages of a document as layout read them, and the other OCR readings of their number cells.</summary>
/// <param name="Pages">Every page's content, OCR'd or not, in order.</param>
/// <param name="Alternatives">The other readings, by page and glyph.</param>
/// <param name="PageCount">The document's number of pages.</param>
/// <param name="TimeLeft">What was left of the conversion's time limit when the pages had been read.</param>
internal sealed record OcrReadings(ImmutableArray<PageContent> Pages, ImmutableArray<OcrAlternative> Alternatives, int PageCount, TimeSpan TimeLeft);
