using System.Collections.Immutable;

namespace Extractor.Sources.Ocr.Paddle;

/// <summary>What the recognizer read in one line crop.</summary>
/// <param name="Text">The text.</param>
/// <param name="Confidence">The mean of the characters' probabilities, 0–1 (0 for an empty reading).</param>
/// <param name="Characters">Each character and where it lies along the crop.</param>
internal sealed record RecognizedText(string Text, float Confidence, ImmutableArray<CharacterSpan> Characters)
{
    /// <summary>A reading of nothing.</summary>
    public static RecognizedText Empty { get; } = new(string.Empty, 0, []);
}
