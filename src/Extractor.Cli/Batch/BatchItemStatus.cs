namespace Extractor.Cli.Batch;

/// <summary>What became of one input.</summary>
public enum BatchItemStatus
{
    /// <summary>Converted (its status ok or review); its JSON was written.</summary>
    Converted,

    /// <summary>Skipped by <c>--resume</c>: its JSON exists for the same content hash.</summary>
    UpToDate,

    /// <summary>Not converted; no JSON was written and the failure says why.</summary>
    Failed,

    /// <summary>Not read: a type this build does not read (by its bytes), or a file whose name is not an input's.</summary>
    Skipped,
}
