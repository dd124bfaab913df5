using Extractor.Model;

namespace Extractor.Fuzz;

/// <summary>What a crafted case must produce: a diagnostic of this code and severity whose message contains the reason.</summary>
/// <param name="Code">The diagnostic code.</param>
/// <param name="Severity">Its severity.</param>
/// <param name="Reason">Text the message must contain: the name of the problem.</param>
public sealed record ExpectedOutcome(string Code, Severity Severity, string Reason);
