using System.Diagnostics;
using Extractor.Export;

namespace Extractor.Cli.Tests.Batch;

public sealed class SignalTests
{
    private const int SigTerm = 15;

    [Fact]
    public async Task SigtermStopsTheBatchWithExitCode130AndKeepsOnlyWholeFiles()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no SIGTERM to send
        }

        using var t = new TempFolder();
        for (var i = 0; i < 200; i++)
        {
            t.CopySeed($"in/d{i / 50}/f{i:D3}.txt");
        }

        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = t.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "extractor.dll"), "batch", "in", "-o", "out", "-j", "1", "--jsonl", "all.jsonl", "--sqlite", "all.db" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (t.Files("out", "*.json").Count < 3 && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(20);
        }

        Assert.Equal(0, Kill(process.Id, SigTerm));

        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.Equal(130, process.ExitCode);
        Assert.Equal(string.Empty, await stdout);
        var errors = await stderr;
        Assert.Contains("Batch interrupted", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);

        var outputs = t.Files("out");
        Assert.InRange(outputs.Count, 3, 199);
        Assert.Empty(t.Files(pattern: "*.tmp"));
        foreach (var output in outputs)
        {
            Assert.Equal(TestFiles.SeedForms, DocumentJson.Deserialize(File.ReadAllText(t["out/" + output]))!.Forms.Length);
        }

        Assert.Equal(outputs.Count, File.ReadAllLines(t["all.jsonl"]).Length);
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in this project
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
#pragma warning restore SYSLIB1054
}
