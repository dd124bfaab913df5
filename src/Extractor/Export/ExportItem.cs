using Extractor.Model;

namespace Extractor.Export;

/// <summary>One input as the exporters see it.</summary>
/// <param name="RelativePath">
/// The input's path relative to the archive's base folder, with <c>/</c> separators: exports key on it, so a
/// re-run replaces what an earlier run wrote for the same file.
/// </param>
/// <param name="Document">
/// The document. For a failure, a document with no forms whose error diagnostics say why (the JSONL line of
/// a failure has the same shape as any other).
/// </param>
public sealed record ExportItem(string RelativePath, Document Document)
{
    /// <summary>Why the input was not converted; null when it was.</summary>
    public ExportFailure? Failure { get; init; }

    /// <summary>Where the document's JSON file was written, relative to the output folder, when it was.</summary>
    public string? OutputPath { get; init; }
}
