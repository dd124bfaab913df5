using Extractor.Grammar;
using Extractor.Layout;
using Sprache;

namespace Extractor.Tests.Grammar;

/// <summary>The row rules on the seed's own rows: each rule takes exactly the rows of its shape.</summary>
public class RowGrammarSeedTests
{
    private static readonly RowText Seed = RowTextReader.Read(SeedFile.Text);

    private static RowLine Line(int number) => Seed.Lines.Single(l => l.Number == number);

    private static int[] LinesTakenBy<T>(Parser<T> rule) =>
        [.. Seed.Lines.Where(l => RowGrammar.TryParse(rule, l).WasSuccessful).Select(l => l.Number)];

    [Fact]
    public void TitleRowTakesTheThreeTitles()
    {
        Assert.Equal([3, 38, 76], LinesTakenBy(RowGrammar.TitleRow));
    }

    [Fact]
    public void YearRowTakesTheThreeYearRows()
    {
        Assert.Equal([4, 39, 77], LinesTakenBy(RowGrammar.YearRow));
        Assert.Equal(2023, RowGrammar.TryParse(RowGrammar.YearRow, Line(4)).Value.Year);
    }

    [Fact]
    public void LabelValueRowTakesTheHeadRows()
    {
        Assert.Equal([5, 6, 40, 41, 78, 79], LinesTakenBy(RowGrammar.LabelValueRow));
    }

    [Fact]
    public void FundsHeaderRowTakesTheFundsHeaders()
    {
        Assert.Equal([7, 42, 80], LinesTakenBy(RowGrammar.FundsHeaderRow));
        var header = RowGrammar.TryParse(RowGrammar.FundsHeaderRow, Line(7)).Value;
        Assert.Equal("元", header.Unit);
        Assert.Equal(0, header.TitleColumn);
    }

    [Fact]
    public void GoalsHeaderRowTakesTheGoalsHeaders()
    {
        Assert.Equal([12, 47, 85], LinesTakenBy(RowGrammar.GoalsHeaderRow));
        Assert.Equal(0, RowGrammar.TryParse(RowGrammar.GoalsHeaderRow, Line(12)).Value.LabelColumn);
        Assert.Equal(-1, RowGrammar.TryParse(RowGrammar.GoalsHeaderRow, Line(85)).Value.LabelColumn);
    }

    [Fact]
    public void IndicatorHeaderRowTakesTheIndicatorHeaders()
    {
        Assert.Equal([14, 49, 87], LinesTakenBy(RowGrammar.IndicatorHeaderRow));
        var header = RowGrammar.TryParse(RowGrammar.IndicatorHeaderRow, Line(14)).Value;
        Assert.Equal<Located<string>>([new(0, "产出指标")], header.Labels);
        Assert.Equal(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"], header.Columns.Select(c => c.Text));
    }

    [Fact]
    public void TotalRowTakesTheThreeTotals()
    {
        Assert.Equal([36, 74, 123], LinesTakenBy(RowGrammar.TotalRow));
        Assert.Equal<Located<decimal>>([new(6, 100m), new(7, 96m)], RowGrammar.TryParse(RowGrammar.TotalRow, Line(36)).Value.Values);
        Assert.Equal<Located<decimal>>([new(7, 100m)], RowGrammar.TryParse(RowGrammar.TotalRow, Line(74)).Value.Values);
    }

    [Fact]
    public void AFundRowFailsTheFundsHeaderAtItsStart()
    {
        ParseAssert.FailsAt(RowGrammar.TryParse(RowGrammar.FundsHeaderRow, Line(8)), 0, "funds header row (年初预算数, 全年预算数, 全年执行数, …)");
    }
}
