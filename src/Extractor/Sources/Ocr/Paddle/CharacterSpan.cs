namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// One recognised character and where it lies along its line crop, as fractions of the crop's width (0 at
/// its left, 1 at its right). The spans of a line's characters tile it: each ends halfway to the next
/// character's centre, so a ruling's position falls in exactly one character or between two.
/// </summary>
/// <param name="Text">The character.</param>
/// <param name="Confidence">The recognizer's probability for it, 0–1.</param>
/// <param name="Start">Where its span starts.</param>
/// <param name="Centre">Where the recognizer saw it (the middle of its CTC run).</param>
/// <param name="End">Where its span ends.</param>
/// <param name="Alternatives">Runner-up readings, likeliest first.</param>
internal sealed record CharacterSpan(string Text, float Confidence, float Start, float Centre, float End, System.Collections.Immutable.ImmutableArray<CharacterAlternative> Alternatives);
