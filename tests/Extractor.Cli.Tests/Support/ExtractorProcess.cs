using System.Diagnostics;
using System.Text;

namespace Extractor.Cli.Tests.Support;

/// <summary>Runs the built <c>extractor</c> as a separate process, as a user would.</summary>
public static class ExtractorProcess
{
    /// <summary>What a run printed and returned.</summary>
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs <c>extractor ARGS</c> and waits (at most two minutes).</summary>
    public static Outcome Run(params string[] args) => RunWith(null, args);

    /// <summary>Runs <c>extractor ARGS</c> with <paramref name="environment"/> set (a null value removes the variable).</summary>
    public static Outcome RunWith(IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "extractor.dll");

        // The program by its full path: a PATH changed for the child does not change where dotnet is.
        var start = new ProcessStartInfo(Programs.Find("dotnet") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("extractor did not finish: " + string.Join(' ', args));
        }

        return new Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The folder holding Extractor.sln.</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Extractor.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Extractor.sln not found");
        }
    }
}
