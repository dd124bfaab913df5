using Extractor.Sources.Ocr;

namespace Extractor.Tests.Ocr;

public sealed class OcrCellTextTests
{
    [Theory]
    [InlineData("2.350.00", "2,350.00")]
    [InlineData("11,999.663.86", "11,999,663.86")]
    [InlineData("1OO%", "100%")]
    [InlineData("47 .2公里", "47.2公里")]
    [InlineData("808 ,538", "808,538")]
    [InlineData("<-=3万元", "<=3万元")]
    [InlineData("|95%", "95%")]
    [InlineData("社会效荤指标", "社会效益指标")]
    [InlineData("财政专户管理次金", "财政专户管理资金")]
    [InlineData("年度资金总额，", "年度资金总额：")]
    [InlineData("年度资金总额.", "年度资金总额:")]
    [InlineData("94.00S", "94.00%")]
    [InlineData(">=90 s", ">=90%")]
    [InlineData("≧100=", "≧100%")]
    [InlineData("99.2﹦", "99.2%")]
    [InlineData("=。人", "=0人")]
    [InlineData("≤o次", "≤0次")]
    [InlineData("=O", "=0")]
    [InlineData("〇人", "0人")]
    [InlineData("o%", "0%")]
    [InlineData("7.", "7")]
    [InlineData("、5.", "5")]
    [InlineData(": 4.", "4")]
    [InlineData("·96.2%", "96.2%")]
    [InlineData("：≥45公里", "≥45公里")]
    [InlineData("=.46所", "=46所")]
    [InlineData(">, 4754人", ">4754人")]
    [InlineData("≥95.%", "≥95%")]
    [InlineData("52个.", "52个")]
    [InlineData("=108个..", "=108个")]
    [InlineData("5项：", "5项")]
    [InlineData("7人:", "7人")]
    [InlineData("92.4%,", "92.4%")]
    [InlineData("7月．．", "7月")]
    [InlineData("良好.", "良好")]
    [InlineData("完善···", "完善")]
    [InlineData("及时．.", "及时")]
    [InlineData("完善、", "完善")]
    [InlineData("单位资金.", "单位资金:")]
    public void KnownMisreadingsAreRepairedAndReported(string read, string expected)
    {
        var (text, repairs) = OcrCellText.Repair(read);
        Assert.Equal(expected, text);
        Assert.NotEmpty(repairs);
        Assert.Contains(read, repairs[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("93.55%")]
    [InlineData("2,350.00")]
    [InlineData("=one")]
    [InlineData("二〇二三年")]
    [InlineData("〇")]
    [InlineData("≥Office")]
    [InlineData("路面技术状况指数（PQI）")]
    [InlineData("O型")]
    [InlineData("及时")]
    [InlineData("=36公里")]
    [InlineData("93.5")]
    [InlineData("SS")]
    [InlineData("3S镇")]
    [InlineData("=100")]
    [InlineData("100=100")]
    [InlineData("1、肥料利用率")]
    [InlineData("2.推广面积")]
    [InlineData("5.8万元")]
    [InlineData("=0.5")]
    [InlineData("≥9,500")]
    [InlineData("2.推广率≥95%")]
    [InlineData("其中：")]
    [InlineData("良好：")]
    [InlineData("及时。")]
    [InlineData("红色教育点位.")]
    [InlineData("已完成。")]
    public void WellReadCellsAreLeftAlone(string read)
    {
        var (text, repairs) = OcrCellText.Repair(read);
        Assert.Equal(read, text);
        Assert.Empty(repairs);
    }

    [Theory]
    [InlineData("完成时间〈自工程完工之日起计算)", "完成时间（自工程完工之日起计算）")] // 〈 closed by a parenthesis: （ misread
    [InlineData("达标率《中心温度不低于60℃)", "达标率（中心温度不低于60℃）")]
    [InlineData("化学需氧量（COD)年削减量", "化学需氧量（COD）年削减量")] // a pair is of one width
    [InlineData("党群中心(新址）", "党群中心（新址）")]
    [InlineData("“两新\"党支部数量", "“两新”党支部数量")] // " closing a “
    [InlineData("\"两新”党支部数量", "“两新”党支部数量")]
    public void BracketsAndQuotesAreMadeToMatchTheirPartner(string read, string expected)
    {
        Assert.Equal(expected, OcrCellText.Pairs(read));
        var (text, repairs) = OcrCellText.Repair(read);
        Assert.Equal(expected, text);
        Assert.Contains(repairs, r => r.StartsWith("brackets and quotes paired", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("《上海市街道社区党群服务中心体系功能建设指导意见》")] // book title marks
    [InlineData("化学需氧量(COD)年削减量")] // a half-width pair
    [InlineData("\"两新\"党支部")] // straight quotes with nothing to tell their form
    [InlineData("指数(PQI")] // unclosed
    [InlineData("〈2〉和(3)")]
    public void BracketsAndQuotesWithoutEvidenceAreLeftAlone(string read) =>
        Assert.Equal(read, OcrCellText.Pairs(read));
}
