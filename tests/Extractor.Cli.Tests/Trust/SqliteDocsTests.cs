using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Extractor.Cli.Tests.Trust;

/// <summary>
/// The example queries of docs/sqlite.md, run on a database the command line makes from the fixtures, give the
/// figures the fixtures' expected JSON gives: funds in 元 per year and department (forms of 元 and 万元 mixed),
/// the missed targets, inputs by status, and the failing checks.
/// </summary>
public sealed partial class SqliteDocsTests : IClassFixture<SqliteDocsTests.Database>
{
    private readonly Database db;

    public SqliteDocsTests(Database db) => this.db = db;

    [Fact]
    public void TheDocumentedQueriesAreTheOnesTested() =>
        Assert.Equal(["funds-by-year-department", "missed-targets", "forms-by-status", "failed-checks"], Database.Queries.Keys);

    [Fact]
    public void FundsPerYearAndDepartmentAreTheExpectedAmountsIn元()
    {
        var expected = db.Expected
            .SelectMany(e => e.Forms.Select(f => (Form: f, Total: f.GetProperty("funds").GetProperty("rows").EnumerateArray().FirstOrDefault(r => r.GetProperty("key").GetString() == "total"))))
            .Where(x => x.Total.ValueKind == JsonValueKind.Object)
            .GroupBy(x => (Year: x.Form.GetProperty("year").GetInt32(), Department: x.Form.GetProperty("supervisingDepartment").GetString()!))
            .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Department, StringComparer.Ordinal)
            .Select(g =>
            {
                decimal Sum(string field) => g.Sum(x => x.Total.GetProperty(field).GetDecimal() * (x.Form.GetProperty("funds").GetProperty("unit").GetString() == "万元" ? 10_000m : 1m));
                var (annual, executed) = (Sum("annualBudget"), Sum("executed"));
                return Row(g.Key.Year, g.Key.Department, g.Count(), annual, executed, Math.Round(100m * executed / annual, 2, MidpointRounding.AwayFromZero));
            })
            .ToList();

        Assert.Equal(expected, db.Run("funds-by-year-department"));

        // Two forms of one department and year, one in 元 and one in 万元: 1,850,000 元 + 345 万元.
        Assert.Contains(Row(2020, "鄞州区应急管理局", 2, 5_300_000m, 1_762_310.4m + 3_187_800m, 93.4m), db.Run("funds-by-year-department"));
    }

    [Fact]
    public void MissedTargetsAreTheIndicatorsWhoseActualFailsTheTargetsOperator()
    {
        var expected = new List<string>();
        foreach (var (relPath, forms) in db.Expected.OrderBy(e => e.RelPath, StringComparer.Ordinal))
        {
            foreach (var form in forms)
            {
                foreach (var indicator in form.GetProperty("indicators").EnumerateArray())
                {
                    if (Missed(indicator.GetProperty("target"), indicator.GetProperty("actual")))
                    {
                        expected.Add(Row(
                            relPath,
                            form.GetProperty("projectName").GetString(),
                            indicator.GetProperty("name").GetString(),
                            indicator.GetProperty("target").GetProperty("raw").GetString(),
                            indicator.GetProperty("actual").GetProperty("raw").GetString(),
                            Number(indicator.GetProperty("weight")),
                            Number(indicator.GetProperty("score"))));
                    }
                }
            }
        }

        Assert.True(expected.Count >= 5, "the fixtures have missed targets to find");
        Assert.Equal(expected, db.Run("missed-targets"));
    }

    [Fact]
    public void InputsAndFormsByStatus()
    {
        var okForms = db.Expected.Where(e => e.RelPath != "checks.txt").Sum(e => e.Forms.Count);
        Assert.Equal([Row("failed", 1, 0), Row("ok", 7, okForms), Row("review", 1, 2)], db.Run("forms-by-status"));
    }

    [Fact]
    public void FailedChecksCountTheDocumentsErrorAndWarningChecks()
    {
        var expected = db.Documents
            .SelectMany(d => d.GetProperty("forms").EnumerateArray().SelectMany(f => f.GetProperty("checks").EnumerateArray()))
            .Select(c => (Code: c.GetProperty("code").GetString()!, Severity: c.GetProperty("severity").GetString()!))
            .Where(c => c.Severity is "error" or "warning")
            .GroupBy(c => c)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Code, StringComparer.Ordinal)
            .Select(g => Row(g.Key.Code, g.Key.Severity, g.Count()))
            .ToList();

        Assert.Contains(Row("score-sum-mismatch", "error", 1), expected);
        Assert.Equal(expected, db.Run("failed-checks"));
    }

    private static decimal? Number(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;

    private static bool Missed(JsonElement target, JsonElement actual)
    {
        if (target.ValueKind != JsonValueKind.Object || actual.ValueKind != JsonValueKind.Object
            || target.GetProperty("value").ValueKind != JsonValueKind.Number || actual.GetProperty("value").ValueKind != JsonValueKind.Number
            || target.GetProperty("unit").GetString() != actual.GetProperty("unit").GetString())
        {
            return false;
        }

        var (goal, value) = (target.GetProperty("value").GetDecimal(), actual.GetProperty("value").GetDecimal());
        return target.GetProperty("operator").GetString() switch
        {
            "=" => value != goal,
            ">=" => value < goal,
            "<=" => value > goal,
            ">" => value <= goal,
            "<" => value >= goal,
            _ => false,
        };
    }

    private static string Row(params object?[] values) =>
        string.Join(" | ", values.Select(v => v switch
        {
            null => "NULL",
            decimal d => (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
            double x => ((decimal)x / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString(),
        }));

    /// <summary>The database a batch over the fixtures makes, the documented queries, and the fixtures' expected forms.</summary>
    public sealed partial class Database : IDisposable
    {
        private readonly TempFolder folder = new();

        public Database()
        {
            var root = TestFiles.RepositoryRoot;
            var inputs = new List<(string RelPath, string Source, string? Expected)>
            {
                ("seed.txt", TestFiles.Seed, Path.ChangeExtension(TestFiles.Seed, ".expected.json")),
                ("checks.txt", Path.Combine(root, "tests", "Extractor.Tests", "Approved", "checks.txt"), Path.Combine(root, "tests", "Extractor.Tests", "Approved", "checks.verified.json")),
            };
            foreach (var variant in Directory.GetFiles(Path.Combine(root, "fixtures", "variants"), "*.txt").Order(StringComparer.Ordinal))
            {
                inputs.Add(("variants/" + Path.GetFileName(variant), variant, Path.ChangeExtension(variant, ".expected.json")));
            }

            foreach (var (relPath, source, _) in inputs)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(folder["in/" + relPath])!);
                File.Copy(source, folder["in/" + relPath]);
            }

            folder.Write("in/letter.txt", "关于预算执行情况的说明\n本单位严格执行预算。\n");
            var run = CliProcess.Run(folder.Path, "batch", "in", "-o", "out", "--sqlite", "all.db", "--jsonl", "all.jsonl");
            if (run.ExitCode != 1)
            {
                throw new InvalidOperationException("the batch over the fixtures should fail on the letter only: " + run.Stderr);
            }

            Expected = inputs.Select(i => (i.RelPath, (IReadOnlyList<JsonElement>)JsonDocument.Parse(File.ReadAllText(i.Expected!)).RootElement.GetProperty("forms").EnumerateArray().ToList())).ToList();
            Documents = File.ReadAllLines(folder["all.jsonl"]).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Connection = new SqliteConnection($"Data Source={folder["all.db"]};Pooling=False");
            Connection.Open();
        }

        /// <summary>The queries of docs/sqlite.md marked <c>&lt;!-- query: NAME --&gt;</c>, by name, in order.</summary>
        public static IReadOnlyDictionary<string, string> Queries { get; } = ReadQueries();

        public List<(string RelPath, IReadOnlyList<JsonElement> Forms)> Expected { get; }

        public List<JsonElement> Documents { get; }

        public SqliteConnection Connection { get; }

        public List<string> Run(string query)
        {
            using var command = Connection.CreateCommand();
            command.CommandText = Queries[query];
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add(Row(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i) switch
                {
                    double d => (object)Math.Round((decimal)d, 6),
                    var v => v,
                }).ToArray()));
            }

            return rows;
        }

        public void Dispose()
        {
            Connection.Dispose();
            folder.Dispose();
        }

        private static Dictionary<string, string> ReadQueries()
        {
            var doc = File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "docs", "sqlite.md"));
            return QueryBlock().Matches(doc).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        }

        [GeneratedRegex(@"<!-- query: ([a-z-]+) -->\s*```sql\n(.*?)```", RegexOptions.Singleline)]
        private static partial Regex QueryBlock();
    }
}
