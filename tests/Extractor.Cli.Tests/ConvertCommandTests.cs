using System.Text.Json;
using Extractor.Cli.Tests.Support;

namespace Extractor.Cli.Tests;

/// <summary><c>extractor convert</c> as a process: JSON on stdout, logs on stderr, exit codes 0/1/2.</summary>
public sealed class ConvertCommandTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("extractor-convert-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void TheSeedConvertsToCleanJsonOnStdout()
    {
        var seed = Path.Combine(ExtractorProcess.RepoRoot, "fixtures", "seed", "003_e18d18ffef0fbf31.txt");
        var run = ExtractorProcess.Run("convert", seed);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(3, json.RootElement.GetProperty("forms").GetArrayLength());
        Assert.Equal("党群中心劳务费及分摊费", json.RootElement.GetProperty("forms")[0].GetProperty("projectName").GetString());
        Assert.Contains("3 forms, 71 indicators", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputOptionWritesTheFileAndNothingOnStdout()
    {
        var seed = Path.Combine(ExtractorProcess.RepoRoot, "fixtures", "seed", "003_e18d18ffef0fbf31.txt");
        var output = Path.Combine(temp, "sub", "seed.json");
        var run = ExtractorProcess.Run("convert", seed, "-o", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        using var json = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal(1, json.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(output)!, "*.tmp", SearchOption.AllDirectories));
    }

    public static TheoryData<string, byte[], string, string> BadInputs() => new()
    {
        { "empty.txt", [], "no-text", "the file is empty" },
        { "garbage.txt", [0x00, 0x9F, 0x92, 0x96, 0x00, 0xFF, 0x10, 0x02, 0x00, 0x00, 0x41], "unsupported", "binary" },
        { "letter.txt", "关于预算执行情况的说明\n本单位严格执行预算。\n"u8.ToArray(), "no-form", "no self-evaluation form" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInputGivesADiagnosticNamingTheReasonAndExitCodeOne(string name, byte[] content, string code, string reason)
    {
        var path = Path.Combine(temp, name);
        File.WriteAllBytes(path, content);
        var run = ExtractorProcess.Run("convert", path);

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var errors = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.GetProperty("severity").GetString() == "error").ToList();
        var error = Assert.Single(errors);
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Contains(reason, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(name, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void FormsWhoseSumsDoNotHoldAreConvertedToReview()
    {
        var path = Path.Combine(ExtractorProcess.RepoRoot, "tests", "Extractor.Tests", "Approved", "checks.txt");
        var run = ExtractorProcess.Run("convert", path);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("review", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("statusReasons").GetProperty("score-sum-mismatch").GetInt32());
        Assert.Contains(": review (score-exceeds-weight 1, score-sum-mismatch 1, weight-sum-mismatch 1): 2 forms", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, ExtractorProcess.Run("convert", path, "--strict").ExitCode);
    }

    [Fact]
    public void AMissingFileIsReportedNotThrown()
    {
        var run = ExtractorProcess.Run("convert", Path.Combine(temp, "nope.txt"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such file", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("convert")]
    [InlineData("convert", "a.txt", "--no-such-option")]
    [InlineData("frobnicate")]
    public void UsageErrorsExitWithTwo(params string[] args)
    {
        var run = ExtractorProcess.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.NotEqual(string.Empty, run.Stderr);
    }
}
