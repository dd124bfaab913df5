using System.CommandLine;

namespace Extractor.Cli.Commands;

/// <summary><c>--strict</c>, shared by <c>convert</c> and <c>batch</c>: a document to review fails the run (exit code 1).</summary>
public static class StrictOption
{
    /// <summary>Builds the option.</summary>
    public static Option<bool> Create() => new("--strict")
    {
        Description = "Exit with 1 when a document's status is 'review' (converted, but something was lost or is doubtful), not only when one failed",
    };
}
