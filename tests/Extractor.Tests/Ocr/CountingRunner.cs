using System.Collections.Concurrent;
using Extractor.Sources.Ocr;

namespace Extractor.Tests.Ocr;

/// <summary>Counts the tools run and passes them on to the real runner, or reports them missing.</summary>
internal sealed class CountingRunner(bool missing = false) : IToolRunner
{
    public ConcurrentBag<string> Runs { get; } = [];

    public ToolResult Run(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Runs.Add(program + " " + string.Join(' ', arguments));
        return missing
            ? new ToolResult(-1, string.Empty, $"{program}: not found", NotFound: true)
            : ProcessToolRunner.Instance.Run(program, arguments, timeout, cancellationToken);
    }
}
