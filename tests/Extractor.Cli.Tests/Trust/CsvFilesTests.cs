using Extractor.Cli.Tests.Batch;
using Extractor.Export;

namespace Extractor.Cli.Tests.Trust;

/// <summary>
/// <c>--csv FILE</c> writes the indicators' file and, beside it, the fund rows' and the checks' files, each with
/// the input's relPath; text a spreadsheet would take for a formula stays text.
/// </summary>
public sealed class CsvFilesTests
{
    [Fact]
    public void FundRowsAndChecksGoBesideTheIndicatorsWithRelPathAndAmountsIn元()
    {
        using var t = new TempFolder();
        t.CopySeed("in/2023/seed.txt");
        Directory.CreateDirectory(t["in/2021"]);
        File.Copy(Path.Combine(TestFiles.RepositoryRoot, "fixtures", "variants", "funds-ab.txt"), t["in/2021/funds-ab.txt"]);

        var run = CliProcess.Run(t.Path, "batch", "in", "-o", "out", "--csv", "exports/all.csv");

        Assert.Equal(0, run.ExitCode);
        var funds = BatchCommandTests.ReadCsv(t["exports/all.funds.csv"]);
        Assert.Equal(CsvExporter.FundRowColumns, funds[0]);
        string Cell(List<string> row, string column) => row[funds[0].IndexOf(column)];
        var total = funds.Skip(1).Single(r => Cell(r, "relPath") == "2021/funds-ab.txt" && Cell(r, "key") == "total");
        Assert.Equal("万元", Cell(total, "funds_unit"));
        Assert.Equal("2350.00", Cell(total, "annualBudget"));
        Assert.Equal("23500000.00", Cell(total, "annualBudgetYuan"));
        Assert.Equal("2021", Cell(total, "year"));
        Assert.Equal("宁都县交通运输局", Cell(total, "supervisingDepartment"));
        Assert.Equal(12 + 4, funds.Count - 1); // the seed's three forms have four fund rows each, funds-ab four

        var checks = BatchCommandTests.ReadCsv(t["exports/all.checks.csv"]);
        Assert.Equal(CsvExporter.CheckColumns, checks[0]);
        string Check(List<string> row, string column) => row[checks[0].IndexOf(column)];
        var seedChecks = checks.Skip(1).Where(r => Check(r, "relPath") == "2023/seed.txt").ToList();
        Assert.Equal(4, seedChecks.Count);
        var missing = seedChecks.Single(r => Check(r, "code") == "total-score-missing");
        Assert.Equal("1", Check(missing, "formIndex"));
        Assert.Equal("/total/score", Check(missing, "checkPath"));
        Assert.Equal("100", Check(missing, "expected"));

        var indicators = BatchCommandTests.ReadCsv(t["exports/all.csv"]);
        Assert.Equal(["2021/funds-ab.txt", "2023/seed.txt"], indicators.Skip(1).Select(r => r[indicators[0].IndexOf("relPath")]).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TextThatASpreadsheetWouldTakeForAFormulaStaysText()
    {
        using var t = new TempFolder();
        t.CopySeed("in/a.txt");

        var run = CliProcess.Run(t.Path, "batch", "in", "-o", "out", "--csv", "all.csv");

        Assert.Equal(0, run.ExitCode);
        var rows = BatchCommandTests.ReadCsv(t["all.csv"]);
        var header = rows[0];
        var cells = rows.Skip(1).SelectMany(r => r.Select((value, i) => (Column: header[i], Value: value))).ToList();

        // No cell starts with = + - @ (after the leading apostrophe that marks text), and numbers stay numbers.
        Assert.DoesNotContain(cells, c => c.Value.Length > 0 && c.Value[0] is '=' or '+' or '-' or '@');
        Assert.Contains(cells, c => c.Column == "target_raw" && c.Value == "'=39人");
        Assert.Contains(cells, c => c.Column == "target_operator" && c.Value == "'=");
        Assert.Contains(cells, c => c.Column == "target_value" && c.Value == "39");
        Assert.Contains(cells, c => c.Column == "target_raw" && c.Value == ">=90%");

        // The JSON keeps the value as printed.
        Assert.Contains("\"raw\": \"=39人\"", File.ReadAllText(t["out/a.json"]), StringComparison.Ordinal);
    }
}
