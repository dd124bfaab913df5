namespace Extractor.Model;

/// <summary>Codes of <see cref="Check"/>.</summary>
public static class CheckCodes
{
    /// <summary>总分 得分 is blank.</summary>
    public const string TotalScoreMissing = "total-score-missing";

    /// <summary>Funds 分值 plus indicator 分值 differ from 总分 分值.</summary>
    public const string WeightSumMismatch = "weight-sum-mismatch";

    /// <summary>Funds 得分 plus indicator 得分 differ from 总分 得分.</summary>
    public const string ScoreSumMismatch = "score-sum-mismatch";

    /// <summary>执行率 differs from 全年执行数 / 全年预算数.</summary>
    public const string ExecutionRateMismatch = "execution-rate-mismatch";

    /// <summary>Funds 得分 differs from 分值 × min(执行率, 100%).</summary>
    public const string ExecutionScoreMismatch = "execution-score-mismatch";

    /// <summary>得分 is greater than 分值.</summary>
    public const string ScoreExceedsWeight = "score-exceeds-weight";

    /// <summary>得分 is below 分值 and no reason is given.</summary>
    public const string DeviationReasonMissing = "deviation-reason-missing";

    /// <summary>总分 counts the indicators only; the funds block's 分值 and 得分 lie outside it (extension of the contract).</summary>
    public const string TotalCoversIndicatorsOnly = "total-covers-indicators-only";

    /// <summary>The actual value fails the target's operator, yet the row has full marks.</summary>
    public const string TargetNotMetFullScore = "target-not-met-full-score";
}
