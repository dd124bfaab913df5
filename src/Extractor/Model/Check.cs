namespace Extractor.Model;

/// <summary>The result of one audit check on a form.</summary>
/// <param name="Code">Stable code, see <see cref="CheckCodes"/>.</param>
/// <param name="Severity">How serious the finding is.</param>
/// <param name="Message">Human-readable explanation.</param>
/// <param name="Path">JSON pointer into the form, e.g. /indicators/4.</param>
/// <param name="Expected">What the arithmetic or the rule says the value should be.</param>
/// <param name="Found">What the form prints.</param>
public sealed record Check(string Code, Severity Severity, string Message, string Path, decimal? Expected, decimal? Found);
