using Extractor.Conversion;
using Extractor.Layout;
using Extractor.Model;

namespace Extractor.Tests.Assembly;

/// <summary>Rows rejoined across page breaks, the hierarchy from merged labels, and forms split in a file.</summary>
public sealed class FormAssemblerTests
{
    private const string Head =
        "财政项目支出绩效自评表\n(2023 年度)\n项目名称\t测试项目\n主管部门\t甲局\t\t\t实施单位\t乙中心\n" +
        "项目资金 (元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n" +
        "\t年度资金总额\t100\t100\t100\t10\t100.00%\t10\n" +
        "年度总体目标\t预期目标\t\t\t实际完成情况\n\t目标甲。\t\t\t完成甲。\n" +
        "\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n";

    private static Document Convert(string body) =>
        DocumentConverter.FromRowText(RowTextReader.Read(Head + body), new SourceInfo("t.txt", "0", SourceKinds.Text, 1));

    /// <summary>A whole row text converted, its pages counted from its blank lines.</summary>
    private static Document ConvertText(string text) => ConvertRows(RowTextReader.Read(text));

    private static Document ConvertRows(RowText rows) =>
        DocumentConverter.FromRowText(rows, new SourceInfo("t.txt", "0", SourceKinds.Text, rows.PageCount));

    /// <summary>The row text with the 一级 and 二级 cells of the row named <paramref name="name"/> ruled and empty where they begin (PDF input).</summary>
    private static RowText WithEmptyLabelCells(RowText text, string name) =>
        new([.. text.Lines.Select(l => l.Cells.Any(c => c.Text == name) ? l with { EmptyCells = [1, 2] } : l)], text.PageCount);

    [Fact]
    public void TextWithoutValuesBeforeAPageBreakPrefixesTheRowThatCompletesIt()
    {
        var document = Convert(
            "\t\t数量指标\t第一项\t=1个\t1个\t45\t45\t\n" +
            "\t\t\t跨页的指标名称前半\t\t\t\t\t\n" +
            "\n" +
            "\t\t质量指标\t后半部分\t=100%\t100%\t45\t45\t\n" +
            "总分\t\t\t\t\t\t100\t100\n");

        var form = Assert.Single(document.Forms);
        Assert.Equal(2, form.Indicators.Length);
        var joined = form.Indicators[1];
        Assert.Equal("跨页的指标名称前半后半部分", joined.Name);
        Assert.Equal("质量指标", joined.Level2);
        Assert.Equal("产出指标", joined.Level1);
        Assert.Equal([11, 13], joined.Source.Lines!.Value.ToArray());
        Assert.Empty(document.Diagnostics);
    }

    [Fact]
    public void TextWithoutValuesAfterAPageBreakContinuesTheRowAbove()
    {
        var document = Convert(
            "\t\t数量指标\t名称的前半\t=1个\t0个\t45\t40\t原因的前半，\n" +
            "\n" +
            "\t\t\t名称的后半\t\t\t\t\t原因的后半\n" +
            "\t\t\t第二项\t=1个\t1个\t45\t45\t\n" +
            "总分\t\t\t\t\t\t100\t95\n");

        var form = Assert.Single(document.Forms);
        Assert.Equal(2, form.Indicators.Length);
        Assert.Equal("名称的前半名称的后半", form.Indicators[0].Name);
        Assert.Equal("原因的前半，原因的后半", form.Indicators[0].DeviationReason);
        Assert.Equal([10, 12], form.Indicators[0].Source.Lines!.Value.ToArray());
        Assert.Equal("第二项", form.Indicators[1].Name);
        Assert.Empty(form.Checks);
    }

    [Fact]
    public void ALevelOneLabelAloneStartsAGroupWithoutLevelTwo()
    {
        var document = Convert(
            "\t\t数量指标\t第一项\t=1个\t1个\t30\t30\t\n" +
            "绩效指标\t效益指标\t\t第二项\t良好\t良好\t30\t30\t\n" +
            "\t\t\t第三项\t良好\t良好\t30\t30\t\n" +
            "总分\t\t\t\t\t\t100\t100\n");

        var indicators = Assert.Single(document.Forms).Indicators;
        Assert.Equal(("产出指标", "数量指标"), (indicators[0].Level1, indicators[0].Level2));
        Assert.Equal(("效益指标", (string?)null), (indicators[1].Level1, indicators[1].Level2));
        Assert.Equal(("效益指标", (string?)null), (indicators[2].Level1, indicators[2].Level2));
    }

    [Fact]
    public void ACategoryRowWithoutIndicatorsIsNotAnIndicator()
    {
        var document = Convert(
            "\t\t数量指标\t第一项\t=1个\t1个\t45\t45\t\n" +
            "\t成本指标\t\t\t\t\t\t\t\n" +
            "\t效益指标\t社会效益指标\t第二项\t提升\t提升\t45\t45\t\n" +
            "总分\t\t\t\t\t\t100\t100\n");

        var indicators = Assert.Single(document.Forms).Indicators;
        Assert.Equal(2, indicators.Length);
        Assert.Equal(("效益指标", "社会效益指标"), (indicators[1].Level1, indicators[1].Level2));
        Assert.Empty(document.Diagnostics);
    }

    [Fact]
    public void CellsShiftedByMergedLabelsAreFoundByWhatTheyAre()
    {
        var document = Convert(
            "\t\t可持续影响指标\t第一项\t良好\t良好\t45\t45\t\n" +
            "\t左移的名称\t\t和谐\t和谐\t40\t35\t原因\t\n" +
            "总分\t\t\t\t\t\t100\t90\n");

        var shifted = Assert.Single(document.Forms).Indicators[1];
        Assert.Equal("左移的名称", shifted.Name);
        Assert.Equal("可持续影响指标", shifted.Level2);
        Assert.Equal("效益指标", shifted.Level1);
        Assert.Equal("和谐", shifted.Target!.Text);
        Assert.Equal(40m, shifted.Weight);
        Assert.Equal(35m, shifted.Score);
        Assert.Equal("原因", shifted.DeviationReason);
    }

    [Fact]
    public void AHeaderRepeatedOnANewPageIsNotAnIndicator()
    {
        var document = Convert(
            "\t\t数量指标\t第一项\t=1个\t1个\t45\t45\t\n" +
            "\n" +
            "\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n" +
            "\t\t\t第二项\t=1个\t1个\t45\t45\t\n" +
            "总分\t\t\t\t\t\t100\t100\n");

        var indicators = Assert.Single(document.Forms).Indicators;
        Assert.Equal(["第一项", "第二项"], indicators.Select(i => i.Name));
        Assert.Equal("数量指标", indicators[1].Level2);
    }

    [Fact]
    public void AnUnlistedLevelTwoNameBeforeTheIndicatorIsKept()
    {
        var document = Convert(
            "\t产出指标\t项目完成指标\t完成率\t100%\t100%\t90\t90\t\n" +
            "总分\t\t\t\t\t\t100\t100\n");

        var indicator = Assert.Single(Assert.Single(document.Forms).Indicators);
        Assert.Equal(("产出指标", "项目完成指标", "完成率"), (indicator.Level1, indicator.Level2, indicator.Name));
    }

    [Fact]
    public void ALoneTotalNumberIsTheWeightUnlessOnlyTheScoresAddUpToIt()
    {
        var weightOnly = Convert("\t\t数量指标\t第一项\t=1个\t1个\t90\t80\t原因\n\t\t总分\t\t\t\t\t100\n");
        Assert.Equal(new Total(100m, null), Assert.Single(weightOnly.Forms).Total);

        var scoreOnly = Convert("\t\t数量指标\t第一项\t=1个\t1个\t90\t80\t原因\n\t\t总分\t\t\t\t\t\t90\n");
        Assert.Equal(new Total(null, 90m), Assert.Single(scoreOnly.Forms).Total);
    }

    [Fact]
    public void LabelsPrintedAtTheFootOfAPageBelowTheirRowsLabelThem()
    {
        // A spreadsheet centres a merged label over its whole range: cut by a page break, the part on the first
        // page shows the label under the rows it labels, their ruled label cells empty where they begin.
        var text = RowTextReader.Read(Head +
            "\t\t\t第一项\t=1个\t1个\t20\t20\t\n" +
            "\t\t\t第二项\t=2个\t2个\t20\t20\t\n" +
            "\t\t数量指标\n\t产出指标\n\t(40分)\n" +
            "\n" +
            "\t产出指标(40分)\t数量指标\t第三项\t=3个\t3个\t20\t20\t\n" +
            "\t效益指标\t社会效益指标\t第四项\t=4个\t4个\t40\t40\t\n" +
            "总分\t\t\t\t\t\t100\t100\n");
        var form = Assert.Single(ConvertRows(WithEmptyLabelCells(text, "第一项")).Forms);

        Assert.Equal(
            [("产出指标", "数量指标", "第一项"), ("产出指标", "数量指标", "第二项"), ("产出指标", "数量指标", "第三项"), ("效益指标", "社会效益指标", "第四项")],
            form.Indicators.Select(i => (i.Level1, i.Level2, i.Name)));

        // The same lines in the middle of a page label the rows after them, not those before.
        var middle = RowTextReader.Read(Head +
            "\t\t\t第一项\t=1个\t1个\t20\t20\t\n" +
            "\t\t数量指标\n\t产出指标\n" +
            "\t\t\t第二项\t=2个\t2个\t80\t80\t\n" +
            "总分\t\t\t\t\t\t100\t100\n");
        form = Assert.Single(ConvertRows(WithEmptyLabelCells(middle, "第一项")).Forms);
        Assert.Equal([(null, null), ("产出指标", "数量指标")], form.Indicators.Select(i => (i.Level1, i.Level2)));
    }

    [Fact]
    public void CharactersOfALabelAtTheFootOfAPageStartNoName()
    {
        // 可持续影响指标 printed a character a line in a narrow cell: 响 and 指 fell at the foot of the page, 标 on the next.
        var document = Convert(
            "\t效益指标\t可持续\t长效运营机制\t健全\t健全\t50\t50\t\n" +
            "\t响\n\t指\n" +
            "\n" +
            "\t\t标\t社会化运营比例\t≥60%\t63.8%\t50\t50\t\n" +
            "总分\t\t\t\t\t\t100\t100\n");

        var form = Assert.Single(document.Forms);
        Assert.Equal(["长效运营机制", "社会化运营比例"], form.Indicators.Select(i => i.Name));
        Assert.All(form.Indicators, i => Assert.Equal("可持续影响指标", i.Level2));
        Assert.Contains(document.Diagnostics, d => d.Text == "响");

        // A known label beside the broken one at the foot: the label is kept, the characters dropped.
        document = Convert(
            "\t满意度指标\t服务对\t居民居住满意度\t≥90%\t90%\t50\t50\t\n" +
            "\t满意度指标（10分）\t象满意度指\n" +
            "\n" +
            "\t满意度指标（10分）\t服务对象满意度指标\t党员教育满意度\t≥90%\t95%\t50\t50\t\n" +
            "总分\t\t\t\t\t\t100\t100\n");
        Assert.Equal(["居民居住满意度", "党员教育满意度"], Assert.Single(document.Forms).Indicators.Select(i => i.Name));

        // The same characters in the name's column are the start of a name.
        document = Convert(
            "\t效益指标\t可持续影响指标\t长效运营机制\t健全\t健全\t50\t50\t\n" +
            "\t\t\t指\n" +
            "\n" +
            "\t\t\t标运营比例\t≥60%\t63.8%\t50\t50\t\n" +
            "总分\t\t\t\t\t\t100\t100\n");
        Assert.Equal("指标运营比例", Assert.Single(document.Forms).Indicators[1].Name);
    }

    [Fact]
    public void CharactersOfTheFundsLabelAroundAPageBreakAreNoPartOfAFundRow()
    {
        // 资金投入情况(万元) printed a few characters a line in a narrow merged cell over a page break.
        var text = "财政项目支出绩效自评表\n项目名称\t测试项目\n" +
            "资金投入情\t\t调整后预算数\t预算执行数\t预算执行率\n" +
            "\t年度资金总额:\t3359.62\t3359.62\t100%\n" +
            "\t其中:中央财政资金\t829.3\t829.3\t100%\n" +
            "况(万元)\n\n投\n入\n" +
            "况(万元)\t彩票公益金用于医疗救助\t0\t0\t100%\n" +
            "\t地方资金\t2530.32\t2530.32\t100%\n";
        var form = Assert.Single(ConvertText(text).Forms);

        Assert.Equal(["年度资金总额:", "其中:中央财政资金", "彩票公益金用于医疗救助", "地方资金"], form.Funds!.Rows.Select(r => r.Label));
        Assert.Equal("万元", form.Funds.Unit);
    }

    [Theory]
    [InlineData("医疗救助补助资金转移支付项目绩效目标自评表（2024\n年度）\n", "医疗救助补助资金转移支付项目绩效目标自评表", 2024)]
    [InlineData("财政项目支出绩效自评表 (2019\n年)\n", "财政项目支出绩效自评表", 2019)]
    public void ATitleWhoseYearNoteWrappedKeepsItsYear(string title, string expectedTitle, int expectedYear)
    {
        var body = "\t\t数量指标\t第一项\t=1个\t1个\t90\t90\t\n总分\t\t\t\t\t\t100\t100\n";
        var text = title + Head.Replace("财政项目支出绩效自评表\n(2023 年度)\n", string.Empty, StringComparison.Ordinal) + body;
        var document = ConvertText(text);

        var form = Assert.Single(document.Forms);
        Assert.Equal((expectedTitle, expectedYear), (form.Title, form.Year));
        Assert.Empty(document.Diagnostics);
    }

    [Fact]
    public void AGoalsLabelWhoseEndAPageBreakCutStillHeadsTheGoals()
    {
        // 1.项目年度目标完成情况 in a narrow cell: 况 went on to the next page.
        var text = "财政项目支出绩效自评表\n项目名称\t测试项目\n" +
            "项目资金 (元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n" +
            "\t年度资金总额\t100\t100\t100\t10\t100.00%\t10\n" +
            "1.项目年度目标完成情\t预期目标\t\t\t实际完成情况\n\t保障储备库安全运行。\t\t\t全年安全运行。\n\n况\n" +
            "\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n" +
            "\t\t数量指标\t第一项\t=1个\t1个\t90\t90\t\n总分\t\t\t\t\t\t100\t100\n";
        var form = Assert.Single(ConvertText(text).Forms);

        Assert.Equal(("保障储备库安全运行。", "全年安全运行。"), (form.Goals!.Expected, form.Goals.Actual));
        Assert.Equal(["年度资金总额"], form.Funds!.Rows.Select(r => r.Label));
    }

    [Fact]
    public void EachTitleStartsAFormAndAProjectNameWithoutTitleStartsOneToo()
    {
        var body = "\t\t数量指标\t第一项\t=1个\t1个\t90\t90\t\n总分\t\t\t\t\t\t100\t100\n";
        var second = Head.Replace("财政项目支出绩效自评表\n(2023 年度)\n", string.Empty, StringComparison.Ordinal).Replace("测试项目", "第二个项目", StringComparison.Ordinal);
        var document = ConvertText(Head + body + "\n" + Head + body + "\n" + second + body);

        Assert.Equal(3, document.Forms.Length);
        Assert.Equal("财政项目支出绩效自评表", document.Forms[1].Title);
        Assert.Null(document.Forms[2].Title);
        Assert.Equal("第二个项目", document.Forms[2].ProjectName);
        Assert.Equal(2023, document.Forms[1].Year);
        Assert.Empty(document.Diagnostics);
    }

    [Fact]
    public void TextThatFitsNoFieldIsReportedWithItsLine()
    {
        var document = ConvertText("附件2\n" + Head.Replace("项目名称\t测试项目\n", "项目名称\t测试项目\n项目负责人\t张三\n", StringComparison.Ordinal)
            + "\t\t数量指标\t第一项\t=1个\t1个\t90\t90\t\n总分\t\t\t\t\t\t100\t100\n盖章：\n");

        Assert.Equal(
            [(1, "附件2"), (5, "项目负责人：张三"), (14, "盖章：")],
            document.Diagnostics.Select(d => (d.Line ?? 0, d.Text ?? string.Empty)));
        Assert.All(document.Diagnostics, d => Assert.Equal(DiagnosticCodes.UnplacedText, d.Code));
    }

    [Fact]
    public void AGoalsRowWithoutItsHeaderStillFillsTheGoals()
    {
        var text = "财政项目支出绩效自评表\n项目名称\t测试项目\n" +
            "项目资金 (元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n" +
            "\t年度资金总额\t100\t100\t100\t10\t100.00%\t10\n" +
            "年度总体目标\t完成全部任务。\t\t\t已完成全部任务。\n" +
            "\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n" +
            "\t\t数量指标\t第一项\t=1个\t1个\t90\t90\t\n总分\t\t\t\t\t\t100\t100\n";
        var document = ConvertText(text);

        var form = Assert.Single(document.Forms);
        Assert.Equal(new Goals("完成全部任务。", "已完成全部任务。"), form.Goals);
        Assert.Single(form.Funds.Rows);
        Assert.Empty(document.Diagnostics);
    }
}
