using Extractor.Grammar;
using Sprache;
using Extractor.Domain;

namespace Extractor.Tests.Grammar;

/// <summary>The 项目资金 block: FundsTitle, FundsHeaderRow, FundsTitleRow.</summary>
public class RowGrammarFundsTests
{
    private const string FundsHeaderRowName = "funds header row (年初预算数, 全年预算数, 全年执行数, …)";

    [Theory]
    [InlineData("项目资金（元）", "元")]
    [InlineData("项目资金(元)", "元")]
    [InlineData("项目资金 (元)", "元")]
    [InlineData("项目资金(万元)", "万元")]
    [InlineData("项目资金（万元）：", "万元")]
    [InlineData("资金情况（万元）", "万元")]
    [InlineData("预算执行情况(元)", "元")]
    [InlineData("项目资金（元>", "元")] // a scan's brackets read as others
    [InlineData("项目资金<元>", "元")]
    [InlineData("项目资金〈万元〉", "万元")]
    [InlineData("项目资金[元]", "元")]
    [InlineData("资金情况万元）", "万元")] // a bracket the recogniser dropped beside the unit
    [InlineData("资金情况(万元", "万元")]
    [InlineData("项目资金（元", "元")]
    [InlineData("预算执行情况万元（20分）", "万元")]
    [InlineData("预算执行情况(20分)(万元)", "万元")]
    public void FundsTitleGivesTheUnit(string input, string unit)
    {
        Assert.Equal(unit, ParseAssert.Whole(RowGrammar.FundsTitle.TryParse(input)));
    }

    [Theory]
    [InlineData("项目资金")]
    [InlineData("项目资金：")]
    [InlineData("资金情况")]
    public void FundsTitleWithoutUnitGivesNull(string input)
    {
        Assert.Null(ParseAssert.Whole(RowGrammar.FundsTitle.TryParse(input)));
    }

    [Theory]
    [InlineData("项目资金（千元）", 4)]
    [InlineData("项目资金20分", 4)] // a points note has a bracket at least
    [InlineData("项目资金（）", 4)]
    [InlineData("项目资金(元)备注", 7)]
    public void FundsTitleFailsWhereTheLabelStopsMatching(string input, int position)
    {
        ParseAssert.FailsAt(RowGrammar.FundsTitle.TryParse(input), position, "end of input");
    }

    [Theory]
    [InlineData("年度资金")]
    [InlineData("")]
    public void FundsTitleFailsAtTheStartOfOtherText(string input)
    {
        ParseAssert.FailsAt(RowGrammar.FundsTitle.TryParse(input), 0, "项目资金（元）");
    }

    [Fact]
    public void FundsHeaderRowOfTheSeedGivesUnitAndColumns()
    {
        var row = ParseAssert.Whole(RowGrammar.FundsHeaderRow.TryParse("项目资金(元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\t"));
        Assert.Equal("元", row.Unit);
        Assert.True(row.HasTitle);
        Assert.Equal(0, row.TitleColumn);
        Assert.Equal<HeaderColumn>(
            [
                new(2, "年初预算数", ColumnRole.InitialBudget),
                new(3, "全年预算数", ColumnRole.AnnualBudget),
                new(4, "全年执行数", ColumnRole.Executed),
                new(5, "分值", ColumnRole.Weight),
                new(6, "执行率", ColumnRole.ExecutionRate),
                new(7, "得分", ColumnRole.Score),
            ],
            row.Columns);
    }

    [Fact]
    public void FundsHeaderRowWithoutTitleKeepsTheMarksAsPrinted()
    {
        var row = ParseAssert.Whole(RowGrammar.FundsHeaderRow.TryParse("\t\t年初预算数（A）\t全年预算数\t全年执行数（B）\t分值\t执行率（B/A）\t得分"));
        Assert.Null(row.Unit);
        Assert.False(row.HasTitle);
        Assert.Equal(-1, row.TitleColumn);
        Assert.Equal<HeaderColumn>(
            [
                new(2, "年初预算数（A）", ColumnRole.InitialBudget),
                new(3, "全年预算数", ColumnRole.AnnualBudget),
                new(4, "全年执行数（B）", ColumnRole.Executed),
                new(5, "分值", ColumnRole.Weight),
                new(6, "执行率（B/A）", ColumnRole.ExecutionRate),
                new(7, "得分", ColumnRole.Score),
            ],
            row.Columns);
    }

    [Fact]
    public void FundsHeaderRowReadsOtherSpellingsOfTheColumns()
    {
        var row = ParseAssert.Whole(RowGrammar.FundsHeaderRow.TryParse("项目资金（万元）\t年初预算数\t调整后预算数\t预算执行数\t权重\t预算执行率\t得分"));
        Assert.Equal("万元", row.Unit);
        Assert.Equal(
            [ColumnRole.InitialBudget, ColumnRole.AnnualBudget, ColumnRole.Executed, ColumnRole.Weight, ColumnRole.ExecutionRate, ColumnRole.Score],
            row.Columns.Select(c => c.Role));
        Assert.Equal([1, 2, 3, 4, 5, 6], row.Columns.Select(c => c.Column));
    }

    [Fact]
    public void FundsHeaderRowKeepsAnUnknownHeaderCell()
    {
        var row = ParseAssert.Whole(RowGrammar.FundsHeaderRow.TryParse("项目资金\t年初预算数\t全年预算数\t全年执行数\t备注"));
        Assert.Null(row.Unit);
        Assert.True(row.HasTitle);
        Assert.Equal(new HeaderColumn(4, "备注", ColumnRole.Unknown), row.Columns[^1]);
    }

    [Theory]
    [InlineData("\t年度资金总额\t11134477.99\t11999665.86\t11,999,665.86\t10\t100.00%\t10\t")]
    [InlineData("项目资金(元)\t年初预算数\t分值\t得分")]
    [InlineData("\t其中：当年财政拨款\t11134477.99\t11999665.86\t11999665.86\t—\t\t\t")]
    public void FundsHeaderRowNeedsTwoBudgetColumns(string input)
    {
        ParseAssert.FailsAt(RowGrammar.FundsHeaderRow.TryParse(input), 0, FundsHeaderRowName);
    }

    [Fact]
    public void FundsHeaderRowNeedsHeaderCellsAfterTheTitle()
    {
        ParseAssert.FailsAt(RowGrammar.FundsHeaderRow.TryParse("项目资金(元)"), 7, "cell text");
    }

    [Theory]
    [InlineData("项目资金(元)\t\t\t\t\t\t\t\t", "元", 0)]
    [InlineData("\t项目资金（万元）", "万元", 1)]
    [InlineData("项目资金", null, 0)]
    public void FundsTitleRowReadsTheLabelAloneOnItsRow(string input, string? unit, int column)
    {
        var row = ParseAssert.Whole(RowGrammar.FundsTitleRow.TryParse(input));
        Assert.Equal(unit, row.Unit);
        Assert.True(row.HasTitle);
        Assert.Equal(column, row.TitleColumn);
        Assert.Empty(row.Columns);
    }

    [Fact]
    public void FundsTitleRowFailsAtTheFirstHeaderCell()
    {
        ParseAssert.FailsAt(RowGrammar.FundsTitleRow.TryParse("项目资金(元)\t\t年初预算数"), 9, "end of input");
    }

    [Fact]
    public void FundsTitleRowSaysTheLabelWasExpectedInTheFirstFilledCell()
    {
        ParseAssert.FailsAt(RowGrammar.FundsTitleRow.TryParse("\t年初预算数"), 1, "项目资金（元）");
    }

    [Fact]
    public void FundsTitleRowFailsAtTheStartOfAnotherRow()
    {
        ParseAssert.FailsAt(RowGrammar.FundsTitleRow.TryParse("年度资金总额"), 0, "funds title row");
    }
}
