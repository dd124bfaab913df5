using System.Globalization;
using System.Text;

namespace Extractor.Fuzz;

/// <summary>The summary of a run: counts per class, time, memory, and every failure with the way to replay it.</summary>
public static class FuzzReport
{
    /// <summary>Writes the report as Markdown.</summary>
    /// <param name="results">The cases.</param>
    /// <param name="wall">Wall time of the run.</param>
    /// <param name="command">The command that made it.</param>
    /// <param name="processes">True when each result is a separate process: memory is then its peak working set, not a growth.</param>
    public static string Write(IReadOnlyList<CaseResult> results, TimeSpan wall, string command, bool processes = false)
    {
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"Command: `{command}`");
        text.AppendLine();
        text.AppendLine("| class | cases |");
        text.AppendLine("|---|---:|");
        foreach (var c in Enum.GetValues<CaseClass>())
        {
            text.AppendLine(inv, $"| {c.Name()} | {results.Count(r => r.Class == c):N0} |");
        }

        text.AppendLine(inv, $"| **total** | **{results.Count:N0}** |");
        text.AppendLine();
        var timedOut = results.Count(r => r.TimedOut);
        text.AppendLine(inv, $"- wall time {wall.TotalSeconds:F1} s; conversions {results.Sum(r => r.Elapsed.TotalSeconds):F1} s; {timedOut} stopped at their time limit");
        if (results.Count > 0)
        {
            var slowest = results.MaxBy(r => r.Elapsed)!;
            var managed = results.MaxBy(r => r.PeakManagedBytes)!;
            var workingSet = results.MaxBy(r => r.PeakWorkingSetBytes)!;
            text.AppendLine(inv, $"- slowest case {slowest.Id}: {slowest.Elapsed.TotalSeconds:F2} s");
            if (processes)
            {
                text.AppendLine(inv, $"- largest peak working set of a process {workingSet.PeakWorkingSetBytes / 1048576.0:F0} MB ({workingSet.Id})");
            }
            else
            {
                text.AppendLine(inv, $"- peak managed heap {managed.PeakManagedBytes / 1048576.0:F0} MB ({managed.Id}); largest working-set growth {workingSet.PeakWorkingSetBytes / 1048576.0:F0} MB ({workingSet.Id})");
            }
            text.AppendLine(inv, $"- median case {Median(results):F3} s");
        }

        var failures = results.Where(r => r.Class.IsFailure()).ToList();
        text.AppendLine();
        text.AppendLine(inv, $"Failures: {failures.Count}");
        foreach (var f in failures)
        {
            text.AppendLine(inv, $"- **{f.Class.Name()}** `{f.Id}` {f.FileName} ({f.Elapsed.TotalSeconds:F1} s): {f.Detail}");
            text.AppendLine(inv, $"  made by: {f.Description}; replay: `extractor-fuzz --replay {ReplayId(f.Id)}`");
        }

        return text.ToString();
    }

    private static string ReplayId(string id) => id.StartsWith("cli-convert/", StringComparison.Ordinal) ? id["cli-convert/".Length..] + " --cli" : id;

    private static double Median(IReadOnlyList<CaseResult> results)
    {
        var sorted = results.Select(r => r.Elapsed.TotalSeconds).Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
