namespace Extractor.Sources.Ocr.Paddle;

/// <summary>A runner-up reading of one character: a class the recognizer found likely at the character's most confident time step.</summary>
/// <param name="Text">The other character.</param>
/// <param name="Probability">Its probability there, 0–1.</param>
internal sealed record CharacterAlternative(string Text, float Probability);
