using System.Globalization;
using Extractor.Grammar;
using Sprache;

namespace Extractor.Tests.Grammar;

/// <summary>The 总分 row: TotalRow.</summary>
public class RowGrammarTotalRowTests
{
    private static string Show(IEnumerable<Located<decimal>> values) =>
        string.Join(" ", values.Select(v => v.Column.ToString(CultureInfo.InvariantCulture) + ":" + v.Value.ToString(CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("总分\t\t\t\t\t\t100\t96\t", "总分", 0, "6:100 7:96")]
    [InlineData("\t\t总分\t\t\t\t\t100", "总分", 2, "7:100")]
    [InlineData("总分\t\t\t\t\t\t100\t97\t", "总分", 0, "6:100 7:97")]
    [InlineData("绩效指标\t总分\t\t100\t96", "总分", 1, "3:100 4:96")]
    [InlineData("合计\t100\t95.5", "合计", 0, "1:100 2:95.5")]
    [InlineData("总分\t100分\t96分", "总分", 0, "1:100 2:96")]
    [InlineData("总计\t\t100.00", "总计", 0, "2:100.00")]
    [InlineData("总分", "总分", 0, "")]
    public void TotalRowReadsLabelAndNumbers(string input, string label, int column, string values)
    {
        var row = ParseAssert.Whole(RowGrammar.TotalRow.TryParse(input));
        Assert.Equal(label, row.Label);
        Assert.Equal(column, row.LabelColumn);
        Assert.Equal(values, Show(row.Values));
        Assert.Empty(row.Other);
    }

    [Fact]
    public void TotalRowSkipsPlaceholdersAndKeepsOtherText()
    {
        var row = ParseAssert.Whole(RowGrammar.TotalRow.TryParse("总分\t\t100\t—\t备注文字"));
        Assert.Equal("2:100", Show(row.Values));
        Assert.Equal<Located<string>>([new(4, "备注文字")], row.Other);
    }

    [Theory]
    [InlineData("总分值\t100")]
    [InlineData("")]
    [InlineData("项目名称\t党群中心劳务费及分摊费")]
    public void TotalRowFailsAtTheStartOfAnotherRow(string input)
    {
        ParseAssert.FailsAt(RowGrammar.TotalRow.TryParse(input), 0, "total row");
    }

    [Fact]
    public void TotalRowSaysTheLabelWasExpectedAfterEmptyCells()
    {
        ParseAssert.FailsAt(RowGrammar.TotalRow.TryParse("\t年度资金总额\t11134477.99"), 1, "总分 or 合计");
    }

    [Fact]
    public void TotalRowSaysTheLabelWasExpectedAfterATableLabel()
    {
        ParseAssert.FailsAt(RowGrammar.TotalRow.TryParse("产出指标\t数量指标\t\t镇域内居民区数量"), 5, "总分 or 合计");
    }
}
