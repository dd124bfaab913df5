using System.Collections.Immutable;
using Extractor.Model;

namespace Extractor.Sources.Ocr;

/// <summary>What OCR made of one page: its content for the layout stage, or why there is none.</summary>
/// <param name="Content">The page's words and detected rulings; null when OCR failed.</param>
/// <param name="Diagnostics">Repairs made to what tesseract read (<c>ocr-repair</c>), and the failure when there is one.</param>
internal sealed record OcrPageResult(PageContent? Content, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Other readings of the page's number cells, for the checks to choose from.</summary>
    public ImmutableArray<OcrAlternative> Alternatives { get; init; } = [];
}
