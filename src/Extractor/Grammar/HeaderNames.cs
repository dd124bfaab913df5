using System.Text.RegularExpressions;

namespace Extractor.Grammar;

/// <summary>Maps header cell text to the column it names, for the funds block, the goals block and the indicator table.</summary>
public static partial class HeaderNames
{
    /// <summary>The role of a 项目资金 header cell, or <see cref="ColumnRole.Unknown"/>.</summary>
    public static ColumnRole FundColumn(string text) => StripMarks(text) switch
    {
        "年初预算数" or "年初预算" or "年初预算金额" => ColumnRole.InitialBudget,
        "全年预算数" or "调整后预算数" or "全年预算" or "调整后预算" or "预算数" or "全年预算金额" => ColumnRole.AnnualBudget,
        "全年执行数" or "预算执行数" or "执行数" or "实际执行数" or "全年执行" or "实际支出数" => ColumnRole.Executed,
        "执行率" or "预算执行率" or "资金执行率" => ColumnRole.ExecutionRate,
        "分值" or "权重" => ColumnRole.Weight,
        "得分" => ColumnRole.Score,
        _ => ColumnRole.Unknown,
    };

    /// <summary>The role of an indicator-table header cell, or <see cref="ColumnRole.Unknown"/>.</summary>
    public static ColumnRole IndicatorColumn(string text)
    {
        var name = StripMarks(text);
        return name switch
        {
            "一级指标" => ColumnRole.Level1,
            "二级指标" => ColumnRole.Level2,
            "三级指标" => ColumnRole.Name,
            "年度指标值" or "年度目标值" or "预期指标值" or "目标值" or "年度绩效指标值" or "指标目标值" or "年度预期指标值" => ColumnRole.Target,
            "实际完成值" or "全年实际值" or "完成值" or "实际值" or "全年完成值" or "实际完成情况值" or "实际完成指标值" => ColumnRole.Actual,
            "分值" or "权重" => ColumnRole.Weight,
            "得分" => ColumnRole.Score,
            "指标性质" => ColumnRole.TargetOperator,
            "指标值" => ColumnRole.TargetValue,
            "度量单位" or "计量单位" => ColumnRole.TargetUnit,
            _ when name.StartsWith("偏差原因", StringComparison.Ordinal) || name.StartsWith("未完成原因", StringComparison.Ordinal) => ColumnRole.Reason,
            _ => ColumnRole.Unknown,
        };
    }

    /// <summary>The role of a goals header cell, or <see cref="ColumnRole.Unknown"/>.</summary>
    public static ColumnRole GoalsColumn(string text) => StripMarks(text) switch
    {
        "预期目标" or "年初设定目标" or "年度目标" or "预期总体目标" => ColumnRole.GoalExpected,
        "实际完成情况" or "年度总体目标完成情况综述" or "实际完成目标" or "总体目标完成情况" => ColumnRole.GoalActual,
        _ => ColumnRole.Unknown,
    };

    /// <summary>
    /// Removes column marks such as (A), （B）, (B/A) and a trailing colon. A mark that OCR misread, its letters
    /// up to four Latin letters or digits and slashes, a bracket read as 《 or 〈 ((BAA), 《8), (《B/A)), is a
    /// mark too: it names no column either way.
    /// </summary>
    public static string StripMarks(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stripped = text.AsSpan().IndexOfAny("(（《〈") >= 0 ? Marks().Replace(text, string.Empty) : text;
        return stripped.TrimEnd('：', ':');
    }

    [GeneratedRegex(@"[（(《〈]\s*[《〈]?\s*[A-Za-z0-9](?:\s*[/／]?\s*[A-Za-z0-9/／]){0,3}\s*[)）》〉](?=\s*[：:]?$)")]
    private static partial Regex Marks();
}
