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
    RowSource Source);
