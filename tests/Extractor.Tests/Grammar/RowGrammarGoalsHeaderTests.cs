using Extractor.Grammar;
using Sprache;
using Extractor.Domain;

namespace Extractor.Tests.Grammar;

/// <summary>The header of the 年度总体目标 block: GoalsHeaderRow.</summary>
public class RowGrammarGoalsHeaderTests
{
    [Fact]
    public void GoalsHeaderRowWithTheLabelOnTheRow()
    {
        var row = ParseAssert.Whole(RowGrammar.GoalsHeaderRow.TryParse("年度总体目标\t预期目标\t\t\t实际完成情况\t\t\t\t"));
        Assert.Equal(0, row.LabelColumn);
        Assert.Equal<HeaderColumn>(
            [new(1, "预期目标", ColumnRole.GoalExpected), new(4, "实际完成情况", ColumnRole.GoalActual)],
            row.Columns);
    }

    [Fact]
    public void GoalsHeaderRowWithTheLabelOnAnotherRow()
    {
        var row = ParseAssert.Whole(RowGrammar.GoalsHeaderRow.TryParse("\t预期目标\t\t\t实际完成情况\t\t\t\t"));
        Assert.Equal(-1, row.LabelColumn);
        Assert.Equal<HeaderColumn>(
            [new(1, "预期目标", ColumnRole.GoalExpected), new(4, "实际完成情况", ColumnRole.GoalActual)],
            row.Columns);
    }

    [Fact]
    public void GoalsHeaderRowReadsOtherSpellings()
    {
        var row = ParseAssert.Whole(RowGrammar.GoalsHeaderRow.TryParse("总体目标\t年初设定目标\t年度总体目标完成情况综述"));
        Assert.Equal(0, row.LabelColumn);
        Assert.Equal([ColumnRole.GoalExpected, ColumnRole.GoalActual], row.Columns.Select(c => c.Role));
    }

    [Theory]
    [InlineData("\t总体目标\t\t\t实际完成情况", 1, 4)]
    [InlineData("总体目标\t实际完成情况", 0, 1)]
    [InlineData("\t\t总体目标\t年度目标完成情况", 2, 3)]
    public void GoalsHeaderRowTakesALabelsWordsAsTheExpectedColumnsHeader(string input, int expected, int actual)
    {
        // 总体目标 is both a piece of the label 年度总体目标 (cut by a narrow label column or a page break) and a header
        // of the expected column: under a label printed on the next page, the row reads as a header only so.
        var row = ParseAssert.Whole(RowGrammar.GoalsHeaderRow.TryParse(input));
        Assert.Equal(-1, row.LabelColumn);
        Assert.Equal([(expected, ColumnRole.GoalExpected), (actual, ColumnRole.GoalActual)], row.Columns.Select(c => (c.Column, c.Role)));
    }

    [Theory]
    [InlineData("\t预期目标\t\t\t备注")]
    [InlineData("年度总体目标\t结合我镇实际，以党建创优、科技创新为核心载体")]
    [InlineData("\t一级指标\t二级指标\t三级指标")]
    public void GoalsHeaderRowRefusesCellsThatAreNotGoalColumns(string input)
    {
        ParseAssert.FailsAt(RowGrammar.GoalsHeaderRow.TryParse(input), 0, "goals header row");
    }

    [Fact]
    public void GoalsHeaderRowNeedsColumnsAfterTheLabel()
    {
        ParseAssert.FailsAt(RowGrammar.GoalsHeaderRow.TryParse("年度总体目标"), 6, "cell text");
    }
}
