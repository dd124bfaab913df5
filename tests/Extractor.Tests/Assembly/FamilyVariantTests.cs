using Extractor.Conversion;
using Extractor.Layout;
using Extractor.Model;

namespace Extractor.Tests.Assembly;

/// <summary>
/// The regional variants of the form family, each given as the row text a producer prints: other head,
/// fund and goals wordings, headers over two rows, extra columns, template rows left unfilled, forms with
/// no points, totals with a grade, decimal points and 万元 amounts.
/// </summary>
public sealed class FamilyVariantTests
{
    private const string Indicators =
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n" +
        "产出指标\t数量指标\t培训人数\t≥100人\t120人\t50\t50\t\n" +
        "效益指标\t社会效益指标\t群众知晓率\t≥90%\t95%\t40\t40\t\n";

    private static Document Convert(string text) =>
        DocumentConverter.FromRowText(RowTextReader.Read(text), new SourceInfo("t.txt", "0", SourceKinds.Text, 1));

    [Fact]
    public void HeadRowsOfOtherNamesAndAUnitLineFillTheHead()
    {
        var document = Convert(
            "稷山县项目支出绩效自评表\n" +
            "（2020年度）\n" +
            "专项资金名称\t农村道路养护\n" +
            "县级主管部门\t县交通局\t实施单位（盖章）\t县公路段\n" +
            "单位：万元\n" +
            "项目资金\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n" +
            "\t年度资金总额\t12.3456\t12.3456\t10.5\t10\t85.05%\t8.5\n" +
            Indicators +
            "总分\t\t\t\t\t100\t98.5\t\n");

        var form = Assert.Single(document.Forms);
        Assert.Equal(("稷山县项目支出绩效自评表", 2020), (form.Title, form.Year));
        Assert.Equal(("农村道路养护", "县交通局", "县公路段"), (form.ProjectName, form.SupervisingDepartment, form.ImplementingUnit));
        Assert.Equal("万元", form.Funds.Unit);
        var total = Assert.Single(form.Funds.Rows);
        Assert.Equal((FundRowKeys.Total, 12.3456m, 10.5m, 123456m, 105000m), (total.Key, total.AnnualBudget, total.Executed, total.AnnualBudgetYuan, total.ExecutedYuan));
        Assert.Equal(new Total(100m, 98.5m), form.Total);
    }

    [Theory]
    [InlineData("2022年度项目支出绩效自评表", "项目支出绩效自评表", 2022)]
    [InlineData("项目支出绩效自评表(2023年度)", "项目支出绩效自评表", 2023)]
    [InlineData("项目支出绩效自评表（2021年度）", "项目支出绩效自评表", 2021)]
    public void TheYearOnTheTitleLine(string line, string title, int year)
    {
        var form = Assert.Single(Convert(line + "\n项目名称\t甲\n" + Indicators + "总分\t\t\t\t\t90\t90\t\n").Forms);
        Assert.Equal((title, year, YearSources.Title), (form.Title, form.Year, form.YearSource));
    }

    [Fact]
    public void FundRowsOfOtherNamesKeepTheirLabelAndValues()
    {
        var form = Assert.Single(Convert(
            "项目支出绩效自评表\n项目名称\t甲\n" +
            "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n" +
            "\t总额\t100\t100\t90\t10\t90%\t9\n" +
            "\t其中：财政资金\t80\t80\t75\t\t\t\n" +
            "\t中央、省、市补助县级资金\t10\t10\t9\t\t\t\n" +
            "\t财政专户管理资金\t5\t5\t4\t\t\t\n" +
            "\t单位资金\t5\t5\t2\t\t\t\n" +
            "\t社会捐赠资金\t1\t1\t1\t\t\t\n" +
            Indicators + "总分\t\t\t\t\t100\t99\t\n").Forms);

        var rows = form.Funds.Rows;
        Assert.Equal(["总额", "其中：财政资金", "中央、省、市补助县级资金", "财政专户管理资金", "单位资金", "社会捐赠资金"], rows.Select(r => r.Label));
        Assert.Equal([FundRowKeys.Total, FundRowKeys.CurrentYearAppropriation, null, null, null, null], rows.Select(r => r.Key));
        Assert.Equal([90m, 75m, 9m, 4m, 2m, 1m], rows.Select(r => r.Executed!.Value));
    }

    [Fact]
    public void TemplateRowsLeftUnfilledAreNoIndicators()
    {
        var form = Assert.Single(Convert(
            "项目支出绩效自评表\n项目名称\t甲\n" +
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n" +
            "产出指标\t数量指标\t培训人数\t≥100人\t120人\t50\t50\t\n" +
            "\t\t指标2：\t\t\t\t\t\n" +
            "\t质量指标\t指标1：/\t\t\t\t\t\n" +
            "\t\t……\t\t\t\t\t\n" +
            "效益指标\t社会效益指标\t群众知晓率\t≥90%\t95%\t40\t40\t\n" +
            "\t\t-\t\t\t\t\t\n" +
            "总分\t\t\t\t\t90\t90\t\n").Forms);

        Assert.Equal([("产出指标", "数量指标", "培训人数"), ("效益指标", "社会效益指标", "群众知晓率")], form.Indicators.Select(i => (i.Level1, i.Level2, i.Name)));
    }

    [Fact]
    public void AScansSpecksInAnEmptyTemplateRowMakeNoIndicator()
    {
        // Heavy noise and blur: an unfilled row's …… read as dots with a slash and a speck as /., and a
        // speck alone in an empty row read as a full stop.
        var form = Assert.Single(Convert(
            "项目支出绩效自评表\n项目名称\t甲\n" +
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n" +
            "产出指标\t数量指标\t培训人数\t≥100人\t120人\t50\t50\t\n" +
            "\t\t.....\t/\t/.\t/\t/\t\n" +
            "\t\t.\t\t\t\t\t\n" +
            "效益指标\t社会效益指标\t群众知晓率\t≥90%\t95%\t40\t40\t\n" +
            "总分\t\t\t\t\t90\t90\t\n").Forms);

        Assert.Equal([("产出指标", "数量指标", "培训人数"), ("效益指标", "社会效益指标", "群众知晓率")], form.Indicators.Select(i => (i.Level1, i.Level2, i.Name)));
        Assert.Equal(50m, form.Indicators[0].Score);
    }

    [Fact]
    public void AHeaderOverTwoRowsNamesTheColumnsUnderItsGroups()
    {
        var form = Assert.Single(Convert(
            "项目支出绩效自评表\n项目名称\t甲\n" +
            "绩效指标\t\t\t年度指标值\t\t\t实际完成值\t分值\t得分\n" +
            "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t\t\t\n" +
            "产出指标\t数量指标\t培训人数\t≥\t100\t人\t120人\t50\t45\n" +
            "总分\t\t\t\t\t\t\t50\t45\n").Forms);

        var indicator = Assert.Single(form.Indicators);
        Assert.Equal(("培训人数", ">=", 100m, "人", "120人", 50m, 45m),
            (indicator.Name, indicator.Target!.Operator, indicator.Target.Value, indicator.Target.Unit, indicator.Actual!.Raw, indicator.Weight, indicator.Score));
    }

    [Fact]
    public void AColumnWithoutAContractFieldGoesToExtra()
    {
        var form = Assert.Single(Convert(
            "项目支出绩效自评表\n项目名称\t甲\n" +
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分计算方法\t得分\t偏差原因分析及改进措施\n" +
            "产出指标\t数量指标\t培训人数\t≥100人\t120人\t50\t完成得满分\t50\t超出预期\n" +
            "总分\t\t\t\t\t50\t\t50\t\n").Forms);

        var indicator = Assert.Single(form.Indicators);
        Assert.Equal((50m, 50m, "超出预期"), (indicator.Weight, indicator.Score, indicator.DeviationReason));
        Assert.Equal("完成得满分", Assert.Single(indicator.Extra!).Value);
    }

    [Fact]
    public void AFormWithoutPointsHasNoTotalAndNoError()
    {
        var document = Convert(
            "县级专项资金绩效目标自评表\n项目名称\t甲\n" +
            "一级指标\t二级指标\t三级指标\t指标值\t实际完成值\n" +
            "产出指标\t数量指标\t培训人数\t≥100人\t120人\n" +
            "效益指标\t社会效益指标\t群众知晓率\t≥90%\t95%\n");

        var form = Assert.Single(document.Forms);
        Assert.Equal(2, form.Indicators.Length);
        Assert.All(form.Indicators, i => Assert.Null(i.Weight));
        Assert.Equal(new Total(null, null), form.Total);
        Assert.DoesNotContain(document.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Theory]
    [InlineData("合计\t\t\t\t\t90\t90\t\n", 90, 90)]
    [InlineData("总分\t\t\t\t\t90\t89.5\t优\n", 90, 89.5)]
    public void TotalsOfOtherWordings(string row, double weight, double score)
    {
        var form = Assert.Single(Convert("项目支出绩效自评表\n项目名称\t甲\n" + Indicators.Replace("\t40\t40", "\t40\t39.5", StringComparison.Ordinal) + row).Forms);
        Assert.Equal(new Total((decimal)weight, (decimal)score), form.Total);
    }

    [Fact]
    public void OperatorsPrintedOtherwiseAreReadAsTheirOperator()
    {
        var form = Assert.Single(Convert(
            "项目支出绩效自评表\n项目名称\t甲\n" +
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n" +
            "产出指标\t数量指标\t培训人数\t≧100人\t120人\t50\t50\t\n" +
            "\t质量指标\t合格率\t═100%\t100%\t40\t40\t\n" +
            "总分\t\t\t\t\t90\t90\t\n").Forms);

        Assert.Equal([(">=", 100m, true), ("=", 100m, true)], form.Indicators.Select(i => (i.Target!.Operator!, i.Target.Value!.Value, i.Met!.Value)));
    }

    [Fact]
    public void CostAsALevelOneAboveItsLevelTwos()
    {
        var form = Assert.Single(Convert(
            "项目支出绩效自评表\n项目名称\t甲\n" +
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n" +
            "产出指标\t数量指标\t培训人数\t≥100人\t120人\t40\t40\t\n" +
            "成本指标\t经济成本指标\t人均培训成本\t≤500元\t480元\t20\t20\t\n" +
            "效益指标\t社会效益指标\t群众知晓率\t≥90%\t95%\t30\t30\t\n" +
            "总分\t\t\t\t\t90\t90\t\n").Forms);

        Assert.Equal([("产出指标", "数量指标"), ("成本指标", "经济成本指标"), ("效益指标", "社会效益指标")], form.Indicators.Select(i => (i.Level1!, i.Level2!)));
    }

    [Fact]
    public void GoalsUnderOtherHeaders()
    {
        var form = Assert.Single(Convert(
            "项目支出绩效自评表\n项目名称\t甲\n" +
            "项目年度目标\t预期目标\t\t年度目标完成情况\n" +
            "\t完成培训100人。\t\t完成培训120人。\n" +
            Indicators + "总分\t\t\t\t\t90\t90\t\n").Forms);

        Assert.Equal(new Goals("完成培训100人。", "完成培训120人。"), form.Goals);
    }
    private const string Table =
        "项目支出绩效自评表\n项目名称\t甲\n" +
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n";

    [Fact]
    public void ARowWhoseLabelsThePageBreakCutIsOneRowWhenItsRestHasNoNumbers()
    {
        // Every page's part closed by a ruling: the labels' parts (产 | 出指标, 数 | 量指标) tell the cut.
        var form = Assert.Single(Convert(Table +
            "产\t数\t农村公路\t≥1280公\t1296公里\t6\t6\t\n" +
            "\n" +
            "出指标\t量指标\t日常养护里程\t里\t\t\t\t\n" +
            "\t\t危桥改造数量\t=4座\t4座\t4\t4\t\n" +
            "总分\t\t\t\t\t10\t10\t\n").Forms);

        Assert.Equal([("产出指标", "数量指标", "农村公路日常养护里程", "≥1280公里"), ("产出指标", "数量指标", "危桥改造数量", "=4座")],
            form.Indicators.Select(i => (i.Level1!, i.Level2!, i.Name, i.Target!.Raw)));
    }

    [Fact]
    public void ALabelCutByThePageBreakOverTwoRowsOfTheirOwnLabelsBoth()
    {
        var form = Assert.Single(Convert(Table +
            "效益指标\t可持续影\t长效运维机制建立情况\t健全\t健全\t2\t2\t\n" +
            "\n" +
            "\t响指标\t设施正常运行率\t≥95%\t97%\t2\t2\t\n" +
            "总分\t\t\t\t\t4\t4\t\n").Forms);

        Assert.Equal([("可持续影响指标", "长效运维机制建立情况"), ("可持续影响指标", "设施正常运行率")], form.Indicators.Select(i => (i.Level2!, i.Name)));
    }

    [Fact]
    public void ATemplateRowWhoseLabelsAndPointsNoteThePageBreakCutIsNoIndicator()
    {
        var form = Assert.Single(Convert(Table +
            "产出指标(50分)\t质量指标\t合格率\t=100%\t100%\t50\t50\t\n" +
            "产出指标(50\t质量\t……\t\t\t\t\t\n" +
            "\n" +
            "分)\t指标\t\t\t\t\t\t\n" +
            "效益指标(30分)\t社会效益指标\t受益人口数量\t90人\t90人\t30\t30\t\n" +
            "总分\t\t\t\t\t80\t80\t\n").Forms);

        Assert.Equal([("产出指标", "质量指标", "合格率"), ("效益指标", "社会效益指标", "受益人口数量")], form.Indicators.Select(i => (i.Level1!, i.Level2!, i.Name)));
    }
    [Fact]
    public void GoalsThatSpeakOfTheBudgetAreGoalsNotAFundsHeader()
    {
        var form = Assert.Single(Convert(
            "项目支出绩效自评表\n项目名称\t甲\n" +
            "项目资金(万元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n" +
            "\t年度资金总额\t90\t90\t89.97\t10\t99.97%\t10\n" +
            "年度总体目标\t预期目标\t\t\t\t实际完成情况\n" +
            "\t本项目共申请预算资金90万元。\t\t\t\t本项目共完成预算资金89.97万元。\n" +
            Indicators + "总分\t\t\t\t\t100\t100\t\n").Forms);

        Assert.Equal(new Goals("本项目共申请预算资金90万元。", "本项目共完成预算资金89.97万元。"), form.Goals);
        Assert.Equal(89.97m, Assert.Single(form.Funds.Rows).Executed);
    }
    [Fact]
    public void PiecesOfTheFundsLabelBesideTheRowsAreNotPartOfTheirLabels()
    {
        // The merged 项目资金(万元) cell cut by page breaks: 项 over the header, its rest beside the rows.
        var form = Assert.Single(Convert(
            "项目支出绩效自评表\n项目名称\t甲\n" +
            "项\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n" +
            "\n" +
            "目资金(万元\t年度资金总额\t100\t100\t90\t10\t90%\t9\n" +
            ")\n" +
            "\n" +
            ")\t其他资金\t0\t0\t0\t\t\t\n" +
            Indicators + "总分\t\t\t\t\t100\t99\t\n").Forms);

        Assert.Equal(["年度资金总额", "其他资金"], form.Funds.Rows.Select(r => r.Label));
        Assert.Equal("万元", form.Funds.Unit);
        Assert.Equal(900_000m, form.Funds.Rows[0].ExecutedYuan);
    }
}
