using System.Collections.Immutable;
using System.Globalization;
using Extractor.Assembly;
using Extractor.Model;
using Extractor.Normalize;
using Extractor.Domain;

namespace Extractor.Tests.Normalize;

/// <summary>From assembled text to the contract's records: FormNormalizer.Normalize.</summary>
public class FormNormalizerTests
{
    private static readonly Provenance Line8 = new([8], [1], []);

    private static ImmutableDictionary<ColumnRole, string> Values(params (ColumnRole Role, string Text)[] cells) =>
        cells.ToImmutableDictionary(c => c.Role, c => c.Text);

    private static AssembledIndicator Indicator(string? level1, string? level2, string name, params (ColumnRole Role, string Text)[] cells) =>
        new(level1, level2, name, Values(cells), new Provenance([15], [1], []));

    private static AssembledForm Form(
        IEnumerable<AssembledFundRow>? funds = null,
        IEnumerable<AssembledIndicator>? indicators = null,
        decimal? totalWeight = null,
        decimal? totalScore = null) =>
        new(
            "财政项目支出绩效自评表",
            2023,
            "党群中心劳务费及分摊费",
            "杨行镇主管单位",
            "上海市宝山区杨行镇社区党群服务中心",
            "元",
            [.. funds ?? []],
            "预期目标文字",
            "实际完成文字",
            [.. indicators ?? []],
            totalWeight,
            totalScore,
            HasTotalRow: true,
            [1, 2],
            []);

    private static Form Normalize(AssembledForm form, List<Diagnostic>? diagnostics = null) =>
        FormNormalizer.Normalize(form, diagnostics ?? []);

    private static string? Show(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void TheHeadIsCarriedOver()
    {
        var form = Normalize(Form());
        Assert.Equal("财政项目支出绩效自评表", form.Title);
        Assert.Equal(2023, form.Year);
        Assert.Equal("党群中心劳务费及分摊费", form.ProjectName);
        Assert.Equal("杨行镇主管单位", form.SupervisingDepartment);
        Assert.Equal("上海市宝山区杨行镇社区党群服务中心", form.ImplementingUnit);
        Assert.Equal("元", form.Funds.Unit);
        Assert.Equal(new Goals("预期目标文字", "实际完成文字"), form.Goals);
        Assert.Equal<int>([1, 2], form.Source.Pages);
    }

    [Fact]
    public void AFundRowIsReadAsPrinted()
    {
        var row = new AssembledFundRow(
            "年度资金总额",
            Values(
                (ColumnRole.InitialBudget, "11134477.99"),
                (ColumnRole.AnnualBudget, "11999665.86"),
                (ColumnRole.Executed, "11,999,665.86"),
                (ColumnRole.Weight, "10"),
                (ColumnRole.ExecutionRate, "100.00%"),
                (ColumnRole.Score, "10")),
            Line8);
        var diagnostics = new List<Diagnostic>();
        var funds = Assert.Single(Normalize(Form([row]), diagnostics).Funds.Rows);
        Assert.Equal("年度资金总额", funds.Label);
        Assert.Equal(FundRowKeys.Total, funds.Key);
        Assert.Equal("11134477.99", Show(funds.InitialBudget));
        Assert.Equal("11999665.86", Show(funds.AnnualBudget));
        Assert.Equal("11999665.86", Show(funds.Executed));
        Assert.Equal("10", Show(funds.Weight));
        Assert.Equal("100.00", Show(funds.ExecutionRatePercent));
        Assert.Equal("10", Show(funds.Score));
        Assert.Equal<int>([8], funds.Source.Lines!.Value);
        Assert.Null(funds.Source.Pages);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void PlaceholdersAndBlanksInAFundRowAreNullWithoutDiagnostic()
    {
        var row = new AssembledFundRow(
            "其中：当年财政拨款",
            Values((ColumnRole.InitialBudget, "1000000"), (ColumnRole.AnnualBudget, "808558.00"), (ColumnRole.Weight, "—"), (ColumnRole.Score, "/")),
            Line8);
        var diagnostics = new List<Diagnostic>();
        var funds = Assert.Single(Normalize(Form([row]), diagnostics).Funds.Rows);
        Assert.Equal(FundRowKeys.CurrentYearAppropriation, funds.Key);
        Assert.Equal("1000000", Show(funds.InitialBudget));
        Assert.Equal("808558.00", Show(funds.AnnualBudget));
        Assert.Null(funds.Executed);
        Assert.Null(funds.Weight);
        Assert.Null(funds.ExecutionRatePercent);
        Assert.Null(funds.Score);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void AValueThatIsNotANumberIsReportedNotDropped()
    {
        var row = new AssembledFundRow("上年结转资金", Values((ColumnRole.AnnualBudget, "约100万")), new Provenance([10, 11], [2], []));
        var diagnostics = new List<Diagnostic>();
        var funds = Assert.Single(Normalize(Form([row]), diagnostics).Funds.Rows);
        Assert.Equal(FundRowKeys.Carryover, funds.Key);
        Assert.Null(funds.AnnualBudget);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UnplacedText, diagnostic.Code);
        Assert.Equal(Severity.Warning, diagnostic.Severity);
        Assert.Equal(2, diagnostic.Page);
        Assert.Equal(10, diagnostic.Line);
        Assert.Equal("约100万", diagnostic.Text);
    }

    [Fact]
    public void AnIndicatorIsReadAsPrinted()
    {
        var indicator = Indicator(
            "产出指标",
            "数量指标",
            "镇域内居民区数量",
            (ColumnRole.Target, "=51个"),
            (ColumnRole.Actual, "52个"),
            (ColumnRole.Weight, "5"),
            (ColumnRole.Score, "3"),
            (ColumnRole.Reason, "新增1个居民区"));
        var result = Assert.Single(Normalize(Form(indicators: [indicator])).Indicators);
        Assert.Equal("产出指标", result.Level1);
        Assert.Equal("数量指标", result.Level2);
        Assert.Equal("镇域内居民区数量", result.Name);
        Assert.Equal(new Measure("=51个", "=", 51m, "个", null), result.Target);
        Assert.Equal(new Measure("52个", null, 52m, "个", null), result.Actual);
        Assert.Equal(5m, result.Weight);
        Assert.Equal(3m, result.Score);
        Assert.Equal("新增1个居民区", result.DeviationReason);
        Assert.Equal<int>([15], result.Source.Lines!.Value);
    }

    [Theory]
    [InlineData("质量指标", "产出指标")]
    [InlineData("社会效益指标", "效益指标")]
    [InlineData("服务对象满意度指标", "满意度指标")]
    public void Level1IsKnownFromLevel2WhenNotPrinted(string level2, string level1)
    {
        var result = Assert.Single(Normalize(Form(indicators: [Indicator(null, level2, "按照对应级别发放薪酬")])).Indicators);
        Assert.Equal(level1, result.Level1);
    }

    [Fact]
    public void TextMeasuresAndPlaceholderReasons()
    {
        var indicator = Indicator("产出指标", "时效指标", "开展党员教育管理活动", (ColumnRole.Target, "全年"), (ColumnRole.Actual, "全年"), (ColumnRole.Reason, "—"));
        var result = Assert.Single(Normalize(Form(indicators: [indicator])).Indicators);
        Assert.Equal(new Measure("全年", null, null, null, "全年"), result.Target);
        Assert.Equal(new Measure("全年", null, null, null, "全年"), result.Actual);
        Assert.Null(result.DeviationReason);
        Assert.Null(result.Weight);
        Assert.Null(result.Score);
    }

    [Fact]
    public void ASplitTargetIsRebuiltFromItsParts()
    {
        var indicator = Indicator(
            "满意度指标",
            "服务对象满意度指标",
            "小区居民满意度",
            (ColumnRole.TargetOperator, "≥"),
            (ColumnRole.TargetValue, "95"),
            (ColumnRole.TargetUnit, "%"),
            (ColumnRole.Actual, "96%"));
        var result = Assert.Single(Normalize(Form(indicators: [indicator])).Indicators);
        Assert.Equal(new Measure("≥95%", ">=", 95m, "%", null), result.Target);
    }

    [Fact]
    public void ASplitTargetSkipsPlaceholderParts()
    {
        var indicator = Indicator("产出指标", "数量指标", "打造功能空间", (ColumnRole.TargetOperator, "—"), (ColumnRole.TargetValue, "5"), (ColumnRole.TargetUnit, "个"));
        var result = Assert.Single(Normalize(Form(indicators: [indicator])).Indicators);
        Assert.Equal(new Measure("5个", null, 5m, "个", null), result.Target);
    }

    [Fact]
    public void TheTotalIsCarriedOverAndTheChecksRun()
    {
        var funds = new AssembledFundRow("年度资金总额", Values((ColumnRole.Weight, "10"), (ColumnRole.ExecutionRate, "100.00%"), (ColumnRole.Score, "10")), Line8);
        var indicator = Indicator("产出指标", "数量指标", "打造功能空间", (ColumnRole.Target, "=5个"), (ColumnRole.Actual, "5个"), (ColumnRole.Weight, "90"), (ColumnRole.Score, "90"));
        var form = Normalize(Form([funds], [indicator], totalWeight: 100m));
        Assert.Equal(new Total(100m, null), form.Total);
        var check = Assert.Single(form.Checks);
        Assert.Equal(CheckCodes.TotalScoreMissing, check.Code);
        Assert.Equal(100m, check.Expected);
    }

    [Fact]
    public void AFullWidthPercentTargetIsComparedWithAnAsciiPercentActual()
    {
        var indicator = Indicator("满意度指标", "服务对象满意度指标", "小区居民满意度", (ColumnRole.Target, "≥90％"), (ColumnRole.Actual, "85%"), (ColumnRole.Weight, "100"), (ColumnRole.Score, "100"));
        var form = Normalize(Form(indicators: [indicator], totalWeight: 100m, totalScore: 100m));
        var check = Assert.Single(form.Checks);
        Assert.Equal(CheckCodes.TargetNotMetFullScore, check.Code);
        Assert.Equal("/indicators/0", check.Path);
        Assert.Equal(90m, check.Expected);
        Assert.Equal(85m, check.Found);
    }

    [Fact]
    public void NormalizeRefusesNull()
    {
        Assert.Throws<ArgumentNullException>(() => FormNormalizer.Normalize(null!, []));
        Assert.Throws<ArgumentNullException>(() => FormNormalizer.Normalize(Form(), null!));
    }
}
