namespace Extractor.Model;

/// <summary>One row of the 项目资金 block.</summary>
/// <param name="Label">As printed, e.g. 其中：当年财政拨款.</param>
/// <param name="Key">See <see cref="FundRowKeys"/>; null for rows of other names.</param>
/// <param name="InitialBudget">年初预算数.</param>
/// <param name="AnnualBudget">全年预算数 (调整后预算数).</param>
/// <param name="Executed">全年执行数 (预算执行数).</param>
/// <param name="Weight">分值 (权重).</param>
/// <param name="ExecutionRatePercent">执行率 in percent: 86.19 for 86.19%.</param>
/// <param name="Score">得分.</param>
/// <param name="Source">Where the row was found.</param>
public sealed record FundRow(
    string Label,
    string? Key,
    decimal? InitialBudget,
    decimal? AnnualBudget,
    decimal? Executed,
    decimal? Weight,
    decimal? ExecutionRatePercent,
    decimal? Score,
    RowSource Source);
