using Extractor.Grammar;
using Sprache;
using Extractor.Domain;

namespace Extractor.Tests.Grammar;

/// <summary>The header of the indicator table: IndicatorHeaderRow.</summary>
public class RowGrammarIndicatorHeaderTests
{
    private const string SeedHeaderCells = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施";

    private static readonly HeaderColumn[] SeedColumnsFromOne =
    [
        new(1, "一级指标", ColumnRole.Level1),
        new(2, "二级指标", ColumnRole.Level2),
        new(3, "三级指标", ColumnRole.Name),
        new(4, "年度指标值", ColumnRole.Target),
        new(5, "实际完成值", ColumnRole.Actual),
        new(6, "分值", ColumnRole.Weight),
        new(7, "得分", ColumnRole.Score),
        new(8, "偏差原因分析及改进措施", ColumnRole.Reason),
    ];

    [Fact]
    public void IndicatorHeaderRowWithAMergedLevel1Label()
    {
        var row = ParseAssert.Whole(RowGrammar.IndicatorHeaderRow.TryParse("产出指标\t" + SeedHeaderCells));
        Assert.Equal<Located<string>>([new(0, "产出指标")], row.Labels);
        Assert.Equal<HeaderColumn>(SeedColumnsFromOne, row.Columns);
        Assert.False(row.SecondRow);
    }

    [Fact]
    public void IndicatorHeaderRowAfterAnEmptyCell()
    {
        var row = ParseAssert.Whole(RowGrammar.IndicatorHeaderRow.TryParse("\t" + SeedHeaderCells));
        Assert.Empty(row.Labels);
        Assert.Equal<HeaderColumn>(SeedColumnsFromOne, row.Columns);
        Assert.False(row.SecondRow);
    }

    [Theory]
    [InlineData("绩效指标")]
    [InlineData("产出指标(50分)")]
    [InlineData("满意度指标（10 分）")]
    public void IndicatorHeaderRowKeepsTableLabelsAsPrinted(string label)
    {
        var row = ParseAssert.Whole(RowGrammar.IndicatorHeaderRow.TryParse(label + "\t" + SeedHeaderCells));
        Assert.Equal<Located<string>>([new(0, label)], row.Labels);
        Assert.Equal(8, row.Columns.Length);
    }

    [Fact]
    public void IndicatorHeaderRowTakesTheColumnOrderAsPrinted()
    {
        var row = ParseAssert.Whole(RowGrammar.IndicatorHeaderRow.TryParse("一级指标\t二级指标\t三级指标\t分值\t年度指标值\t实际完成值\t得分\t未完成原因分析"));
        Assert.Equal(
            [ColumnRole.Level1, ColumnRole.Level2, ColumnRole.Name, ColumnRole.Weight, ColumnRole.Target, ColumnRole.Actual, ColumnRole.Score, ColumnRole.Reason],
            row.Columns.Select(c => c.Role));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], row.Columns.Select(c => c.Column));
    }

    [Theory]
    [InlineData("绩效指标\t级指标\t11级指标\t三级指标\t年度指标值\t全年完成值")] // 一 lost, 二 read as 11
    [InlineData("绩效指标\t级指标\t-级指标\t三级指标\t年度指标值\t全年完成值")]
    [InlineData("绩效指标\t=级指标\t二级指标\t三级指标\t年度指标值\t全年完成值")] // one named, one not
    public void LevelHeadersWhoseNumeralAScanLostAreNamedByTheirPlace(string input)
    {
        var row = ParseAssert.Whole(RowGrammar.IndicatorHeaderRow.TryParse(input));
        Assert.Equal([ColumnRole.Level1, ColumnRole.Level2, ColumnRole.Name], row.Columns.Take(3).Select(c => c.Role));
    }

    [Fact]
    public void AMangledLevelHeaderRightOfTheNameOrOneTooManyIsLeftUnknown()
    {
        var right = ParseAssert.Whole(RowGrammar.IndicatorHeaderRow.TryParse("一级指标\t二级指标\t三级指标\t级指标\t年度指标值\t全年完成值"));
        Assert.Equal(ColumnRole.Unknown, right.Columns[3].Role);
        var three = RowGrammar.IndicatorHeaderRow.TryParse("级指标\t级指标\t级指标\t三级指标\t年度指标值\t全年完成值\t分值\t得分\t权重");
        Assert.False(three.WasSuccessful, "three cells of unknown level are no header the levels can be placed by");
    }

    [Fact]
    public void IndicatorHeaderRowOfASplitTargetIsASecondRow()
    {
        var row = ParseAssert.Whole(RowGrammar.IndicatorHeaderRow.TryParse("\t\t\t指标性质\t指标值\t度量单位"));
        Assert.True(row.SecondRow);
        Assert.Equal<HeaderColumn>(
            [new(3, "指标性质", ColumnRole.TargetOperator), new(4, "指标值", ColumnRole.TargetValue), new(5, "度量单位", ColumnRole.TargetUnit)],
            row.Columns);
    }

    [Fact]
    public void IndicatorHeaderRowAboveASplitTargetIsAFirstRow()
    {
        var row = ParseAssert.Whole(RowGrammar.IndicatorHeaderRow.TryParse("一级指标\t二级指标\t三级指标\t年度指标值\t\t\t实际完成值\t分值\t得分"));
        Assert.False(row.SecondRow);
        Assert.Equal([0, 1, 2, 3, 6, 7, 8], row.Columns.Select(c => c.Column));
    }

    [Fact]
    public void IndicatorHeaderRowToleratesAFewUnknownCells()
    {
        var row = ParseAssert.Whole(RowGrammar.IndicatorHeaderRow.TryParse("三级指标\t年度指标值\t分值\t得分\t备注"));
        Assert.Equal(new HeaderColumn(4, "备注", ColumnRole.Unknown), row.Columns[^1]);
    }

    [Fact]
    public void TheLowerRowOfATwoRowHeaderIsAHeaderRow()
    {
        // 绩效指标 printed over 一级指标 / 二级指标 / 三级指标: the lower row alone names its columns.
        var row = ParseAssert.Whole(RowGrammar.IndicatorHeaderRow.TryParse("一级指标\t二级指标\t三级指标"));
        Assert.Equal([ColumnRole.Level1, ColumnRole.Level2, ColumnRole.Name], row.Columns.Select(c => c.Role));
    }

    [Theory]
    [InlineData("\t数量指标\t\t发放劳务费的居民区书记及社工总人数\t=39人\t39人\t5\t5\t")]
    [InlineData("三级指标\t年度指标值\t备注\t说明")]
    [InlineData("分值\t得分")]
    [InlineData("三级指标\t备注")]
    [InlineData("项目资金(元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\t")]
    public void IndicatorHeaderRowRefusesOtherRows(string input)
    {
        ParseAssert.FailsAt(RowGrammar.IndicatorHeaderRow.TryParse(input), 0, "indicator header row");
    }
}
