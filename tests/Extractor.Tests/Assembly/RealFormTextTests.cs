using Extractor.Conversion;
using Extractor.Layout;
using Extractor.Model;

namespace Extractor.Tests.Assembly;

/// <summary>
/// Rows of real forms (fixtures/real/forms) that their Office sources showed to be misplaced, as the row text
/// of a workbook prints them: a goals text that speaks of 预算资金, a year line whose opening bracket is lost, a
/// title without 绩效 before a year note.
/// </summary>
public sealed class RealFormTextTests
{
    private const string Indicators =
        "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n" +
        "\t产出指标\t数量指标\t补助村(社区)数量\t=8个\t8\t8\t8\t\n";

    private static Form Single(string text) =>
        Assert.Single(DocumentConverter.FromRowText(RowTextReader.Read(text), new SourceInfo("t.txt", "0", SourceKinds.Text, 1)).Forms);

    [Fact]
    public void AGoalsTextThatSpeaksOfTheBudgetIsTheGoalsNotAFundsHeader()
    {
        // anhui-chizhou-guichi-2022-cunji: both goals cells name 预算资金 with amounts.
        const string expected = "本项目共申请预算资金2026400元,其中村级组织运转400000元,村级工作目标奖励100000元。";
        const string actual = "本项目共完成预算资金1329120.67元,其中村级组织运转439120.67元,村级工作目标奖励50000元。";
        var form = Single(
            "项目支出绩效自评表\n(2022年度)\n项目名称\t村级补助及运转经费\n" +
            "项目资金(万元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t\t执行率\t得分\n" +
            "\t年度资金总额:\t0\t0\t0\t10\t\t0\t0\n" +
            "\t其他资金\n" +
            "年度总体目标\t预期目标\t\t\t\t\t\t实际完成情况\n" +
            $"\t{expected}\t\t\t\t\t\t{actual}\n" +
            Indicators);

        Assert.Equal(new Goals(expected, actual), form.Goals);
        Assert.Equal(["年度资金总额:", "其他资金"], form.Funds.Rows.Select(r => r.Label));
        Assert.Equal("补助村(社区)数量", Assert.Single(form.Indicators).Name);
    }

    [Theory]
    [InlineData("共享工程项目自评表(2022年度)")]
    [InlineData("共享工程项目自评表（2022年度）")]
    [InlineData("2022年度共享工程项目自评表")]
    public void ATitleEndingIn自评表IsTheTitleWithItsYearNoteBeforeOrAfter(string line)
    {
        // hubei-huangshi-tushuguan-2022-gongxiang's title has no 绩效; the generator prints it with the note after it too.
        var form = Single(line + "\n项目名称\t共享工程\n" + Indicators);

        Assert.Equal(("共享工程项目自评表", 2022, YearSources.Title), (form.Title, form.Year, form.YearSource));
    }

    [Fact]
    public void ATitleThatEndsIn绩效目标自评WithoutIts表IsTheTitle()
    {
        // sichuan-nanchong-langzhong-2021-shengdao prints its title so, a year line under it.
        var form = Single("车辆购置税收入补助地方资金(普通省道公路建设)绩效目标自评\n(2021年度)\n转移支付(项目)名称\t车辆购置税收入补助地方资金\n" + Indicators);

        Assert.Equal(("车辆购置税收入补助地方资金(普通省道公路建设)绩效目标自评", 2021), (form.Title, form.Year));
    }

    [Fact]
    public void AYearLineWithoutItsOpeningBracketGivesTheYear()
    {
        // hebei-langfang-shipin-2019-nuantong prints 2019年度) under the title.
        var form = Single("项目支出绩效自评表\n2019年度)\n项目名称\t办公宿舍楼、食堂及餐厅暖通改造经费\n" + Indicators);

        Assert.Equal((2019, YearSources.YearLine), (form.Year, form.YearSource));
    }
}
