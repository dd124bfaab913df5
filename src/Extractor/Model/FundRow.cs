using System.Collections.Immutable;
using System.Text.Json.Serialization;
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
    RowSource Source)
{
    /// <summary>年初预算数 in 元 (× 10,000 when the block is in 万元).</summary>
    public decimal? InitialBudgetYuan { get; init; }

    /// <summary>全年预算数 in 元.</summary>
    public decimal? AnnualBudgetYuan { get; init; }

    /// <summary>全年执行数 in 元.</summary>
    public decimal? ExecutedYuan { get; init; }

    /// <summary>
    /// Columns the contract has no field for, by their header as printed (得分计算方法, 评分标准, 指标解释 …):
    /// the cell's text. Omitted when there are none; a value never moves into another field because of them.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableSortedDictionary<string, string>? Extra { get; init; }
}
