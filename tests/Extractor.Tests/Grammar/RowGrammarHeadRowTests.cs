using Extractor.Grammar;
using Sprache;

namespace Extractor.Tests.Grammar;

/// <summary>The rows above the funds block: TitleRow and LabelValueRow.</summary>
public class RowGrammarHeadRowTests
{
    private const string LabelValueRowName = "label/value row (项目名称, 主管部门, 实施单位)";

    [Theory]
    [InlineData("财政项目支出绩效自评表\t\t\t\t\t\t\t\t", "财政项目支出绩效自评表")]
    [InlineData("项目支出绩效自评表", "项目支出绩效自评表")]
    [InlineData("部门整体支出绩效目标自评表", "部门整体支出绩效目标自评表")]
    [InlineData("\t\t项目支出绩效自评表\t", "项目支出绩效自评表")]
    public void TitleRowReadsTheHeading(string input, string title)
    {
        Assert.Equal(new TitleRow(title, null), ParseAssert.Whole(RowGrammar.TitleRow.TryParse(input)));
    }

    [Theory]
    [InlineData("2023年度财政项目支出绩效自评表", "财政项目支出绩效自评表", 2023)]
    [InlineData("财政项目支出绩效自评表（2023年度）", "财政项目支出绩效自评表", 2023)]
    [InlineData("财政项目支出绩效自评表(2023年度)", "财政项目支出绩效自评表", 2023)]
    [InlineData("项目支出绩效自评表（2024年）", "项目支出绩效自评表", 2024)]
    [InlineData("稷山县2023年度财政项目支出绩效自评表", "稷山县财政项目支出绩效自评表", 2023)]
    [InlineData("项目支出绩效自评表( 2023 年度 )", "项目支出绩效自评表", 2023)]
    [InlineData("2022年度县级专项资金绩效目标自评表", "县级专项资金绩效目标自评表", 2022)]
    public void TitleRowTakesTheYearOutOfTheTitle(string input, string title, int year)
    {
        // The contract's title is the heading without its year note; the year goes to `year`.
        Assert.Equal(new TitleRow(title, year), ParseAssert.Whole(RowGrammar.TitleRow.TryParse(input)));
    }

    [Fact]
    public void TitleRowIgnoresNumbersThatAreNotAYear()
    {
        Assert.Equal(new TitleRow("第3号项目支出绩效自评表", null), ParseAssert.Whole(RowGrammar.TitleRow.TryParse("第3号项目支出绩效自评表")));
    }

    [Theory]
    [InlineData("项目名称\t党群中心劳务费及分摊费")]
    [InlineData("绩效自评报告")]
    [InlineData("")]
    public void TitleRowFailsAtTheStartOfAnotherRow(string input)
    {
        ParseAssert.FailsAt(RowGrammar.TitleRow.TryParse(input), 0, "title row");
    }

    [Fact]
    public void TitleRowRefusesALongSentence()
    {
        var sentence = new string('说', 56) + "绩效自评表";
        ParseAssert.FailsAt(RowGrammar.TitleRow.TryParse(sentence), 0, "title row");
    }

    [Fact]
    public void TitleRowFailsAtACellAfterTheTitle()
    {
        ParseAssert.FailsAt(RowGrammar.TitleRow.TryParse("财政项目支出绩效自评表\t备注"), 12, "end of input");
    }

    [Fact]
    public void TitleRowSaysATitleWasExpectedInTheFirstFilledCell()
    {
        ParseAssert.FailsAt(RowGrammar.TitleRow.TryParse("\t\t项目名称"), 2, "title (…自评表)");
    }

    [Fact]
    public void LabelValueRowReadsTheProjectName()
    {
        var row = ParseAssert.Whole(RowGrammar.LabelValueRow.TryParse("项目名称\t党群中心劳务费及分摊费\t\t\t\t\t\t\t"));
        Assert.Equal<LabelValue>([new LabelValue("项目名称", 0, "党群中心劳务费及分摊费", 1)], row.Pairs);
    }

    [Theory]
    [InlineData("项目单位")]
    [InlineData("预算单位")]
    [InlineData("项目主管部门")]
    [InlineData("项目实施单位")]
    [InlineData("项目负责人")]
    [InlineData("联系电话")]
    [InlineData("填报单位")]
    public void LabelValueRowKnowsTheOtherHeadLabels(string label)
    {
        var row = ParseAssert.Whole(RowGrammar.LabelValueRow.TryParse(label + "\t值\t\t"));
        Assert.Equal<LabelValue>([new LabelValue(label, 0, "值", 1)], row.Pairs);
    }

    [Fact]
    public void LabelValueRowReadsTwoPairsOnOneRow()
    {
        var row = ParseAssert.Whole(RowGrammar.LabelValueRow.TryParse("主管部门\t杨行镇主管单位\t\t\t实施单位\t上海市宝山区杨行镇社区党群服务中心\t\t\t"));
        Assert.Equal<LabelValue>(
            [new LabelValue("主管部门", 0, "杨行镇主管单位", 1), new LabelValue("实施单位", 4, "上海市宝山区杨行镇社区党群服务中心", 5)],
            row.Pairs);
    }

    [Theory]
    [InlineData("项目名称：党群中心劳务费")]
    [InlineData("项目名称:党群中心劳务费")]
    [InlineData("项目名称： 党群中心劳务费")]
    public void LabelValueRowSplitsALabelAndValueInOneCell(string input)
    {
        var row = ParseAssert.Whole(RowGrammar.LabelValueRow.TryParse(input));
        Assert.Equal<LabelValue>([new LabelValue("项目名称", 0, "党群中心劳务费", 0)], row.Pairs);
    }

    [Fact]
    public void LabelValueRowReadsJoinedPairsInSeveralCells()
    {
        var row = ParseAssert.Whole(RowGrammar.LabelValueRow.TryParse("主管部门：杨行镇主管单位\t实施单位：上海市宝山区杨行镇社区党群服务中心"));
        Assert.Equal<LabelValue>(
            [new LabelValue("主管部门", 0, "杨行镇主管单位", 0), new LabelValue("实施单位", 1, "上海市宝山区杨行镇社区党群服务中心", 1)],
            row.Pairs);
    }

    [Fact]
    public void LabelValueRowDropsTheColonOfALabelCell()
    {
        var row = ParseAssert.Whole(RowGrammar.LabelValueRow.TryParse("项目名称：\t党群中心"));
        Assert.Equal<LabelValue>([new LabelValue("项目名称", 0, "党群中心", 1)], row.Pairs);
    }

    [Fact]
    public void LabelValueRowKeepsALabelWithoutValue()
    {
        var row = ParseAssert.Whole(RowGrammar.LabelValueRow.TryParse("主管部门\t\t实施单位\t上海市宝山区杨行镇社区党群服务中心"));
        Assert.Equal<LabelValue>(
            [new LabelValue("主管部门", 0, null, -1), new LabelValue("实施单位", 2, "上海市宝山区杨行镇社区党群服务中心", 3)],
            row.Pairs);
    }

    [Fact]
    public void LabelValueRowMayStartAfterEmptyCells()
    {
        var row = ParseAssert.Whole(RowGrammar.LabelValueRow.TryParse("\t项目名称\t党群中心"));
        Assert.Equal<LabelValue>([new LabelValue("项目名称", 1, "党群中心", 2)], row.Pairs);
    }

    [Fact]
    public void LabelValueRowFailsAtASecondValue()
    {
        ParseAssert.FailsAt(RowGrammar.LabelValueRow.TryParse("项目名称\tX\t备注"), 7, "end of input");
    }

    [Theory]
    [InlineData("财政项目支出绩效自评表")]
    [InlineData("预期目标\t实际完成情况")]
    public void LabelValueRowFailsAtTheStartOfAnotherRow(string input)
    {
        ParseAssert.FailsAt(RowGrammar.LabelValueRow.TryParse(input), 0, LabelValueRowName);
    }

    [Fact]
    public void LabelValueRowSaysALabelWasExpectedInTheFirstFilledCell()
    {
        ParseAssert.FailsAt(RowGrammar.LabelValueRow.TryParse("\t年度资金总额\t11134477.99"), 1, "label (项目名称, 主管部门, 实施单位, …)");
    }
}
