using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Extractor.Model;

/// <summary>What one conversion emits: the forms found in one input file and what went wrong reading it.</summary>
/// <param name="SchemaVersion">Version of the output contract; always 1.</param>
/// <param name="Source">The input file.</param>
/// <param name="Forms">The forms in reading order.</param>
/// <param name="Diagnostics">Document-level problems: unplaced text, unreadable input, missing OCR.</param>
public sealed record Document(
    int SchemaVersion,
    SourceInfo Source,
    ImmutableArray<Form> Forms,
    ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The contract version this code writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>
    /// <c>ok</c>, <c>review</c> (converted, but something was lost or is doubtful) or <c>failed</c> (no form);
    /// see <see cref="DocumentStatus"/>. Derived from the forms and diagnostics, so every copy of a document
    /// (a failure's record, a document read back from its JSON) has the status its content gives.
    /// </summary>
    public string Status => StatusRule.Of(Forms, Diagnostics);

    /// <summary>What made the status: the codes of diagnostics of severity warning or error and of checks of severity error, with their counts.</summary>
    public ImmutableSortedDictionary<string, int> StatusReasons => StatusRule.Reasons(Forms, Diagnostics);

    /// <summary>
    /// A document for an input that could not be converted: no forms, the diagnostics met before the
    /// failure, and the error that says why.
    /// </summary>
    /// <param name="source">The input file (its sha256 empty when its bytes could not be read).</param>
    /// <param name="error">Why it failed (severity error).</param>
    /// <param name="earlier">Diagnostics met before the failure.</param>
    public static Document Failed(SourceInfo source, Diagnostic error, IEnumerable<Diagnostic>? earlier = null) =>
        new(CurrentSchemaVersion, source, [], [.. earlier ?? [], error]);

    /// <summary>True when a diagnostic of severity error says the input could not be (fully) converted.</summary>
    [JsonIgnore]
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
