using Extractor.Domain;

namespace Extractor.Tests.Grammar;

/// <summary>Header cell text to column role: HeaderNames.</summary>
public class HeaderNamesTests
{
    [Theory]
    [InlineData("年初预算数", ColumnRole.InitialBudget)]
    [InlineData("年初预算数（A）", ColumnRole.InitialBudget)]
    [InlineData("全年预算数", ColumnRole.AnnualBudget)]
    [InlineData("调整后预算数", ColumnRole.AnnualBudget)]
    [InlineData("全年预算数(A)", ColumnRole.AnnualBudget)]
    [InlineData("全年执行数", ColumnRole.Executed)]
    [InlineData("预算执行数", ColumnRole.Executed)]
    [InlineData("全年执行数（B）", ColumnRole.Executed)]
    [InlineData("执行率", ColumnRole.ExecutionRate)]
    [InlineData("执行率（B/A）", ColumnRole.ExecutionRate)]
    [InlineData("执行率(B／A)", ColumnRole.ExecutionRate)]
    [InlineData("预算执行率", ColumnRole.ExecutionRate)]
    [InlineData("分值", ColumnRole.Weight)]
    [InlineData("权重", ColumnRole.Weight)]
    [InlineData("得分", ColumnRole.Score)]
    [InlineData("得分：", ColumnRole.Score)]
    [InlineData("备注", ColumnRole.Unknown)]
    [InlineData("年度资金总额", ColumnRole.Unknown)]
    [InlineData("全年预算数万元）", ColumnRole.AnnualBudget)] // a bracket the recogniser dropped beside the unit
    [InlineData("全年预算数（万元", ColumnRole.AnnualBudget)]
    public void FundColumnMapsHeaderText(string text, object expected)
    {
        Assert.Equal((ColumnRole)expected, HeaderNames.FundColumn(text));
    }

    [Theory]
    [InlineData("年度预算数（万元）", "万元")]
    [InlineData("年度预算数万元）", "万元")]
    [InlineData("年度预算数(万元", "万元")]
    [InlineData("全年预算数(元)", "元")]
    [InlineData("全年预算数", null)]
    [InlineData("单价（元/吨）", null)] // a unit of a rate, not of the amounts
    [InlineData("万元）合计", null)] // only at the header's end
    public void UnitNoteNamesTheUnitEvenWithABracketLost(string text, string? expected)
    {
        Assert.Equal(expected, HeaderNames.UnitNote(text));
    }

    [Theory]
    [InlineData("本项目共申请预算资金90万元。其中:30万元用于基建工程项目预算编制", ColumnRole.Unknown)]
    [InlineData("申请预算资金，完成执行数", ColumnRole.Unknown)]
    [InlineData("本项目共完成预算资金1329120.67元其中村级组织运转439120.67元", ColumnRole.Unknown)]
    [InlineData("2022年调整后预算资金数", ColumnRole.AnnualBudget)]
    [InlineData("全年预算数（A）（单位：万元）", ColumnRole.AnnualBudget)]
    public void AWordInsideNamesAFundColumnOnlyInAHeaderNotInASentence(string text, object expected)
    {
        Assert.Equal((ColumnRole)expected, HeaderNames.FundColumn(text));
    }

    [Theory]
    [InlineData("一级指标", ColumnRole.Level1)]
    [InlineData("二级指标", ColumnRole.Level2)]
    [InlineData("三级指标", ColumnRole.Name)]
    [InlineData("年度指标值", ColumnRole.Target)]
    [InlineData("年度目标值", ColumnRole.Target)]
    [InlineData("年度指标值（A）", ColumnRole.Target)]
    [InlineData("实际完成值", ColumnRole.Actual)]
    [InlineData("全年实际值", ColumnRole.Actual)]
    [InlineData("实际完成值（B）", ColumnRole.Actual)]
    [InlineData("分值", ColumnRole.Weight)]
    [InlineData("得分", ColumnRole.Score)]
    [InlineData("偏差原因分析及改进措施", ColumnRole.Reason)]
    [InlineData("未完成原因分析", ColumnRole.Reason)]
    [InlineData("偏差原因", ColumnRole.Reason)]
    [InlineData("指标性质", ColumnRole.TargetOperator)]
    [InlineData("指标值", ColumnRole.TargetValue)]
    [InlineData("度量单位", ColumnRole.TargetUnit)]
    [InlineData("计量单位", ColumnRole.TargetUnit)]
    [InlineData("数量指标", ColumnRole.Unknown)]
    [InlineData("=39人", ColumnRole.Unknown)]
    public void IndicatorColumnMapsHeaderText(string text, object expected)
    {
        Assert.Equal((ColumnRole)expected, HeaderNames.IndicatorColumn(text));
    }

    [Theory]
    [InlineData("预期目标", ColumnRole.GoalExpected)]
    [InlineData("年初设定目标", ColumnRole.GoalExpected)]
    [InlineData("实际完成情况", ColumnRole.GoalActual)]
    [InlineData("年度总体目标完成情况综述", ColumnRole.GoalActual)]
    [InlineData("年度总体目标", ColumnRole.Unknown)]
    [InlineData("备注", ColumnRole.Unknown)]
    public void GoalsColumnMapsHeaderText(string text, object expected)
    {
        Assert.Equal((ColumnRole)expected, HeaderNames.GoalsColumn(text));
    }

    [Theory]
    [InlineData("全年预算数（A）", "全年预算数")]
    [InlineData("执行率（B/A）", "执行率")]
    [InlineData("执行率(B / A)", "执行率")]
    [InlineData("得分：", "得分")]
    [InlineData("得分:", "得分")]
    [InlineData("产出指标(50分)", "产出指标(50分)")]
    [InlineData("分值", "分值")]
    [InlineData("执行率(BAA)", "执行率")] // marks as OCR misreads them
    [InlineData("预算执行数《8)", "预算执行数")]
    [InlineData("预算执行率(《B/A)", "预算执行率")]
    [InlineData("项目资金(万元)", "项目资金(万元)")]
    [InlineData("执行率(B/A)说明", "执行率(B/A)说明")] // a mark ends the header
    [InlineData("执行率(ABCDE)", "执行率(ABCDE)")]
    [InlineData("全年预算数（A）：", "全年预算数")]
    public void StripMarksRemovesColumnMarksAndATrailingColon(string text, string expected)
    {
        Assert.Equal(expected, HeaderNames.StripMarks(text));
    }
}
