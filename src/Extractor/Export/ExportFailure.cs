namespace Extractor.Export;

/// <summary>Why one input was not converted.</summary>
/// <param name="Path">The path as given.</param>
/// <param name="Sha256">Hex SHA-256 of the file's bytes; null when they could not be read.</param>
/// <param name="Code">A diagnostic code (<c>unreadable</c>, <c>no-form</c>, <c>encrypted</c>, <c>timeout</c>, …).</param>
/// <param name="Reason">Human-readable reason.</param>
/// <param name="FailedAt">When it failed.</param>
public sealed record ExportFailure(string Path, string? Sha256, string Code, string Reason, DateTimeOffset FailedAt);
