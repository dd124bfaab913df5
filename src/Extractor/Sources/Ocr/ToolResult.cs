namespace Extractor.Sources.Ocr;

/// <summary>How a run of an external tool ended.</summary>
/// <param name="ExitCode">The exit code; -1 when the tool was killed or never started.</param>
/// <param name="StandardOutput">What it wrote to standard output, cut at the runner's bound.</param>
/// <param name="StandardError">What it wrote to standard error, cut at the runner's bound.</param>
/// <param name="NotFound">True when the program could not be started (not installed or not on PATH).</param>
/// <param name="TimedOut">True when it was killed for taking longer than its time limit.</param>
internal sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError, bool NotFound = false, bool TimedOut = false)
{
    /// <summary>True when the tool ran to the end and exited with 0.</summary>
    public bool Succeeded => !NotFound && !TimedOut && ExitCode == 0;
}
