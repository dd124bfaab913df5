using System.Text.Json;
using Extractor.Export;
using Extractor.Model;

namespace Extractor.Cli.Tests.Trust;

/// <summary>
/// Every document's status (ok, review, failed) and what made it, through the command line: in the JSON, on
/// stderr, in the batch summary and the per-file line; <c>--strict</c> makes review fail the run.
/// </summary>
public sealed class StatusTests
{
    [Fact]
    public void APdfCutOffAt90PercentIsReviewWithDamagedOnStderrAndStrictFailsIt()
    {
        using var t = new TempFolder();
        var cut = Damaged.Cut(t, "cut.pdf", 90);

        var run = CliProcess.Run(t.Path, "convert", cut, "-o", "cut.json");

        Assert.Equal(0, run.ExitCode);
        var document = DocumentJson.Deserialize(File.ReadAllText(t["cut.json"]))!;
        Assert.Equal(DocumentStatus.Review, document.Status);
        Assert.NotEmpty(document.Forms);
        Assert.True(document.StatusReasons[DiagnosticCodes.Damaged] >= 2);
        var truncated = Assert.Single(document.Diagnostics, d => d.Code == DiagnosticCodes.Damaged && d.Message.Contains("truncated", StringComparison.Ordinal));
        Assert.Equal(Severity.Warning, truncated.Severity);
        Assert.Contains($"ends after {new FileInfo(cut).Length} bytes without %%EOF", truncated.Message, StringComparison.Ordinal);
        Assert.Contains(document.Diagnostics, d => d.Code == DiagnosticCodes.Damaged && d.Message.Contains("could not be loaded", StringComparison.Ordinal) && d.Message.Contains("text drawn in that font is lost", StringComparison.Ordinal));

        // Stderr says it, not only the JSON: each damage, then the status line with its reasons.
        Assert.Contains("WRN] " + cut + ": damaged: the file is truncated", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(cut + ": review (damaged ", run.Stderr, StringComparison.Ordinal);

        var strict = CliProcess.Run(t.Path, "convert", cut, "--strict", "-o", "strict.json");
        Assert.Equal(1, strict.ExitCode);
        Assert.True(File.Exists(t["strict.json"]));
    }

    [Fact]
    public void TheStatusIsInTheJsonlTheSqliteTheSummaryAndThePerFileLine()
    {
        using var t = new TempFolder();
        Directory.CreateDirectory(t["in"]);
        File.Copy(Damaged.OtherFormPdf, t["in/good.pdf"]);
        Damaged.Cut(t, "in/sub/cut.pdf", 90);
        t.Write("in/letter.txt", "关于预算执行情况的说明\n本单位严格执行预算。\n");

        var run = CliProcess.Run(t.Path, "batch", "in", "-o", "out", "--jsonl", "all.jsonl", "--sqlite", "all.db");

        Assert.Equal(1, run.ExitCode);
        var statuses = File.ReadAllLines(t["all.jsonl"]).Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(d => d.GetProperty("source").GetProperty("path").GetString()!, d => d.GetProperty("status").GetString());
        Assert.Equal("ok", statuses["in/good.pdf"]);
        Assert.Equal("review", statuses["in/sub/cut.pdf"]);
        Assert.Equal("failed", statuses["in/letter.txt"]);

        Assert.Contains("  status        ok 1, review 1, failed 1", run.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"  diagnostics   damaged \d+", run.Stderr);
        Assert.Matches(@"    in/sub/cut\.pdf: damaged \d+", run.Stderr);
        Assert.Contains("Done in/good.pdf: ok, 3 forms", run.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"WRN\] Done in/sub/cut\.pdf: review \(damaged \d+", run.Stderr);
        Assert.Contains("WRN] in/sub/cut.pdf: damaged: the file is truncated", run.Stderr, StringComparison.Ordinal);

        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={t["all.db"]};Pooling=False");
        db.Open();
        using var query = db.CreateCommand();
        query.CommandText = "SELECT relPath || ':' || status FROM documents ORDER BY relPath";
        using var reader = query.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        Assert.Equal(["good.pdf:ok", "sub/cut.pdf:review"], rows);
    }

    [Fact]
    public void StrictMakesABatchWithADocumentToReviewExit1()
    {
        using var t = new TempFolder();
        t.Write("in/sums.txt", File.ReadAllBytes(Path.Combine(TestFiles.RepositoryRoot, "tests", "Extractor.Tests", "Approved", "checks.txt")));
        t.CopySeed("in/seed.txt");

        var lenient = CliProcess.Run(t.Path, "batch", "in", "-o", "out");
        var strict = CliProcess.Run(t.Path, "batch", "in", "-o", "out", "--strict");

        Assert.Equal(0, lenient.ExitCode);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("  status        ok 1, review 1, failed 0", strict.Stderr, StringComparison.Ordinal);
        Assert.Equal(["seed.json", "sums.json"], t.Files("out"));
    }

    [Fact]
    public void AFixtureFormConvertsOkWithNoReasons()
    {
        var run = CliProcess.Run(TestFiles.RepositoryRoot, "convert", Damaged.OtherFormPdf);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.Empty(json.RootElement.GetProperty("statusReasons").EnumerateObject());
        Assert.Contains(": ok: 3 forms, 71 indicators", run.Stderr, StringComparison.Ordinal);
    }
}
