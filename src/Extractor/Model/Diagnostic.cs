using System.Text.Json.Serialization;

namespace Extractor.Model;

/// <summary>A document-level problem: text that fits no field, or input that could not be read.</summary>
/// <param name="Code">Stable code, see <see cref="DiagnosticCodes"/>.</param>
/// <param name="Severity">How serious it is; an error means the input was not (fully) converted.</param>
/// <param name="Message">Human-readable explanation naming the reason.</param>
/// <param name="Page">1-based page, when known.</param>
/// <param name="Line">1-based line of the row text, when known.</param>
/// <param name="Text">The text concerned, when there is one.</param>
public sealed record Diagnostic(string Code, Severity Severity, string Message, int? Page, int? Line, string? Text)
{
    /// <summary>The JSON path of the value concerned (<c>/forms/0/indicators/3/actual</c>), when there is one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Path { get; init; }
}
