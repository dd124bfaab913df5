using Extractor.Domain;

namespace Extractor.Tests.Ocr;

public sealed class LabelSnapperTests
{
    [Theory]
    [InlineData("实际完成什", "实际完成值")]
    [InlineData("社会效荤指标", "社会效益指标")]
    [InlineData("经济效花指标", "经济效益指标")]
    [InlineData("其中，本年财政拨款", "其中：本年财政拨款")]
    [InlineData("调整后预算教(A)", "调整后预算数(A)")]
    [InlineData("年度资金总颜：", "年度资金总额：")]
    [InlineData("财政项绩效自评表", null)]
    [InlineData("财政项目支出绩效自评衣", "财政项目支出绩效自评表")]
    [InlineData("满意度指示", "满意度指标")]
    [InlineData("得得分", "得分")] // a character read twice
    [InlineData("项目名称称", "项目名称")]
    [InlineData("实际完成值值(B)", "实际完成值(B)")]
    [InlineData("其其中：本年财政拨款", "其中：本年财政拨款")]
    [InlineData("服务对象满意度指标一", "服务对象满意度指标")] // a ruling's remains read 一
    [InlineData("社会效益指标丨", "社会效益指标")]
    public void NearMissesSnapOntoTheOnlyCloseWord(string read, string? expected) => Assert.Equal(expected, LabelSnapper.Snap(read));

    [Theory]
    [InlineData("-级指标")] // 一级, 二级 and 三级指标 are all one edit away
    [InlineData("益指标")] // 经济, 社会 and 生态效益指标 all end so
    [InlineData("服务对度指标")] // three edits from 服务对象满意度指标
    [InlineData("实际完成值")] // already a word
    [InlineData("得分")] // too short to judge
    [InlineData("及时")]
    [InlineData("农村公路日常养护里程")] // a 三级指标 name, not vocabulary
    [InlineData("预算执行束(B/A)")] // one edit from both 预算执行率 and 预算执行数
    [InlineData("指标1:")] // a digit is no misread 值
    [InlineData("指标2：")]
    [InlineData("年度财政资金总额")] // printed so: two characters more than 年度资金总额
    [InlineData("社会效益效益指标")]
    [InlineData("全年实际完成情况")]
    [InlineData("1.项目年度目标完成情况")]
    [InlineData("资金总额")] // known to the fund rows by a part of their labels, not a misread 资金总计
    [InlineData("其中:当年财政拨款")] // a word but for its colon's width: printed so
    [InlineData("年度绩效目标(80分)")] // the indicator table's label as Yunnan prints it, two edits from 年度总体目标
    [InlineData("年度绩效目标")]
    [InlineData("服务对象满意度指标等")] // a word and one more character: printed so (the recogniser seldom adds one)
    [InlineData("社会效益指标类")]
    public void EverythingElseIsLeftAsRead(string read) => Assert.Null(LabelSnapper.Snap(read));

    [Fact]
    public void EveryHeaderWordIsOneTheHeaderGrammarKnows()
    {
        foreach (var word in LabelSnapper.HeaderWords)
        {
            var known = HeaderNames.FundColumn(word) != ColumnRole.Unknown
                || HeaderNames.IndicatorColumn(word) != ColumnRole.Unknown
                || HeaderNames.GoalsColumn(word) != ColumnRole.Unknown;
            Assert.True(known, word);
        }
    }
}
