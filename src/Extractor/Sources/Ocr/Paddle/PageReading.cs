using System.Collections.Immutable;

namespace Extractor.Sources.Ocr.Paddle;

/// <summary>The lines read from one page image, in reading order, and the time each step took.</summary>
/// <param name="Lines">The lines kept (confident enough and not empty).</param>
/// <param name="Timings">Detection, classification and recognition times.</param>
internal sealed record PageReading(ImmutableArray<OcrLine> Lines, OcrTimings Timings)
{
    /// <summary>The page's text: its lines joined by newlines.</summary>
    public string Text => string.Join('\n', Lines.Select(l => l.Text));
}
