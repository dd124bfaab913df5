namespace Extractor.Sources.Ocr;

/// <summary>Runs an external program (pdftoppm). Injectable so that tests can count or refuse runs.</summary>
internal interface IToolRunner
{
    /// <summary>
    /// Runs <paramref name="program"/> with <paramref name="arguments"/> (passed as they are, no shell) and
    /// waits for it, killing it after <paramref name="timeout"/> or when <paramref name="cancellationToken"/> fires.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token fired; the process has been killed.</exception>
    ToolResult Run(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken);
}
