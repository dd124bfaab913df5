using Extractor.Model;
using Microsoft.Data.Sqlite;
using Extractor.Export;

namespace Extractor.Cli.Tests.Batch;

public sealed class BatchCommandTests
{
    private static readonly string[] Tables = ["documents", "forms", "fund_rows", "indicators", "checks", "diagnostics", "failures"];

    [Fact]
    public void ATreeGivesMirroredJsonRecordsEveryFailureWithItsReasonAndExits1()
    {
        using var t = new TempFolder();
        BatchTree.Create(t);

        var run = CliProcess.Run(t.Path, "batch", "in", "-o", "out", "--jsonl", "all.jsonl", "--log", "batch.log", "-j", "2");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);

        Assert.Equal(BatchTree.ExpectedOutputs, t.Files("out").Where(f => !f.StartsWith(".failed/", StringComparison.Ordinal)));
        foreach (var output in BatchTree.ExpectedOutputs.Where(o => !o.Contains("sums", StringComparison.Ordinal)))
        {
            var document = DocumentJson.Deserialize(File.ReadAllText(t["out/" + output]))!;
            Assert.Equal(TestFiles.SeedSha256, document.Source.Sha256);
            Assert.Equal(TestFiles.SeedForms, document.Forms.Length);
            Assert.Equal(TestFiles.SeedIndicators, document.Forms.Sum(f => f.Indicators.Length));
            Assert.Equal(DocumentStatus.Ok, document.Status);
        }

        // The forms whose sums do not hold are converted, to review, and their JSON says why.
        var sums = DocumentJson.Deserialize(File.ReadAllText(t["out/2022/sums.json"]))!;
        Assert.Equal(DocumentStatus.Review, sums.Status);
        Assert.Equal(1, sums.StatusReasons[CheckCodes.ScoreSumMismatch]);

        Assert.Equal("in/2022/b.txt", DocumentJson.Deserialize(File.ReadAllText(t["out/2022/b.txt.json"]))!.Source.Path);
        Assert.Contains("  converted     4", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("  failed        3", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("  skipped       4: " + BatchTree.SkippedByType, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("  status        ok 3, review 1, failed 3", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("  forms         11", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("  indicators    220", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("  checks        error 3, warning 7, info 10", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("  diagnostics   unplaced-text 2, damaged 1, no-form 1, no-text 1", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"    {BatchTree.Review}: {BatchTree.ReviewReasons}", run.Stderr, StringComparison.Ordinal);
        foreach (var (path, code, reason) in BatchTree.ExpectedFailures)
        {
            var line = run.Stderr.Split('\n').Single(l => l.StartsWith($"    {path}: ", StringComparison.Ordinal));
            Assert.StartsWith($"    {path}: {code}: ", line, StringComparison.Ordinal);
            Assert.Contains(reason, line, StringComparison.Ordinal);
        }

        // JSONL: one line per input; a failure's line has no forms and an error diagnostic with its code.
        var lines = File.ReadAllLines(t["all.jsonl"]);
        Assert.Equal(BatchTree.InputCount, lines.Length);
        var documents = lines.Select(l => DocumentJson.Deserialize(l)!).ToDictionary(d => d.Source.Path);
        foreach (var (path, code, _) in BatchTree.ExpectedFailures)
        {
            Assert.Empty(documents[path].Forms);
            Assert.Equal(DocumentStatus.Failed, documents[path].Status);
            Assert.Contains(documents[path].Diagnostics, d => d.Severity == Severity.Error && d.Code == code);
        }

        Assert.Equal(TestFiles.SeedForms, documents["in/2021/sub/b.txt"].Forms.Length);

        // Structured per-file events in the log file.
        var log = File.ReadAllText(t["batch.log"]);
        Assert.Contains("\"FileEvent\":\"start\"", log, StringComparison.Ordinal);
        Assert.Contains("\"FileEvent\":\"done\"", log, StringComparison.Ordinal);
        Assert.Contains("\"FileEvent\":\"failed\"", log, StringComparison.Ordinal);
        Assert.Contains("\"FileEvent\":\"skipped-type\"", log, StringComparison.Ordinal);
        Assert.Contains("\"Status\":\"review\"", log, StringComparison.Ordinal);
        Assert.Contains("\"DurationMs\":", log, StringComparison.Ordinal);
        Assert.Contains("\"BatchSummary\":true", log, StringComparison.Ordinal);

        Assert.Empty(t.Files(pattern: "*.tmp"));
    }

    [Fact]
    public void SqliteRowsMatchTheDocumentsAndASecondRunDoesNotDuplicateThem()
    {
        using var t = new TempFolder();
        BatchTree.Create(t);

        var first = CliProcess.Run(t.Path, "batch", "in", "-o", "out", "--sqlite", "db/all.db");
        Assert.Equal(1, first.ExitCode);
        var counts = Counts(t["db/all.db"]);
        Assert.Equal(4, counts["documents"]);
        Assert.Equal(11, counts["forms"]);
        Assert.Equal(39, counts["fund_rows"]);
        Assert.Equal(220, counts["indicators"]);
        Assert.Equal(20, counts["checks"]);
        Assert.Equal(3, counts["failures"]);

        var second = CliProcess.Run(t.Path, "batch", "in", "-o", "out", "--sqlite", "db/all.db");
        Assert.Equal(1, second.ExitCode);
        Assert.Equal(counts, Counts(t["db/all.db"]));

        using var connection = Open(t["db/all.db"]);
        Assert.Equal(
            ["2022/b.pdf:damaged", "2022/noform.txt:no-form", "empty.txt:no-text"],
            Strings(connection, "SELECT relPath || ':' || code FROM failures ORDER BY relPath"));
        Assert.Equal(
            ["target-not-met-full-score", "target-not-met-full-score", "target-not-met-full-score", "total-score-missing"],
            Strings(connection, "SELECT c.code FROM checks c JOIN documents d USING (docKey) WHERE d.relPath = '2021/a.txt' ORDER BY c.code"));
        Assert.Equal(
            ["2023|党群中心劳务费及分摊费|71"],
            Strings(connection, "SELECT DISTINCT f.year || '|' || f.projectName || '|' || d.indicatorCount FROM forms f JOIN documents d USING (docKey) WHERE f.formIndex = 0 AND d.status = 'ok'"));
        Assert.Equal(
            ["2022/sums.txt|review|{\"score-exceeds-weight\":1,\"score-sum-mismatch\":1,\"weight-sum-mismatch\":1}"],
            Strings(connection, "SELECT relPath || '|' || status || '|' || statusReasons FROM documents WHERE status <> 'ok'"));
        Assert.Equal(["0"], Strings(connection, "SELECT count(*) FROM pragma_foreign_key_check"));
    }

    [Fact]
    public void AChangedInputReplacesItsRowsAndARepairedOneClearsItsFailure()
    {
        using var t = new TempFolder();
        BatchTree.Create(t);
        Assert.Equal(1, CliProcess.Run(t.Path, "batch", "in", "-o", "out", "--sqlite", "all.db").ExitCode);

        // Repair the input without a form and change a good one: no failure and no stale version remain.
        File.Copy(TestFiles.Seed, t["in/2022/noform.txt"], overwrite: true);
        File.AppendAllText(t["in/2021/a.txt"], "\n");
        foreach (var (bad, _, _) in BatchTree.ExpectedFailures.Where(f => f.Path != "in/2022/noform.txt"))
        {
            File.Delete(t[bad]);
        }

        Assert.Equal(0, CliProcess.Run(t.Path, "batch", "in", "-o", "out", "--sqlite", "all.db").ExitCode);
        using var connection = Open(t["all.db"]);
        Assert.Equal(
            ["2021/a.txt", "2021/sub/b.txt", "2022/b.txt", "2022/noform.txt", "2022/sums.txt"],
            Strings(connection, "SELECT relPath FROM documents ORDER BY relPath"));
        Assert.Equal(["2"], Strings(connection, "SELECT count(*) FROM failures"));
        Assert.Equal(["291"], Strings(connection, "SELECT count(*) FROM indicators"));
        Assert.DoesNotContain("2022/noform.json", t.Files("out/.failed"));
    }

    [Fact]
    public void CsvHasOneRowPerIndicatorWithFlattenedMeasures()
    {
        using var t = new TempFolder();
        t.CopySeed("in/a.txt");
        t.CopySeed("in/x/b.txt");

        var run = CliProcess.Run(t.Path, "batch", "in", "-o", "out", "--csv", "all.csv");

        Assert.Equal(0, run.ExitCode);
        var bytes = File.ReadAllBytes(t["all.csv"]);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = ReadCsv(t["all.csv"]);
        Assert.Equal(Export.CsvColumnsTests.ExpectedHeader, rows[0]);
        Assert.True(File.Exists(t["all.funds.csv"]) && File.Exists(t["all.checks.csv"]));
        Assert.Equal(2 * TestFiles.SeedIndicators, rows.Count - 1);

        var header = rows[0];
        var a = rows.Skip(1).Where(r => r[header.IndexOf("path")] == "in/a.txt").ToList();
        Assert.Equal(TestFiles.SeedIndicators, a.Count);
        string Cell(List<string> row, string column) => row[header.IndexOf(column)];

        var first = a.Single(r => Cell(r, "formIndex") == "0" && Cell(r, "indicatorIndex") == "0");
        Assert.Equal(TestFiles.SeedSha256, Cell(first, "sha256"));
        Assert.Equal("财政项目支出绩效自评表", Cell(first, "title"));
        Assert.Equal("2023", Cell(first, "year"));
        Assert.Equal("党群中心劳务费及分摊费", Cell(first, "projectName"));
        Assert.Equal("产出指标", Cell(first, "level1"));
        Assert.Equal("数量指标", Cell(first, "level2"));
        Assert.Equal("发放劳务费的居民区书记及社工总人数", Cell(first, "name"));
        Assert.Equal("'=39人", Cell(first, "target_raw"));
        Assert.Equal("'=", Cell(first, "target_operator"));
        Assert.Equal("39", Cell(first, "target_value"));
        Assert.Equal("人", Cell(first, "target_unit"));
        Assert.Equal(string.Empty, Cell(first, "target_text"));
        Assert.Equal("5", Cell(first, "weight"));
        Assert.Equal("15", Cell(first, "source_lines"));
        Assert.Equal("a.txt", Cell(first, "relPath"));
        Assert.Equal("true", Cell(first, "met"));
        Assert.Equal("yearLine", Cell(first, "yearSource"));
        Assert.Equal("ok", Cell(first, "status"));

        var second = a.Single(r => Cell(r, "formIndex") == "0" && Cell(r, "indicatorIndex") == "1");
        Assert.Equal("52", Cell(second, "actual_value"));
        Assert.Equal("false", Cell(second, "met"));
        Assert.Equal("3", Cell(second, "score"));
        Assert.Equal("新增1个居民区", Cell(second, "deviationReason"));

        // A text measure: value and unit empty, text set.
        var quality = a.First(r => Cell(r, "target_raw") == "规范");
        Assert.Equal("规范", Cell(quality, "target_text"));
        Assert.Equal(string.Empty, Cell(quality, "target_value"));
    }

    [Theory]
    [InlineData("--shard", "0/3")]
    [InlineData("--shard", "4/3")]
    [InlineData("--shard", "x")]
    [InlineData("-j", "0")]
    [InlineData("-j", "many")]
    [InlineData("--timeout", "0")]
    [InlineData("--timeout", "soon")]
    public void BadOptionsAreUsageErrors(string option, string value)
    {
        using var t = new TempFolder();
        t.CopySeed("in/a.txt");

        var run = CliProcess.Run(t.Path, "batch", "in", "-o", "out", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.False(Directory.Exists(t["out"]));
    }

    [Fact]
    public void AMissingPathOrOutputIsAUsageError()
    {
        using var t = new TempFolder();
        t.CopySeed("in/a.txt");

        var missing = CliProcess.Run(t.Path, "batch", "in", "nowhere", "-o", "out");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nowhere: no such file or folder", missing.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(t["out"]));

        Assert.Equal(2, CliProcess.Run(t.Path, "batch", "in").ExitCode);
    }

    [Fact]
    public void EverythingConvertedExits0AndASingleFileGoesToOutdirByName()
    {
        using var t = new TempFolder();
        t.CopySeed("in/deep/report.txt");

        var run = CliProcess.Run(t.Path, "batch", "in/deep/report.txt", "-o", "out");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["report.json"], t.Files("out"));
        Assert.Equal(string.Empty, run.Stdout);
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    private static Dictionary<string, long> Counts(string path)
    {
        using var connection = Open(path);
        return Tables.ToDictionary(table => table, table => long.Parse(Strings(connection, $"SELECT count(*) FROM {table}")[0], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A small RFC 4180 reader, independent of the writer under test.</summary>
    internal static List<List<string>> ReadCsv(string path)
    {
        var text = File.ReadAllText(path).TrimStart('\uFEFF');
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
