namespace Extractor.Cli.Tests.Trust;

/// <summary>
/// <c>--resume</c> does not try again an input that failed before with the same content; <c>--retry-failed</c>
/// does; a changed input is tried again either way.
/// </summary>
public sealed class ResumeTests
{
    [Fact]
    public void AFailureIsNotTriedAgainUntilItsContentChangesOrRetryFailedIsGiven()
    {
        using var t = new TempFolder();
        t.CopySeed("in/a.txt");
        t.Write("in/letter.txt", "关于预算执行情况的说明\n本单位严格执行预算。\n");

        var first = CliProcess.Run(t.Path, "batch", "in", "-o", "out", "--log", "first.log");
        Assert.Equal(1, first.ExitCode);
        Assert.Equal([".failed/letter.json", "a.json"], t.Files("out"));

        var resumed = CliProcess.Run(t.Path, "batch", "in", "-o", "out", "--resume", "--log", "resumed.log", "--jsonl", "all.jsonl");
        Assert.Equal(1, resumed.ExitCode);
        Assert.Contains("  up to date    1", resumed.Stderr, StringComparison.Ordinal);
        Assert.Contains("  failed        1 (1 as before, not tried again)", resumed.Stderr, StringComparison.Ordinal);
        Assert.Contains("Failed before in/letter.txt: no-form", resumed.Stderr, StringComparison.Ordinal);
        var log = File.ReadAllText(t["resumed.log"]);
        Assert.Contains("\"FileEvent\":\"failed-before\"", log, StringComparison.Ordinal);
        Assert.DoesNotContain("\"FileEvent\":\"failed\"", log, StringComparison.Ordinal);
        Assert.DoesNotContain("\"FileEvent\":\"done\"", log, StringComparison.Ordinal);

        // The exports of a resumed run still cover the failure, as they cover the documents up to date.
        Assert.Equal(2, File.ReadAllLines(t["all.jsonl"]).Length);

        var retried = CliProcess.Run(t.Path, "batch", "in", "-o", "out", "--retry-failed", "--log", "retried.log");
        Assert.Equal(1, retried.ExitCode);
        Assert.Contains("  up to date    1", retried.Stderr, StringComparison.Ordinal);
        Assert.Contains("  failed        1\n", retried.Stderr.Replace("\r", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"FileEvent\":\"failed\"", File.ReadAllText(t["retried.log"]), StringComparison.Ordinal);

        // Repaired: converted on the next resumed run, and its failure record is gone.
        File.Copy(TestFiles.Seed, t["in/letter.txt"], overwrite: true);
        var repaired = CliProcess.Run(t.Path, "batch", "in", "-o", "out", "--resume");
        Assert.Equal(0, repaired.ExitCode);
        Assert.Contains("  converted     1", repaired.Stderr, StringComparison.Ordinal);
        Assert.Equal(["a.json", "letter.json"], t.Files("out"));
    }
}
