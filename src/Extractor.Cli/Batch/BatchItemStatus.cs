namespace Extractor.Cli.Batch;

/// <summary>What became of one input.</summary>
public enum BatchItemStatus
{
    /// <summary>Converted without error; its JSON was written.</summary>
    Converted,

    /// <summary>Skipped by <c>--resume</c>: its JSON exists for the same content hash.</summary>
    UpToDate,

    /// <summary>Not converted; no JSON was written and the failure says why.</summary>
    Failed,
}
