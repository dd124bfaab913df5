using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Extractor.Fuzz;

/// <summary>
/// Runs a sample of cases through the real command line, as separate processes: <c>extractor convert</c>
/// per case and one <c>extractor batch</c> over all of them. Checks what a user or a script sees: the exit
/// code (0 or 1, never a crash code), valid JSON on stdout, the file and the reason named on stderr, no
/// stack trace, and for the batch one JSONL line per input.
/// </summary>
public sealed partial class CliProbe(string extractorDll, RunLimits limits)
{
    /// <summary>The <c>extractor.dll</c> copied beside this tool.</summary>
    public static string DefaultExtractor => Path.Combine(AppContext.BaseDirectory, "extractor.dll");

    /// <summary>Converts each case with <c>extractor convert</c>, then all with <c>extractor batch</c>; returns one result per check.</summary>
    public List<CaseResult> Run(IReadOnlyList<FuzzCase> cases, string workFolder)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var input = Path.Combine(workFolder, "in");
        Directory.CreateDirectory(input);
        var results = new List<CaseResult>();
        foreach (var fuzzCase in cases)
        {
            var path = Path.Combine(input, fuzzCase.FileName);
            File.WriteAllBytes(path, fuzzCase.Bytes);
            results.Add(Convert(fuzzCase, path));
        }

        results.Add(Batch(cases, input, workFolder));
        return results;
    }

    private CaseResult Convert(FuzzCase fuzzCase, string path)
    {
        var seconds = limits.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        var run = Execute(["convert", path, "--timeout", seconds, "--ocr", OcrValue]);
        CaseResult Result(CaseClass c, string detail) =>
            new("cli-convert/" + fuzzCase.Id, fuzzCase.FileName, fuzzCase.Description, c, detail, run.Elapsed, 0, run.PeakWorkingSet, 0, run.Stderr.Contains("timed out", StringComparison.Ordinal));

        if (run.ExitCode is null)
        {
            return Result(CaseClass.Hang, $"extractor convert did not exit within {(limits.Timeout + limits.HangMargin).TotalSeconds:0} s");
        }

        if (StackTrace().IsMatch(run.Stderr))
        {
            return Result(CaseClass.Crash, $"stack trace on stderr (exit {run.ExitCode}): {FirstLines(run.Stderr)}");
        }

        if (run.ExitCode is not (0 or 1))
        {
            return Result(CaseClass.Crash, $"exit code {run.ExitCode}: {FirstLines(run.Stderr)}");
        }

        // The conversion's boundary turns a bug into an "internal error" diagnostic: still a crash to fix.
        if (run.Stderr.Contains(": internal error: ", StringComparison.Ordinal))
        {
            return Result(CaseClass.Crash, FirstLines(run.Stderr));
        }

        try
        {
            using var json = JsonDocument.Parse(run.Stdout);
            var root = json.RootElement;
            if (root.GetProperty("schemaVersion").GetInt32() != 1 || root.GetProperty("source").GetProperty("path").GetString() != path)
            {
                return Result(CaseClass.SilentFailure, "the JSON does not name the input: " + Shorten(run.Stdout));
            }

            var forms = root.GetProperty("forms").GetArrayLength();
            if (run.ExitCode == 1 && !run.Stderr.Contains(path, StringComparison.Ordinal))
            {
                return Result(CaseClass.SilentFailure, "exit 1 but stderr does not name the file: " + FirstLines(run.Stderr));
            }

            return Result(forms > 0 ? CaseClass.OkWithForms : run.ExitCode == 1 ? CaseClass.ErrorWithReason : CaseClass.SilentFailure, $"exit {run.ExitCode}, {forms} forms");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return Result(CaseClass.Crash, $"stdout is not the document JSON ({e.Message}): {Shorten(run.Stdout)}");
        }
    }

    private CaseResult Batch(IReadOnlyList<FuzzCase> cases, string input, string workFolder)
    {
        var output = Path.Combine(workFolder, "out");
        var jsonl = Path.Combine(workFolder, "all.jsonl");
        var seconds = limits.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        var run = Execute(["batch", input, "-o", output, "--jsonl", jsonl, "-j", "2", "--timeout", seconds, "--ocr", OcrValue], cases.Count);
        CaseResult Result(CaseClass c, string detail) =>
            new("cli-batch", $"{cases.Count} files", "extractor batch over the sample", c, detail, run.Elapsed, 0, run.PeakWorkingSet, 0, false);

        if (run.ExitCode is null)
        {
            return Result(CaseClass.Hang, "extractor batch did not exit in time");
        }

        if (StackTrace().IsMatch(run.Stderr))
        {
            return Result(CaseClass.Crash, "stack trace on stderr: " + FirstLines(StackTrace().Match(run.Stderr).Value));
        }

        if (run.ExitCode is not (0 or 1))
        {
            return Result(CaseClass.Crash, $"exit code {run.ExitCode}: {FirstLines(run.Stderr)}");
        }

        if (run.Stderr.Contains("internal error", StringComparison.Ordinal) || run.Stderr.Contains("internal-error", StringComparison.Ordinal))
        {
            return Result(CaseClass.Crash, "an internal error in the batch: " + FirstLines(run.Stderr));
        }

        // Inputs of a type that is not read (binary data) are skipped and counted in the summary, not exported.
        var lines = File.Exists(jsonl) ? File.ReadAllLines(jsonl) : [];
        var skipped = SkippedLine().Match(run.Stderr) is { Success: true } m ? int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : 0;
        if (lines.Length + skipped != cases.Count)
        {
            return Result(CaseClass.SilentFailure, $"{lines.Length} JSONL lines and {skipped} skipped for {cases.Count} inputs");
        }

        var failures = 0;
        foreach (var line in lines)
        {
            try
            {
                using var json = JsonDocument.Parse(line);
                var diagnostics = json.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
                var errors = diagnostics.Where(d => d.GetProperty("severity").GetString() == "error").ToList();
                if (json.RootElement.GetProperty("forms").GetArrayLength() == 0 && errors.Count == 0)
                {
                    return Result(CaseClass.SilentFailure, "a JSONL line with no forms and no error: " + Shorten(line));
                }

                failures += errors.Count > 0 ? 1 : 0;
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                return Result(CaseClass.Crash, $"a JSONL line is not a document ({e.Message}): {Shorten(line)}");
            }
        }

        return Result(failures > 0 ? CaseClass.ErrorWithReason : CaseClass.OkWithForms, $"exit {run.ExitCode}, {lines.Length} lines, {failures} failures");
    }

    private string OcrValue => limits.Ocr.ToString().ToLowerInvariant();

    private sealed record Execution(int? ExitCode, string Stdout, string Stderr, TimeSpan Elapsed, long PeakWorkingSet);

    private Execution Execute(string[] arguments, int files = 1)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(extractorDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;

        // Start-up takes a second or two; a batch may run its files one after another at worst.
        var deadline = TimeSpan.FromSeconds(30) + ((limits.Timeout + limits.HangMargin) * Math.Max(1, files));
        while (!process.WaitForExit(50))
        {
            try
            {
                process.Refresh();
                peak = Math.Max(peak, process.PeakWorkingSet64);
            }
            catch (InvalidOperationException)
            {
                break; // exited between the two calls
            }

            if (clock.Elapsed > deadline)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return new Execution(null, stdout.Result, stderr.Result, clock.Elapsed, peak);
            }
        }

        process.WaitForExit();
        return new Execution(process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed, peak);
    }

    private static string FirstLines(string text) => Shorten(string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(3)));

    private static string Shorten(string s) => s.Length <= 300 ? s : s[..300] + "…";

    [GeneratedRegex(@"(^|\n)\s+at \S+|Unhandled exception", RegexOptions.CultureInvariant)]
    private static partial Regex StackTrace();

    [GeneratedRegex(@"^  skipped +(\d+)", RegexOptions.Multiline)]
    private static partial Regex SkippedLine();
}
