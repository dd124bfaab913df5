using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Extractor.Sources.Ocr;

/// <summary>
/// Runs external programs as child processes: no shell, standard input closed, output read as UTF-8 and
/// bounded, the whole process tree killed on time-out or cancellation. Tools are kept to one thread
/// (<c>OMP_THREAD_LIMIT=1</c>) so that a batch's parallelism is the only parallelism.
/// </summary>
internal sealed class ProcessToolRunner : IToolRunner
{
    /// <summary>The shared instance with the default bound.</summary>
    public static ProcessToolRunner Instance { get; } = new();

    /// <summary>Most characters kept of each output stream; the rest is read and dropped.</summary>
    public int MaxOutputChars { get; init; } = 64 * 1024 * 1024;

    /// <inheritdoc/>
    public ToolResult Run(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["OMP_THREAD_LIMIT"] = "1";
        using var process = new Process { StartInfo = start };
        try
        {
            if (!process.Start())
            {
                return new ToolResult(-1, string.Empty, $"{program} did not start", NotFound: true);
            }
        }
        catch (Win32Exception e)
        {
            return new ToolResult(-1, string.Empty, e.Message, NotFound: true);
        }

        process.StandardInput.Close();
        var output = Drain(process.StandardOutput);
        var error = Drain(process.StandardError);
        var timedOut = false;
        using (var registration = cancellationToken.Register(() => Kill(process)))
        {
            if (!process.WaitForExit(timeout <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(1) : timeout))
            {
                timedOut = true;
                Kill(process);
                process.WaitForExit();
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new ToolResult(timedOut ? -1 : process.ExitCode, output.Result, error.Result, TimedOut: timedOut);
    }

    private Task<string> Drain(StreamReader reader) => Task.Run(() =>
    {
        var kept = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            var room = MaxOutputChars - kept.Length;
            if (room > 0)
            {
                kept.Append(buffer, 0, Math.Min(room, read));
            }
        }

        return kept.ToString();
    });

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
