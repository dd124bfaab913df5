using Extractor.Model;
using Extractor.Domain;

namespace Extractor.Tests.Normalize;

/// <summary>Fund row labels to contract keys: FundKeys.Of.</summary>
public class FundKeysTests
{
    [Theory]
    [InlineData("年度资金总额", FundRowKeys.Total)]
    [InlineData("年度资金总额：", FundRowKeys.Total)]
    [InlineData("资金总额", FundRowKeys.Total)]
    [InlineData("合计", FundRowKeys.Total)]
    [InlineData("总计", FundRowKeys.Total)]
    [InlineData("资金总计", FundRowKeys.Total)]
    [InlineData("其中：当年财政拨款", FundRowKeys.CurrentYearAppropriation)]
    [InlineData("其中:当年财政拨款", FundRowKeys.CurrentYearAppropriation)]
    [InlineData("其中当年财政拨款", FundRowKeys.CurrentYearAppropriation)]
    [InlineData("当年财政拨款", FundRowKeys.CurrentYearAppropriation)]
    [InlineData("本年财政拨款", FundRowKeys.CurrentYearAppropriation)]
    [InlineData("其中：本年财政拨款", FundRowKeys.CurrentYearAppropriation)]
    [InlineData("财政拨款", FundRowKeys.CurrentYearAppropriation)]
    [InlineData("当年财政资金", FundRowKeys.CurrentYearAppropriation)]
    [InlineData("上年结转资金", FundRowKeys.Carryover)]
    [InlineData("其中：上年结转资金", FundRowKeys.Carryover)]
    [InlineData("上年结转", FundRowKeys.Carryover)]
    [InlineData("其他资金", FundRowKeys.Other)]
    [InlineData("其它资金", FundRowKeys.Other)]
    [InlineData("其中：其他资金", FundRowKeys.Other)]
    public void OfGivesTheContractKey(string label, string expected)
    {
        Assert.Equal(expected, FundKeys.Of(label));
    }

    [Theory]
    [InlineData("自筹资金")]
    [InlineData("项目名称")]
    [InlineData("其中")]
    [InlineData("其中：")]
    [InlineData("")]
    [InlineData("结转资金")]
    public void OfOtherNamesIsNull(string label)
    {
        Assert.Null(FundKeys.Of(label));
    }

    [Fact]
    public void OfRefusesNull()
    {
        Assert.Throws<ArgumentNullException>(() => FundKeys.Of(null!));
    }
}
