using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Extractor.Grammar;

/// <summary>
/// The fixed vocabulary of the form family: 一级/二级 indicator names and how they relate, the labels of
/// the fund rows, and the words that mark headers and totals. Lookups take text after the whitespace rule.
/// </summary>
public static partial class Vocabulary
{
    /// <summary>产出指标.</summary>
    public const string Output = "产出指标";

    /// <summary>效益指标.</summary>
    public const string Benefit = "效益指标";

    /// <summary>满意度指标.</summary>
    public const string Satisfaction = "满意度指标";

    /// <summary>The label of the merged column that holds the whole indicator table.</summary>
    public const string PerformanceIndicators = "绩效指标";

    /// <summary>The 一级指标 names.</summary>
    public static readonly FrozenSet<string> Level1Names = new[] { Output, Benefit, Satisfaction }.ToFrozenSet();

    /// <summary>Known 二级指标 names and the 一级指标 each belongs to.</summary>
    public static readonly FrozenDictionary<string, string> Level2Parents = new Dictionary<string, string>
    {
        ["数量指标"] = Output,
        ["质量指标"] = Output,
        ["时效指标"] = Output,
        ["成本指标"] = Output,
        ["经济成本指标"] = Output,
        ["社会成本指标"] = Output,
        ["生态环境成本指标"] = Output,
        ["经济效益指标"] = Benefit,
        ["社会效益指标"] = Benefit,
        ["生态效益指标"] = Benefit,
        ["生态环境效益指标"] = Benefit,
        ["可持续影响指标"] = Benefit,
        ["服务对象满意度指标"] = Satisfaction,
        ["社会公众或服务对象满意度指标"] = Satisfaction,
        ["社会公众满意度指标"] = Satisfaction,
    }.ToFrozenDictionary();

    /// <summary>
    /// The 一级指标 named by a cell, without a points note: <c>产出指标(50分)</c> gives 产出指标. Null when the
    /// cell is not a 一级 label.
    /// </summary>
    public static string? Level1Of(string cell)
    {
        var name = StripPointsNote(cell);
        return Level1Names.Contains(name) ? name : null;
    }

    /// <summary>The 二级指标 named by a cell (points note removed), when it is a known one; otherwise null.</summary>
    public static string? Level2Of(string cell)
    {
        var name = StripPointsNote(cell);
        return Level2Parents.ContainsKey(name) ? name : null;
    }

    /// <summary>The 一级指标 a 二级指标 belongs to, when the name tells it.</summary>
    public static string? ParentOf(string? level2)
    {
        if (level2 is null)
        {
            return null;
        }

        if (Level2Parents.TryGetValue(level2, out var parent))
        {
            return parent;
        }

        // Regional spellings still end the same way.
        if (level2.EndsWith("满意度指标", StringComparison.Ordinal) || level2.EndsWith("满意度", StringComparison.Ordinal))
        {
            return Satisfaction;
        }

        if (level2.Contains("效益", StringComparison.Ordinal) || level2.Contains("影响", StringComparison.Ordinal))
        {
            return Benefit;
        }

        if (level2.Contains("数量", StringComparison.Ordinal) || level2.Contains("质量", StringComparison.Ordinal)
            || level2.Contains("时效", StringComparison.Ordinal) || level2.Contains("成本", StringComparison.Ordinal))
        {
            return Output;
        }

        return null;
    }

    /// <summary>True for the label of the merged column that spans the indicator table (绩效指标).</summary>
    public static bool IsTableLabel(string cell) => StripPointsNote(cell) is PerformanceIndicators;

    /// <summary>
    /// The known 一级 or 二级 name that <paramref name="start"/> begins, when it begins exactly one: the first
    /// part of a label cell that a page break cut (可持续影 → 可持续影响指标). Null otherwise.
    /// </summary>
    public static (string? Level1, string? Level2)? CompleteLabel(string start)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (start.Length < 2)
        {
            return null;
        }

        var level1 = Level1Names.Where(n => n.Length > start.Length && n.StartsWith(start, StringComparison.Ordinal)).ToList();
        var level2 = Level2Parents.Keys.Where(n => n.Length > start.Length && n.StartsWith(start, StringComparison.Ordinal)).ToList();
        return (level1.Count, level2.Count) switch
        {
            (1, 0) => (level1[0], null),
            (0, 1) => (null, level2[0]),
            _ => null,
        };
    }

    /// <summary>True for the label of the goals block: 年度总体目标 and its spellings.</summary>
    public static bool IsGoalsLabel(string cell) => cell is "年度总体目标" or "总体目标" or "年度目标" or "绩效目标" or "年度总体目标完成情况";

    /// <summary>True for the label of the total row: 总分, 合计, 总计.</summary>
    public static bool IsTotalLabel(string cell) => cell is "总分" or "合计" or "总计" or "总得分" or "综合得分";

    /// <summary>Removes a points note such as (50分) or （50 分） from a label.</summary>
    public static string StripPointsNote(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length > 0 && cell[^1] is ')' or '）' ? PointsNote().Replace(cell, string.Empty) : cell;
    }

    [GeneratedRegex(@"\s*[（(]\s*\d+(?:\.\d+)?\s*分?\s*[)）]\s*$")]
    private static partial Regex PointsNote();
}
