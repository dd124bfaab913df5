using System.Collections.Immutable;
using Extractor.Model;

namespace Extractor.Assembly;

/// <summary>The forms found in a row text, and the text that belongs to no form.</summary>
/// <param name="Forms">Forms in reading order.</param>
/// <param name="Diagnostics">Document-level diagnostics (text outside any form, no form found).</param>
internal sealed record AssemblyResult(ImmutableArray<AssembledForm> Forms, ImmutableArray<Diagnostic> Diagnostics);
