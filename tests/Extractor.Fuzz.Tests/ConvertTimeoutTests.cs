using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Extractor.Fuzz.Tests;

/// <summary><c>extractor convert --timeout</c> as a process: a slow file ends in a timeout error, not a hang.</summary>
public sealed class ConvertTimeoutTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("extractor-timeout-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private static (int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed) Extractor(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CliProbe.DefaultExtractor);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("extractor did not finish");
        }

        return (process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }

    [Fact]
    public void ASlowFileStopsAtTheLimitWithATimeoutErrorNamingTheFile()
    {
        // 60 pages of 1,000,000 operators: several seconds of reading.
        var pdf = new PdfWriter();
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add($"<< /Type /Pages /Kids [{string.Join(' ', Enumerable.Range(4, 60).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i} 0 R")))}] /Count 60 >>");
        pdf.AddFlateStream(string.Empty, Encoding.ASCII.GetBytes(new StringBuilder().Insert(0, "q Q ", 500_000).ToString()));
        for (var i = 0; i < 60; i++)
        {
            pdf.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {PdfWriter.Helvetica} /Contents 3 0 R >>");
        }

        var path = Path.Combine(temp, "slow.pdf");
        File.WriteAllBytes(path, pdf.Build("/Root 1 0 R"));
        var run = Extractor("convert", path, "--timeout", "0.5");

        Assert.Equal(1, run.ExitCode);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(20), $"took {run.Elapsed}");
        using var json = JsonDocument.Parse(run.Stdout);
        var error = json.RootElement.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("severity").GetString() == "error");
        Assert.Equal("timeout", error.GetProperty("code").GetString());
        Assert.StartsWith($"{path}: timed out after 0.5 s", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains($"{path}: timeout: timed out after 0.5 s", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("soon")]
    public void ATimeoutThatIsNotAPositiveNumberIsAUsageError(string value)
    {
        var run = Extractor("convert", "whatever.pdf", "--timeout", value);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
    }
}
