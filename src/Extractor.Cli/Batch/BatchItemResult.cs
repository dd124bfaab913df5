using Extractor.Export;
using Extractor.Model;

namespace Extractor.Cli.Batch;

/// <summary>The outcome of one input, as the exporters and the summary see it.</summary>
/// <param name="Input">The input.</param>
/// <param name="Status">Converted, up to date, or failed.</param>
/// <param name="Document">
/// The document: as converted, or as read back from the existing output when up to date. For a failure,
/// a document with no forms whose error diagnostics say why (the JSONL line of a failure).
/// </param>
/// <param name="Failure">The failure record when <paramref name="Status"/> is failed.</param>
/// <param name="Duration">Time spent on the input.</param>
public sealed record BatchItemResult(BatchInput Input, BatchItemStatus Status, Document Document, BatchFailure? Failure, TimeSpan Duration)
{
    /// <summary>For a skipped input, its type: from its bytes (<c>doc</c>, <c>png</c>, <c>zip</c>) or, for a name that is not an input's, its extension.</summary>
    public string? SkippedType { get; init; }

    /// <summary>True for a failure recorded by an earlier run for the same content and not tried again (<c>--resume</c>).</summary>
    public bool FailedBefore { get; init; }

    /// <summary>True when the exporters get this input: a converted, up-to-date or failed one, never a skipped one.</summary>
    public bool IsExported => Status != BatchItemStatus.Skipped;

    /// <summary>The input as the exporters see it.</summary>
    public ExportItem ToExportItem() => new(Input.RelativePath, Document)
    {
        Failure = Failure is { } f ? new ExportFailure(f.Path, f.Sha256, f.Code, f.Reason, f.FailedAt) : null,
        OutputPath = Status == BatchItemStatus.Failed ? null : Input.OutputRelativePath,
    };
}
