using System.Collections.Immutable;

namespace Extractor.Sources.Ocr.Paddle;

/// <summary>A text line read from a page image.</summary>
/// <param name="Quad">Where it is, in pixels, corners in reading order (its top-left is where reading starts, even for a line read upside down).</param>
/// <param name="Text">The text read.</param>
/// <param name="Confidence">The mean of its characters' probabilities, 0–1.</param>
/// <param name="Characters">Its characters, in reading order, with their boxes.</param>
/// <param name="DetectionScore">The detector's mean probability of text inside the box, 0–1.</param>
internal sealed record OcrLine(Quad Quad, string Text, float Confidence, ImmutableArray<OcrCharacter> Characters, float DetectionScore)
{
    /// <summary>The line with <paramref name="characters"/> for its own and its text spelt by them; itself when they are its own.</summary>
    public OcrLine Respelt(ImmutableArray<OcrCharacter> characters) =>
        characters.SequenceEqual(Characters) ? this : this with { Text = string.Concat(characters.Select(c => c.Text)), Characters = characters };
}
