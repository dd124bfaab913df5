namespace Extractor.Sources.Ocr.Paddle;

/// <summary>One character of a page line, with its piece of the line.</summary>
/// <param name="Text">The character.</param>
/// <param name="Confidence">The recognizer's probability for it, 0–1.</param>
/// <param name="Box">Its piece of the line in the page image: the line's full height, from halfway to the previous character to halfway to the next.</param>
/// <param name="Centre">Where the recognizer saw it, in the page image.</param>
/// <param name="Alternatives">Runner-up readings, likeliest first.</param>
internal sealed record OcrCharacter(string Text, float Confidence, Quad Box, OpenCvSharp.Point2f Centre, System.Collections.Immutable.ImmutableArray<CharacterAlternative> Alternatives);
