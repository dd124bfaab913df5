using System.Collections.Immutable;
using System.Text.Json.Serialization;
namespace Extractor.Model;

/// <summary>One 三级指标 row of the 绩效指标 table.</summary>
/// <param name="Level1">一级指标: 产出指标, 效益指标 or 满意度指标.</param>
/// <param name="Level2">二级指标 as printed; null when the form leaves it blank.</param>
/// <param name="Name">三级指标, rejoined across wrapped lines and page breaks.</param>
/// <param name="Target">年度指标值.</param>
/// <param name="Actual">实际完成值.</param>
/// <param name="Weight">分值.</param>
/// <param name="Score">得分.</param>
/// <param name="DeviationReason">偏差原因分析及改进措施, or null.</param>
/// <param name="Source">Where the row was found.</param>
public sealed record Indicator(
    string? Level1,
    string? Level2,
    string Name,
    Measure? Target,
    Measure? Actual,
    decimal? Weight,
    decimal? Score,
    string? DeviationReason,
    RowSource Source)
{
    /// <summary>
    /// Whether the actual meets the target: the target's operator applied to the actual's value in the same
    /// unit (a text target is met when the actual is the same text); null when they cannot be compared.
    /// </summary>
    public bool? Met { get; init; }

    /// <summary>
    /// Columns the contract has no field for, by their header as printed (得分计算方法, 评分标准, 指标解释 …):
    /// the cell's text. Omitted when there are none; a value never moves into another field because of them.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableSortedDictionary<string, string>? Extra { get; init; }
}
