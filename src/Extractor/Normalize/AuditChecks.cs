using System.Collections.Immutable;
using System.Globalization;
using Extractor.Model;

namespace Extractor.Normalize;

/// <summary>
/// The contract's audit checks: sums against 总分, execution rates and funds scores, scores within
/// weights, reasons for lost points, and full marks for missed targets.
/// </summary>
internal static class AuditChecks
{
    private const decimal SumTolerance = 0.01m;
    private const decimal RateTolerance = 0.05m;
    private const decimal ExecutionScoreTolerance = 0.5m;

    /// <summary>Runs every check on a form.</summary>
    /// <param name="form">The form.</param>
    /// <param name="hasTotalRow">False when the form has no 总分 row at all (cut off): the sums are then not checked.</param>
    public static ImmutableArray<Check> Run(Form form, bool hasTotalRow = true)
    {
        ArgumentNullException.ThrowIfNull(form);
        var checks = ImmutableArray.CreateBuilder<Check>();
        if (hasTotalRow)
        {
            Totals(form, checks);
        }

        for (var i = 0; i < form.Funds.Rows.Length; i++)
        {
            FundRowChecks(form.Funds.Rows[i], $"/funds/rows/{i}", checks);
        }

        for (var i = 0; i < form.Indicators.Length; i++)
        {
            IndicatorChecks(form.Indicators[i], $"/indicators/{i}", checks);
        }

        return checks.ToImmutable();
    }

    private static void Totals(Form form, ImmutableArray<Check>.Builder checks)
    {
        if (form.Indicators.IsEmpty)
        {
            return;
        }

        var funds = form.Funds.Rows.FirstOrDefault(r => r.Key == FundRowKeys.Total);
        var indicatorWeights = form.Indicators.Sum(i => i.Weight ?? 0);
        var indicatorScores = form.Indicators.Sum(i => i.Score ?? 0);
        var weightSum = (funds?.Weight ?? 0) + indicatorWeights;
        var scoreSum = (funds?.Score ?? 0) + indicatorScores;

        // Some forms total the indicators only (产出 + 效益 + 满意度 = 100) and score the funds apart: 总分 then
        // matches the indicators' sum and not the sum with the funds. Say so, and check against that basis.
        var fundsPoints = funds?.Weight is > 0 || funds?.Score is > 0;
        var indicatorsOnly = fundsPoints && (form.Total.Weight is { } w
            ? Math.Abs(w - weightSum) > SumTolerance && Math.Abs(w - indicatorWeights) <= SumTolerance
            : form.Total.Score is { } sc && Math.Abs(sc - scoreSum) > SumTolerance && Math.Abs(sc - indicatorScores) <= SumTolerance);
        if (indicatorsOnly)
        {
            weightSum = indicatorWeights;
            scoreSum = indicatorScores;
            checks.Add(new Check(
                CheckCodes.TotalCoversIndicatorsOnly,
                Severity.Info,
                $"总分 counts the indicators only ({Show(indicatorWeights)} points); the funds block's 分值 {Show(funds?.Weight ?? 0)} and 得分 {Show(funds?.Score ?? 0)} lie outside it",
                "/total",
                indicatorWeights,
                form.Total.Weight));
        }

        if (form.Total.Weight is { } weight && Math.Abs(weight - weightSum) > SumTolerance)
        {
            checks.Add(new Check(
                CheckCodes.WeightSumMismatch,
                Severity.Error,
                $"总分 分值 is {Show(weight)} but the funds 分值 and the indicators' 分值 add up to {Show(weightSum)}",
                "/total/weight",
                weightSum,
                weight));
        }

        if (form.Total.Score is { } score)
        {
            if (Math.Abs(score - scoreSum) > SumTolerance)
            {
                checks.Add(new Check(
                    CheckCodes.ScoreSumMismatch,
                    Severity.Error,
                    indicatorsOnly
                        ? $"总分 得分 is {Show(score)} but the indicators' 得分 add up to {Show(scoreSum)}"
                        : $"总分 得分 is {Show(score)} but the funds 得分 and the indicators' 得分 add up to {Show(scoreSum)}",
                    "/total/score",
                    scoreSum,
                    score));
            }
        }
        else
        {
            checks.Add(new Check(
                CheckCodes.TotalScoreMissing,
                Severity.Warning,
                indicatorsOnly
                    ? $"总分 得分 is blank; the indicators' 得分 add up to {Show(scoreSum)}"
                    : $"总分 得分 is blank; the funds 得分 and the indicators' 得分 add up to {Show(scoreSum)}",
                "/total/score",
                scoreSum,
                null));
        }
    }

    private static void FundRowChecks(FundRow row, string path, ImmutableArray<Check>.Builder checks)
    {
        if (row.ExecutionRatePercent is { } rate && row.Executed is { } executed && row.AnnualBudget is { } budget && budget != 0)
        {
            // Compare with the exact ratio; show it rounded to the printed precision.
            var exact = executed / budget * 100m;
            var computed = Math.Round(exact, 2);
            if (Math.Abs(rate - exact) > RateTolerance)
            {
                checks.Add(new Check(
                    CheckCodes.ExecutionRateMismatch,
                    Severity.Warning,
                    $"执行率 of {row.Label} is {Show(rate)}% but 全年执行数 / 全年预算数 is {Show(computed)}%",
                    path + "/executionRatePercent",
                    computed,
                    rate));
            }
        }

        if (row.Score is { } score && row.Weight is { } weight)
        {
            var rateForScore = row.ExecutionRatePercent
                ?? (row.Executed is { } e && row.AnnualBudget is { } b && b != 0 ? e / b * 100m : null);
            if (rateForScore is { } r)
            {
                var exact = weight * Math.Min(r, 100m) / 100m;
                var expected = Math.Round(exact, 2);
                if (Math.Abs(score - exact) > ExecutionScoreTolerance)
                {
                    checks.Add(new Check(
                        CheckCodes.ExecutionScoreMismatch,
                        Severity.Warning,
                        $"得分 of {row.Label} is {Show(score)} but 分值 × min(执行率, 100%) is {Show(expected)}",
                        path + "/score",
                        expected,
                        score));
                }
            }

            ScoreWithinWeight(score, weight, path, row.Label, checks);
        }
    }

    private static void IndicatorChecks(Indicator indicator, string path, ImmutableArray<Check>.Builder checks)
    {
        if (indicator.Score is not { } score || indicator.Weight is not { } weight)
        {
            return;
        }

        ScoreWithinWeight(score, weight, path, indicator.Name, checks);

        if (score < weight && indicator.DeviationReason is null)
        {
            checks.Add(new Check(
                CheckCodes.DeviationReasonMissing,
                Severity.Warning,
                $"'{indicator.Name}' scores {Show(score)} of {Show(weight)} and gives no reason",
                path + "/deviationReason",
                null,
                null));
        }

        if (score == weight && TargetMissed(indicator.Target, indicator.Actual))
        {
            checks.Add(new Check(
                CheckCodes.TargetNotMetFullScore,
                Severity.Info,
                $"'{indicator.Name}': actual {indicator.Actual!.Raw} does not meet target {indicator.Target!.Raw}, yet 得分 equals 分值",
                path,
                indicator.Target.Value,
                indicator.Actual.Value));
        }
    }

    private static void ScoreWithinWeight(decimal score, decimal weight, string path, string what, ImmutableArray<Check>.Builder checks)
    {
        if (score > weight)
        {
            checks.Add(new Check(
                CheckCodes.ScoreExceedsWeight,
                Severity.Error,
                $"得分 of '{what}' is {Show(score)}, more than its 分值 {Show(weight)}",
                path + "/score",
                weight,
                score));
        }
    }

    /// <summary>True when target and actual are numbers in the same unit and the actual fails the target's operator.</summary>
    public static bool TargetMissed(Measure? target, Measure? actual) => TargetComparison.Met(target, actual) == false;

    /// <summary>A number for a message, without trailing zeros: 90.00 shows as 90.</summary>
    private static string Show(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
