using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Extractor.Grammar;

/// <summary>
/// Snaps a misread label or header cell onto the fixed vocabulary of the form family (一级/二级 names,
/// header words, fund labels, head labels, titles): OCR often gets one character of a label wrong
/// (实际完成什 for 实际完成值, 社会效荤指标 for 社会效益指标). Only whole cells are snapped, only onto a word
/// of the vocabulary, only within a small edit distance, and only when exactly one word is that close;
/// anything else is left as read.
/// </summary>
public static partial class LabelSnapper
{
    /// <summary>Header words of the funds, goals and indicator tables (each is one <see cref="HeaderNames"/> knows).</summary>
    public static readonly IReadOnlyList<string> HeaderWords =
    [
        "年初预算数", "全年预算数", "调整后预算数", "全年执行数", "预算执行数", "执行数", "执行率", "预算执行率", "分值", "权重", "得分",
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "全年实际值", "指标性质", "指标值", "度量单位", "计量单位",
        "偏差原因分析及改进措施", "未完成原因分析", "预期目标", "实际完成情况", "年初设定目标", "年度总体目标完成情况综述",
    ];

    /// <summary>Labels of the fund rows, the head rows, the blocks and the total, as the forms print them.</summary>
    public static readonly IReadOnlyList<string> Labels =
    [
        "年度资金总额", "其中：当年财政拨款", "其中：本年财政拨款", "其中：财政拨款", "上年结转资金", "其他资金",
        "财政专户管理资金", "单位资金",
        "项目名称", "主管部门", "实施单位", "项目资金", "年度总体目标", "绩效指标", "总分",
    ];

    /// <summary>Titles of the form family.</summary>
    public static readonly IReadOnlyList<string> Titles =
    [
        "财政项目支出绩效自评表", "项目支出绩效自评表", "部门预算项目支出绩效自评表", "绩效目标自评表",
    ];

    private static readonly FrozenSet<string> Words = Vocabulary.Level1Names
        .Concat(Vocabulary.Level2Parents.Keys)
        .Concat(HeaderWords)
        .Concat(Labels)
        .Concat(Titles)
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The vocabulary word <paramref name="cell"/> is a near miss of, or null. A column mark such as (A) or
    /// (B/A), a points note such as (50分) and a trailing colon are kept as read and not compared. Words of
    /// up to four characters allow one wrong, missing or extra character (three-character ones only a wrong
    /// one); longer ones two; a cell of fewer than three characters, or one that already is a word, is never snapped.
    /// </summary>
    public static string? Snap(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var match = Parts().Match(cell);
        if (!match.Success)
        {
            return null;
        }

        var core = match.Groups["core"].Value;
        var tail = match.Groups["tail"].Value;
        if (core.Length < 3 || Words.Contains(core) || Words.Contains(cell))
        {
            return null;
        }

        var allowed = core.Length <= 4 ? 1 : 2;
        string? best = null;
        var bestDistance = int.MaxValue;
        var ties = 0;
        foreach (var word in Words)
        {
            // Three characters are too few to tell a missing one from a different word: only substitutions.
            if (Math.Abs(word.Length - core.Length) > allowed || (core.Length <= 3 && word.Length != core.Length))
            {
                continue;
            }

            var distance = Distance(core, word, allowed);
            if (distance < bestDistance)
            {
                best = word;
                bestDistance = distance;
                ties = 1;
            }
            else if (distance == bestDistance)
            {
                ties++;
            }
        }

        // Short words need the distance the word's own length allows too (三级指标 is one edit from 二级指标).
        if (best is null || ties != 1 || bestDistance > allowed || bestDistance > (best.Length <= 4 ? 1 : 2))
        {
            return null;
        }

        return best + tail;
    }

    /// <summary>Levenshtein distance, or <paramref name="limit"/> + 1 when it is larger than <paramref name="limit"/>.</summary>
    internal static int Distance(string a, string b, int limit)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return Math.Min(previous[b.Length], limit + 1);
    }

    [GeneratedRegex(@"^(?<core>.+?)(?<tail>\s*(?:[（(][^()（）]*[)）])?\s*[：:]?)$")]
    private static partial Regex Parts();
}
