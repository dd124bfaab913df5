namespace Extractor.Fuzz;

/// <summary>A stream in a PDF file.</summary>
/// <param name="Dictionary">From its "obj" keyword to "stream".</param>
/// <param name="Data">Its bytes between "stream" and "endstream".</param>
/// <param name="LengthValue">The digits of a direct /Length, when it has one.</param>
/// <param name="IsPlainFlate">Flate without predictor: can be inflated, changed and deflated again.</param>
public sealed record StreamSpan(Span Dictionary, Span Data, Span? LengthValue, bool IsPlainFlate);
