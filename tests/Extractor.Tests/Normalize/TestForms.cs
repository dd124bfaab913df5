using System.Collections.Immutable;
using System.Globalization;
using Extractor.Model;

namespace Extractor.Tests.Normalize;

/// <summary>Forms built by hand for the checks: a form whose arithmetic holds, and pieces to change one thing at a time.</summary>
internal static class TestForms
{
    public static readonly RowSource Source = new(null, null, [1]);

    public static decimal D(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);

    /// <summary>年度资金总额 with the given figures.</summary>
    public static FundRow TotalFunds(decimal? budget, decimal? executed, decimal? weight, decimal? rate, decimal? score) =>
        new("年度资金总额", FundRowKeys.Total, budget, budget, executed, weight, rate, score, Source);

    /// <summary>年度资金总额: 1000 budgeted, 1000 executed, 100%, 10 of 10 points.</summary>
    public static FundRow FullFunds => TotalFunds(1000m, 1000m, 10m, 100m, 10m);

    public static Indicator Indicator(decimal? weight, decimal? score, string? reason = null, Measure? target = null, Measure? actual = null, string name = "镇域内居民区数量") =>
        new("产出指标", "数量指标", name, target, actual, weight, score, reason, Source);

    public static Measure Numeric(string raw, string? op, string value, string? unit) => new(raw, op, D(value), unit, null);

    public static Measure Text(string text) => new(text, null, null, null, text);

    public static Form Form(IEnumerable<FundRow> funds, IEnumerable<Indicator> indicators, Total total) =>
        new(
            "财政项目支出绩效自评表",
            2023,
            "党群中心劳务费及分摊费",
            "杨行镇主管单位",
            "上海市宝山区杨行镇社区党群服务中心",
            new Funds("元", [.. funds]),
            new Goals("预期", "实际"),
            [.. indicators],
            total,
            ImmutableArray<Check>.Empty,
            new FormSource([1]));

    /// <summary>Funds 10 of 10 and indicators 50 of 50 and 40 of 40, 总分 100 / 100: nothing to report.</summary>
    public static Form Clean => Form([FullFunds], [Indicator(50m, 50m), Indicator(40m, 40m)], new Total(100m, 100m));
}
