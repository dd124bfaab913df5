namespace Extractor.Cli.Batch;

/// <summary>Failure codes that the batch itself gives, beside the converter's diagnostic codes.</summary>
public static class FailureCodes
{
    /// <summary>The conversion did not finish within the per-file time limit (<c>--timeout</c>).</summary>
    public const string Timeout = "timeout";

    /// <summary>The conversion stopped on an unexpected error; the reason names it.</summary>
    public const string InternalError = "internal-error";

    /// <summary>The JSON output could not be written.</summary>
    public const string OutputUnwritable = "output-unwritable";
}
