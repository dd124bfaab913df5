namespace Extractor.Sources.Ocr.Paddle;

/// <summary>A text line the detector found.</summary>
/// <param name="Quad">Where it is in the page image, in pixels.</param>
/// <param name="Score">The detector's mean probability of text inside it, 0–1.</param>
internal sealed record TextRegion(Quad Quad, float Score);
