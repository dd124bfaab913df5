using System.Text.Json;

namespace Extractor.Cli.Tests.Trust;

/// <summary>
/// The values analytics needs, through the command line: fund amounts in 元 whatever unit the form prints,
/// whether each target was met, and a year for every form with where it came from.
/// </summary>
public sealed class AnalyticsValuesTests
{
    private static string Fixture(params string[] parts) => Path.Combine([TestFiles.RepositoryRoot, "fixtures", .. parts]);

    private static JsonElement Convert(string workingDirectory, params string[] args)
    {
        var run = CliProcess.Run(workingDirectory, ["convert", .. args]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement;
    }

    [Fact]
    public void AmountsOfAFormIn万元AreAlsoGivenIn元()
    {
        var document = Convert(TestFiles.RepositoryRoot, Fixture("variants", "funds-ab.txt"));

        var funds = document.GetProperty("forms")[0].GetProperty("funds");
        Assert.Equal("万元", funds.GetProperty("unit").GetString());
        var total = funds.GetProperty("rows")[0];
        Assert.Equal(2350.00m, total.GetProperty("annualBudget").GetDecimal());
        Assert.Equal(23_500_000m, total.GetProperty("annualBudgetYuan").GetDecimal());
        Assert.Equal(21_984_200m, total.GetProperty("executedYuan").GetDecimal());
        Assert.Equal(JsonValueKind.Null, total.GetProperty("initialBudgetYuan").ValueKind);
    }

    [Fact]
    public void AmountsOfAFormIn元StayAsTheyAre()
    {
        var document = Convert(TestFiles.RepositoryRoot, TestFiles.Seed);

        var total = document.GetProperty("forms")[0].GetProperty("funds").GetProperty("rows")[0];
        Assert.Equal(11_999_665.86m, total.GetProperty("annualBudgetYuan").GetDecimal());
        Assert.Equal(11_134_477.99m, total.GetProperty("initialBudgetYuan").GetDecimal());
    }

    [Fact]
    public void MetComparesTheActualWithTheTargetsOperatorInTheSameUnit()
    {
        var document = Convert(TestFiles.RepositoryRoot, TestFiles.Seed);

        var met = document.GetProperty("forms").EnumerateArray().SelectMany(f => f.GetProperty("indicators").EnumerateArray())
            .GroupBy(i => i.GetProperty("name").GetString()!)
            .ToDictionary(
                g => g.Key,
                g => g.First().GetProperty("met").ValueKind switch { JsonValueKind.True => "true", JsonValueKind.False => "false", _ => "null" });
        Assert.Equal("true", met["发放劳务费的居民区书记及社工总人数"]);   // =39人 / 39人
        Assert.Equal("false", met["镇域内居民区数量"]);                     // =51个 / 52个
        Assert.Equal("true", met["按照对应级别发放薪酬"]);                 // 规范 / 规范: the same text
        Assert.Equal("false", met["扶持培育特色志愿服务项目或志愿服务团队数量"]); // >5个 / 5个

        // The missed targets with full marks are exactly the form's target-not-met-full-score checks.
        var form = document.GetProperty("forms")[2];
        var indicators = form.GetProperty("indicators");
        var missedFullScore = Enumerable.Range(0, indicators.GetArrayLength())
            .Where(i => indicators[i].GetProperty("met").ValueKind == JsonValueKind.False
                && indicators[i].GetProperty("score").GetDecimal() == indicators[i].GetProperty("weight").GetDecimal())
            .Select(i => $"/indicators/{i}");
        var checks = form.GetProperty("checks").EnumerateArray()
            .Where(c => c.GetProperty("code").GetString() == "target-not-met-full-score").Select(c => c.GetProperty("path").GetString());
        Assert.Equal(checks, missedFullScore);
    }

    [Fact]
    public void TheYearComesFromTheTitleElseTheYearLineElseTheOptionsAndSaysWhere()
    {
        var title = Convert(TestFiles.RepositoryRoot, Fixture("variants", "points-notes.txt")).GetProperty("forms")[0];
        Assert.Equal(2021, title.GetProperty("year").GetInt32());
        Assert.Equal("title", title.GetProperty("yearSource").GetString());

        var line = Convert(TestFiles.RepositoryRoot, TestFiles.Seed, "--year", "2019").GetProperty("forms")[0];
        Assert.Equal(2023, line.GetProperty("year").GetInt32());
        Assert.Equal("yearLine", line.GetProperty("yearSource").GetString());

        using var t = new TempFolder();
        var noYear = string.Join('\n', File.ReadLines(TestFiles.Seed).Where(l => !l.StartsWith("(2023 年度)", StringComparison.Ordinal)));
        var path = t.Write("archive/2021/党群中心.txt", noYear);

        var none = Convert(t.Path, path).GetProperty("forms")[0];
        Assert.Equal(JsonValueKind.Null, none.GetProperty("year").ValueKind);
        Assert.Equal(JsonValueKind.Null, none.GetProperty("yearSource").ValueKind);

        var option = Convert(t.Path, path, "--year", "2020").GetProperty("forms")[0];
        Assert.Equal(2020, option.GetProperty("year").GetInt32());
        Assert.Equal("option", option.GetProperty("yearSource").GetString());

        var fromPath = Convert(t.Path, path, "--year-from-path", "/(?<year>20[0-9]{2})/", "--year", "2020").GetProperty("forms");
        Assert.All(fromPath.EnumerateArray(), f => Assert.Equal(2021, f.GetProperty("year").GetInt32()));
        Assert.All(fromPath.EnumerateArray(), f => Assert.Equal("path", f.GetProperty("yearSource").GetString()));
    }

    [Theory]
    [InlineData("--year", "23")]
    [InlineData("--year", "next")]
    [InlineData("--year-from-path", "(20[0-9]{2}")]
    public void BadYearOptionsAreUsageErrors(string option, string value)
    {
        var run = CliProcess.Run(TestFiles.RepositoryRoot, "convert", TestFiles.Seed, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
    }
}
