using Extractor.Model;
using Extractor.Normalize;
using static Extractor.Tests.Normalize.TestForms;

namespace Extractor.Tests.Normalize;

/// <summary>The contract's checks on hand-built forms: each fires with its severity, path, expected and found, and not inside its tolerance.</summary>
public class AuditChecksTests
{
    private static Check Only(Form form, string code) => Assert.Single(AuditChecks.Run(form), c => c.Code == code);

    private static void None(Form form, string code) => Assert.DoesNotContain(AuditChecks.Run(form), c => c.Code == code);

    [Fact]
    public void AFormWhoseArithmeticHoldsHasNoChecks()
    {
        Assert.Empty(AuditChecks.Run(Clean));
    }

    [Fact]
    public void TotalScoreMissingCarriesTheComputedSum()
    {
        var form = Form([FullFunds], [Indicator(50m, 50m), Indicator(40m, 36m, "企业关停并转")], new Total(100m, null));
        var check = Assert.Single(AuditChecks.Run(form));
        Assert.Equal(CheckCodes.TotalScoreMissing, check.Code);
        Assert.Equal(Severity.Warning, check.Severity);
        Assert.Equal("/total/score", check.Path);
        Assert.Equal(96m, check.Expected);
        Assert.Null(check.Found);
    }

    [Fact]
    public void TotalsAreNotCheckedOnAFormWithoutIndicators()
    {
        Assert.Empty(AuditChecks.Run(Form([FullFunds], [], new Total(null, null))));
    }

    [Theory]
    [InlineData("39.98", true)]
    [InlineData("39.99", false)]
    [InlineData("40.01", false)]
    [InlineData("40.02", true)]
    public void WeightSumMismatchHasATolerance(string secondWeight, bool fires)
    {
        var weight = D(secondWeight);
        var form = Form([FullFunds], [Indicator(50m, 50m), Indicator(weight, weight)], new Total(100m, 60m + weight));
        var checks = AuditChecks.Run(form);
        if (!fires)
        {
            Assert.Empty(checks);
            return;
        }

        var check = Assert.Single(checks);
        Assert.Equal(CheckCodes.WeightSumMismatch, check.Code);
        Assert.Equal(Severity.Error, check.Severity);
        Assert.Equal("/total/weight", check.Path);
        Assert.Equal(60m + weight, check.Expected);
        Assert.Equal(100m, check.Found);
    }

    [Theory]
    [InlineData("35.98", true)]
    [InlineData("35.99", false)]
    [InlineData("36.01", false)]
    [InlineData("36.02", true)]
    public void ScoreSumMismatchHasATolerance(string secondScore, bool fires)
    {
        var score = D(secondScore);
        var form = Form([FullFunds], [Indicator(50m, 50m), Indicator(40m, score, "企业关停并转")], new Total(100m, 96m));
        var checks = AuditChecks.Run(form);
        if (!fires)
        {
            Assert.Empty(checks);
            return;
        }

        var check = Assert.Single(checks);
        Assert.Equal(CheckCodes.ScoreSumMismatch, check.Code);
        Assert.Equal(Severity.Error, check.Severity);
        Assert.Equal("/total/score", check.Path);
        Assert.Equal(60m + score, check.Expected);
        Assert.Equal(96m, check.Found);
    }

    [Fact]
    public void SumsCountOnlyTheTotalFundRow()
    {
        var appropriation = new FundRow("其中：当年财政拨款", FundRowKeys.CurrentYearAppropriation, 1000m, 1000m, null, 10m, null, 10m, Source);
        Assert.Empty(AuditChecks.Run(Form([FullFunds, appropriation], [Indicator(50m, 50m), Indicator(40m, 40m)], new Total(100m, 100m))));
    }

    [Fact]
    public void SumsWithoutAFundsTotalCountTheIndicatorsOnly()
    {
        var check = Only(Form([], [Indicator(50m, 50m), Indicator(40m, 40m)], new Total(100m, 90m)), CheckCodes.WeightSumMismatch);
        Assert.Equal(90m, check.Expected);
        Assert.Equal(100m, check.Found);
    }

    [Theory]
    [InlineData("86.25", true)]
    [InlineData("86.24", false)]
    [InlineData("86.19", false)]
    [InlineData("86.14", false)]
    [InlineData("86.13", true)]
    public void ExecutionRateMismatchHasATolerance(string printedRate, bool fires)
    {
        var rate = D(printedRate);
        var funds = TotalFunds(1000m, 861.9m, 10m, rate, 8.62m);
        var form = Form([funds], [Indicator(50m, 50m), Indicator(40m, 40m)], new Total(100m, 98.62m));
        var checks = AuditChecks.Run(form);
        if (!fires)
        {
            Assert.Empty(checks);
            return;
        }

        var check = Assert.Single(checks);
        Assert.Equal(CheckCodes.ExecutionRateMismatch, check.Code);
        Assert.Equal(Severity.Warning, check.Severity);
        Assert.Equal("/funds/rows/0/executionRatePercent", check.Path);
        Assert.Equal(86.19m, check.Expected);
        Assert.Equal(rate, check.Found);
    }

    [Theory]
    [InlineData("86.25", true)]
    [InlineData("86.24", false)]
    [InlineData("86.15", false)]
    [InlineData("86.14", true)]
    public void ExecutionRateIsComparedWithTheExactRatioNotTheRoundedOne(string printedRate, bool fires)
    {
        // 861.95 / 1000 is exactly 86.195%: 86.25 is 0.055 away (fires) although 86.20, the rounded ratio, is only 0.05 away.
        var rate = D(printedRate);
        var funds = TotalFunds(1000m, 861.95m, 10m, rate, 8.62m);
        var form = Form([funds], [Indicator(50m, 50m), Indicator(40m, 40m)], new Total(100m, 98.62m));
        var checks = AuditChecks.Run(form).Where(c => c.Code == CheckCodes.ExecutionRateMismatch).ToList();

        Assert.Equal(fires ? 1 : 0, checks.Count);
        if (fires)
        {
            Assert.Equal(86.20m, checks[0].Expected);
            Assert.Equal(rate, checks[0].Found);
        }
    }

    [Fact]
    public void ExecutionRateIsNotCheckedWithoutABudget()
    {
        None(Form([TotalFunds(0m, 0m, 10m, 100m, 10m)], [Indicator(50m, 50m), Indicator(40m, 40m)], new Total(100m, 100m)), CheckCodes.ExecutionRateMismatch);
        None(Form([TotalFunds(null, 1000m, 10m, 100m, 10m)], [Indicator(50m, 50m), Indicator(40m, 40m)], new Total(100m, 100m)), CheckCodes.ExecutionRateMismatch);
        None(Form([TotalFunds(1000m, null, 10m, 50m, 10m)], [Indicator(50m, 50m), Indicator(40m, 40m)], new Total(100m, 100m)), CheckCodes.ExecutionRateMismatch);
    }

    [Fact]
    public void ExecutionRateOfAFundRowFurtherDownHasItsPath()
    {
        var appropriation = new FundRow("其中：当年财政拨款", FundRowKeys.CurrentYearAppropriation, 1000m, 1000m, 500m, null, 100m, null, Source);
        var check = Only(Form([FullFunds, appropriation], [Indicator(50m, 50m), Indicator(40m, 40m)], new Total(100m, 100m)), CheckCodes.ExecutionRateMismatch);
        Assert.Equal("/funds/rows/1/executionRatePercent", check.Path);
        Assert.Equal(50m, check.Expected);
        Assert.Equal(100m, check.Found);
    }

    [Theory]
    [InlineData("8.51", true)]
    [InlineData("8.5", false)]
    [InlineData("8", false)]
    [InlineData("7.5", false)]
    [InlineData("7.49", true)]
    public void ExecutionScoreMismatchHasATolerance(string printedScore, bool fires)
    {
        var score = D(printedScore);
        var funds = TotalFunds(1000m, 800m, 10m, 80m, score);
        var form = Form([funds], [Indicator(50m, 50m), Indicator(40m, 40m)], new Total(100m, 90m + score));
        var checks = AuditChecks.Run(form);
        if (!fires)
        {
            Assert.Empty(checks);
            return;
        }

        var check = Assert.Single(checks);
        Assert.Equal(CheckCodes.ExecutionScoreMismatch, check.Code);
        Assert.Equal(Severity.Warning, check.Severity);
        Assert.Equal("/funds/rows/0/score", check.Path);
        Assert.Equal(8m, check.Expected);
        Assert.Equal(score, check.Found);
    }

    [Fact]
    public void ExecutionScoreCountsAtMostTheFullRate()
    {
        var funds = TotalFunds(1000m, 1200m, 10m, 120m, 10m);
        None(Form([funds], [Indicator(50m, 50m), Indicator(40m, 40m)], new Total(100m, 100m)), CheckCodes.ExecutionScoreMismatch);
    }

    [Fact]
    public void ExecutionScoreUsesExecutedOverBudgetWhenNoRateIsPrinted()
    {
        var funds = TotalFunds(1000m, 900m, 10m, null, 10m);
        var check = Only(Form([funds], [Indicator(50m, 50m), Indicator(40m, 40m)], new Total(100m, 100m)), CheckCodes.ExecutionScoreMismatch);
        Assert.Equal(9m, check.Expected);
        Assert.Equal(10m, check.Found);
    }

    [Fact]
    public void ExecutionScoreIsNotCheckedWithoutARate()
    {
        var funds = TotalFunds(1000m, null, 10m, null, 3m);
        var form = Form([funds], [Indicator(50m, 50m), Indicator(40m, 40m)], new Total(100m, 93m));
        Assert.Empty(AuditChecks.Run(form));
    }

    [Theory]
    [InlineData("6", true)]
    [InlineData("5.01", true)]
    [InlineData("5", false)]
    public void ScoreExceedsWeightOnAnIndicator(string printedScore, bool fires)
    {
        var score = D(printedScore);
        var form = Form([FullFunds], [Indicator(85m, 85m), Indicator(5m, score)], new Total(100m, 95m + score));
        var checks = AuditChecks.Run(form);
        if (!fires)
        {
            Assert.Empty(checks);
            return;
        }

        var check = Assert.Single(checks);
        Assert.Equal(CheckCodes.ScoreExceedsWeight, check.Code);
        Assert.Equal(Severity.Error, check.Severity);
        Assert.Equal("/indicators/1/score", check.Path);
        Assert.Equal(5m, check.Expected);
        Assert.Equal(score, check.Found);
    }

    [Fact]
    public void ScoreExceedsWeightOnTheFunds()
    {
        var funds = TotalFunds(1000m, 1000m, 10m, 100m, 10.5m);
        var form = Form([funds], [Indicator(50m, 50m), Indicator(40m, 40m)], new Total(100m, 100.5m));
        var check = Assert.Single(AuditChecks.Run(form));
        Assert.Equal(CheckCodes.ScoreExceedsWeight, check.Code);
        Assert.Equal(Severity.Error, check.Severity);
        Assert.Equal("/funds/rows/0/score", check.Path);
        Assert.Equal(10m, check.Expected);
        Assert.Equal(10.5m, check.Found);
    }

    [Fact]
    public void DeviationReasonMissingWhenPointsAreLostWithoutReason()
    {
        var form = Form([FullFunds], [Indicator(50m, 50m), Indicator(40m, 36m)], new Total(100m, 96m));
        var check = Assert.Single(AuditChecks.Run(form));
        Assert.Equal(CheckCodes.DeviationReasonMissing, check.Code);
        Assert.Equal(Severity.Warning, check.Severity);
        Assert.Equal("/indicators/1/deviationReason", check.Path);
    }

    [Fact]
    public void DeviationReasonGivenIsEnough()
    {
        var form = Form([FullFunds], [Indicator(50m, 50m), Indicator(40m, 36m, "新增1个居民区")], new Total(100m, 96m));
        Assert.Empty(AuditChecks.Run(form));
    }

    [Fact]
    public void IndicatorsWithoutScoreAreNotChecked()
    {
        var form = Form([FullFunds], [Indicator(50m, 50m), Indicator(40m, null, target: Numeric(">5个", ">", "5", "个"), actual: Numeric("5个", null, "5", "个"))], new Total(100m, 60m));
        Assert.Empty(AuditChecks.Run(form));
    }

    [Theory]
    [InlineData(">5个", ">", "5", "个", "5个", "5")]
    [InlineData(">85%", ">", "85", "%", "85%", "85")]
    [InlineData(">10人", ">", "10", "人", "10人", "10")]
    [InlineData("=108个", "=", "108", "个", "98个", "98")]
    public void TargetNotMetFullScoreOnTheSeedsRows(string targetRaw, string op, string goal, string unit, string actualRaw, string value)
    {
        var indicator = Indicator(40m, 40m, target: Numeric(targetRaw, op, goal, unit), actual: Numeric(actualRaw, null, value, unit));
        var form = Form([FullFunds], [Indicator(50m, 50m), indicator], new Total(100m, 100m));
        var check = Assert.Single(AuditChecks.Run(form));
        Assert.Equal(CheckCodes.TargetNotMetFullScore, check.Code);
        Assert.Equal(Severity.Info, check.Severity);
        Assert.Equal("/indicators/1", check.Path);
        Assert.Equal(D(goal), check.Expected);
        Assert.Equal(D(value), check.Found);
    }

    [Fact]
    public void TargetNotMetWithPointsLostIsNotFullScore()
    {
        var indicator = Indicator(40m, 30m, "企业关停并转", Numeric("=108个", "=", "108", "个"), Numeric("98个", null, "98", "个"));
        var form = Form([FullFunds], [Indicator(50m, 50m), indicator], new Total(100m, 90m));
        Assert.Empty(AuditChecks.Run(form));
    }

    [Fact]
    public void TargetMetWithFullScoreIsFine()
    {
        var indicator = Indicator(40m, 40m, target: Numeric("=39人", "=", "39", "人"), actual: Numeric("39人", null, "39", "人"));
        Assert.Empty(AuditChecks.Run(Form([FullFunds], [Indicator(50m, 50m), indicator], new Total(100m, 100m))));
    }

    [Fact]
    public void RunRefusesNull()
    {
        Assert.Throws<ArgumentNullException>(() => AuditChecks.Run(null!));
    }

    [Fact]
    public void EveryCheckCodeIsCovered()
    {
        var codes = typeof(CheckCodes).GetFields().Select(f => (string)f.GetValue(null)!).Order().ToArray();
        Assert.Equal(
            new[]
            {
                CheckCodes.DeviationReasonMissing, CheckCodes.ExecutionRateMismatch, CheckCodes.ExecutionScoreMismatch, CheckCodes.ScoreExceedsWeight,
                CheckCodes.ScoreSumMismatch, CheckCodes.TargetNotMetFullScore, CheckCodes.TotalCoversIndicatorsOnly, CheckCodes.TotalScoreMissing,
                CheckCodes.WeightSumMismatch,
            }.Order(),
            codes);
        Assert.Equal(
            ["deviation-reason-missing", "execution-rate-mismatch", "execution-score-mismatch", "score-exceeds-weight", "score-sum-mismatch", "target-not-met-full-score", "total-covers-indicators-only", "total-score-missing", "weight-sum-mismatch"],
            codes);
    }

    [Fact]
    public void ATotalOfTheIndicatorsOnlyIsSaidAndNotAMismatch()
    {
        // 总分 100 = 70 + 30 (indicators); the funds block's 分值 10 / 得分 9 stand outside the 100.
        var form = Form([TotalFunds(1000m, 900m, 10m, 90m, 9m)], [Indicator(70m, 68m, "原因"), Indicator(30m, 29m, "原因")], new Total(100m, 97m));

        var check = Assert.Single(AuditChecks.Run(form));
        Assert.Equal(CheckCodes.TotalCoversIndicatorsOnly, check.Code);
        Assert.Equal(Severity.Info, check.Severity);
        Assert.Equal("/total", check.Path);
        Assert.Equal(100m, check.Expected);
        Assert.Equal(100m, check.Found);
    }

    [Fact]
    public void OnTheIndicatorsOnlyBasisAScoreThatDoesNotAddUpIsStillAMismatch()
    {
        var form = Form([TotalFunds(1000m, 900m, 10m, 90m, 9m)], [Indicator(70m, 68m, "原因"), Indicator(30m, 29m, "原因")], new Total(100m, 95m));

        var checks = AuditChecks.Run(form);
        Assert.Equal([CheckCodes.TotalCoversIndicatorsOnly, CheckCodes.ScoreSumMismatch], checks.Select(c => c.Code));
        Assert.Equal(97m, checks[1].Expected);
        Assert.Equal(95m, checks[1].Found);
    }

    [Fact]
    public void ATotalMatchingNeitherBasisIsAMismatchAgainstFundsAndIndicators()
    {
        var form = Form([TotalFunds(1000m, 900m, 10m, 90m, 9m)], [Indicator(70m, 68m, "原因"), Indicator(30m, 29m, "原因")], new Total(105m, 104m));

        var checks = AuditChecks.Run(form);
        Assert.Equal([CheckCodes.WeightSumMismatch, CheckCodes.ScoreSumMismatch], checks.Select(c => c.Code));
        Assert.Equal(110m, checks[0].Expected);
        Assert.Equal(106m, checks[1].Expected);
    }

    [Fact]
    public void WithoutFundsPointsATotalOfTheIndicatorsIsTheOrdinaryCase()
    {
        var form = Form([TotalFunds(1000m, 1000m, null, 100m, null)], [Indicator(70m, 70m), Indicator(30m, 30m)], new Total(100m, 100m));

        Assert.Empty(AuditChecks.Run(form));
    }
}
