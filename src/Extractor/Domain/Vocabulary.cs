using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Extractor.Domain;

/// <summary>
/// Lookups on the family's indicator and block labels (the words are in <c>Vocabulary.Words.cs</c>):
/// 一级/二级 names and how they relate, the goals, table and total labels. Lookups take text after the
/// whitespace rule.
/// </summary>
internal static partial class Vocabulary
{
    /// <summary>Known 二级指标 names and the 一级指标 each belongs to.</summary>
    public static FrozenDictionary<string, string> Level2Parents => Sets.Level2Parents;

    private static FrozenSet<string> Level1Set => Sets.Level1;

    private static FrozenSet<string> GoalsLabelSet => Sets.GoalsLabels;

    private static FrozenSet<string> TotalLabelSet => Sets.TotalLabels;

    /// <summary>
    /// Lookup sets built from the word tables on first use (a nested class, so that they are built after
    /// the tables, which another part of this class declares).
    /// </summary>
    private static class Sets
    {
        public static readonly FrozenSet<string> Level1 = Level1Names.ToFrozenSet(StringComparer.Ordinal);

        public static readonly FrozenSet<char> LabelCharacters =
            Level1Names.Concat(Level2Names.Select(l => l.Name)).Append(PerformanceIndicators).SelectMany(n => n).ToFrozenSet();

        public static readonly FrozenDictionary<string, string> Level2Parents =
            Level2Names.ToFrozenDictionary(l => l.Name, l => l.Parent, StringComparer.Ordinal);

        public static readonly FrozenSet<string> GoalsLabels = Vocabulary.GoalsLabels.ToFrozenSet(StringComparer.Ordinal);

        public static readonly FrozenSet<string> TotalLabels = Vocabulary.TotalLabels.ToFrozenSet(StringComparer.Ordinal);

        public static readonly Regex FundsTitle = new(
            "^(?:" + string.Join('|', FundsTitles.Select(Regex.Escape)) + @")(?:\s*[(（<＜〈《\[【][^(（<＜〈《\[【)）>＞〉》\]】]{0,24}[)）>＞〉》\]】])*\s*[：:]?$",
            RegexOptions.CultureInvariant);

        public static readonly FrozenDictionary<string, HeadLabel> HeadLabels =
            Vocabulary.HeadLabels.ToFrozenDictionary(h => h.Word, StringComparer.Ordinal);
    }

    /// <summary>
    /// The 一级指标 named by a cell, without a points note: <c>产出指标(50分)</c> gives 产出指标. Null when the
    /// cell is not a 一级 label.
    /// </summary>
    public static string? Level1Of(string cell)
    {
        var name = StripPointsNote(cell);
        return Level1Set.Contains(name) ? name : null;
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
        foreach (var (word, match, hinted) in Level2Hints)
        {
            if (match.Matches(level2, word))
            {
                return hinted;
            }
        }

        return null;
    }

    /// <summary>
    /// The head label a cell is (项目名称, 专项资金名称, 实施单位（盖章）, 地方主管部门 …), with the field its value
    /// fills; null when the cell is no head label. A trailing colon and bracketed notes are not compared.
    /// </summary>
    public static HeadLabel? HeadLabelOf(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var text = cell.TrimEnd('：', ':');
        if (text.Length is 0 or > 16)
        {
            return null;
        }

        if (Sets.HeadLabels.TryGetValue(text, out var exact))
        {
            return exact;
        }

        var bare = HeaderNames.WithoutNotes(text);
        if (Sets.HeadLabels.TryGetValue(bare, out var noted))
        {
            return noted with { Word = text };
        }

        foreach (var (word, match, field) in HeadLabelPatterns)
        {
            if (match.Matches(bare, word))
            {
                return new HeadLabel(text, field);
            }
        }

        return null;
    }

    /// <summary>The unit a unit line names (单位：万元, 金额单位：元), or null when the cell is no unit line.</summary>
    public static string? UnitLineOf(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var match = UnitLine().Match(cell);
        return match.Success ? match.Groups["unit"].Value : null;
    }

    /// <summary>True for the label of the funds block: 项目资金（万元）, 预算执行情况(万元)(20分), 资金情况.</summary>
    public static bool IsFundsTitle(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return Sets.FundsTitle.IsMatch(cell);
    }

    /// <summary>
    /// True for a piece of the funds block's label that a page break or a wrap cut off and left beside a fund
    /// row: 目资金(元) (项 | 目资金(元)), (万元, ), 项目资金; or a character or two of it (投, 况(万元): a label printed a
    /// character a line in a narrow cell, cut by a page break).
    /// </summary>
    public static bool IsFundsTitlePiece(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Length == 0 || cell.Length > 16)
        {
            return false;
        }

        var bare = TitleUnitNote().Replace(cell, string.Empty).Trim();
        return bare.Length == 0
            || IsFundsTitle(cell)
            || (bare.Length >= 2 && FundsTitles.Any(t => t.Length > bare.Length && (t.EndsWith(bare, StringComparison.Ordinal) || t.StartsWith(bare, StringComparison.Ordinal))))
            || (bare.Length <= 2 && FundsTitles.Any(t => t.Contains(bare, StringComparison.Ordinal)));
    }

    // A unit note whole or cut at either bracket: (万元), （元, ), (; a scan's brackets read as others: <元>.
    [GeneratedRegex(@"[(（<＜〈《\[【]?\s*(?:万元|元)?\s*[)）>＞〉》\]】]?")]
    private static partial Regex TitleUnitNote();

    /// <summary>
    /// True for the text of a template row left unfilled: 指标1：, 指标2：/ (marked not applicable), ……, -, /;
    /// and, as a scan reads them, a lone speck (. 、 ，) or a mark with a speck beside it (/.), or 指标1： with its
    /// figure read as another character (指标值:; the colon says it is no header).
    /// </summary>
    public static bool IsTemplateResidue(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length <= 12 && Residue().IsMatch(cell);
    }

    [GeneratedRegex(@"^\s*(?:指标\s*(?:\d{1,2}\s*[：:]?|[^\s\d：:]\s*[：:])\s*[/／\-—－]?|[…\.·。．]{2,}|[-—－–―/／]+[.·．。]?|[.·．。,，、])\s*$")]
    private static partial Regex Residue();

    /// <summary>True for the words a page's part of a long table starts with: 续表, （续表1）, 续上表, 接上页.</summary>
    public static bool IsContinuationMark(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length <= 10 && ContinuationMark().IsMatch(cell);
    }

    [GeneratedRegex(@"^\s*[（(]?\s*(?:续表|续上表|接上表|续上页|接上页)\s*\d{0,2}\s*[)）]?\s*$")]
    private static partial Regex ContinuationMark();

    [GeneratedRegex(@"^\s*(?:金额|资金)?单位[：:]\s*(?<unit>万元|元)\s*$")]
    private static partial Regex UnitLine();

    /// <summary>
    /// True for a cell that is one of the head labels as the vocabulary writes them (a value such as
    /// 杨行镇主管单位 may end like a label: only the written labels stop a value).
    /// </summary>
    public static bool IsExactHeadLabel(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return Sets.HeadLabels.ContainsKey(cell.TrimEnd('：', ':'));
    }

    /// <summary>True for a form's heading: 财政项目支出绩效自评表, 项目支出绩效自评表（2023年度）, 绩效目标自评表.</summary>
    public static bool IsTitleText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > TitleMaxLength)
        {
            return false;
        }

        // 共享工程项目自评表(2022年度): the ending before a year note.
        if (text.EndsWith(TitleEnding, StringComparison.Ordinal) || TrailingYearNote().Replace(text, string.Empty).EndsWith(TitleEnding, StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var mark in TitleMarks)
        {
            if (text.Contains(mark, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\s*[（(]\s*\d{4}\s*年度?\s*[)）]\s*$")]
    private static partial Regex TrailingYearNote();

    /// <summary>True for the label of the merged column that spans the indicator table (绩效指标).</summary>
    public static bool IsTableLabel(string cell) => StripPointsNote(cell) is PerformanceIndicators;

    /// <summary>
    /// True for the label of the whole indicator table in another wording (年度绩效目标(80分), 绩效指标(90分)) or
    /// a piece of it that a page break cut (绩效指, 标).
    /// </summary>
    public static bool IsTableLabelPiece(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var bare = HeaderNames.WithoutNotes(cell);
        return bare.Length > 0 && (PerformanceIndicators.Contains(bare, StringComparison.Ordinal)
            || (bare.Length <= 10 && bare.Contains("绩效", StringComparison.Ordinal)));
    }

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

        var level1 = Level1Set.Where(n => n.Length > start.Length && n.StartsWith(start, StringComparison.Ordinal)).ToList();
        var level2 = Level2Parents.Keys.Where(n => n.Length > start.Length && n.StartsWith(start, StringComparison.Ordinal)).ToList();
        return (level1.Count, level2.Count) switch
        {
            (1, 0) => (level1[0], null),
            (0, 1) => (null, level2[0]),
            _ => null,
        };
    }

    /// <summary>
    /// True for a few characters cut from a 一级 or 二级 name or the table's label (产, 响, 指, 象满意度指): what a page
    /// break leaves of a label printed a few characters a line at the foot of a page, its whole text repeated on the next.
    /// </summary>
    public static bool IsLabelCharacters(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var text = cell.Trim();
        return text.Length is > 0 and <= 6 && text.All(LabelCharacterSet.Contains);
    }

    private static FrozenSet<char> LabelCharacterSet => Sets.LabelCharacters;

    /// <summary>True for the label of the goals block: 年度总体目标 and its spellings.</summary>
    public static bool IsGoalsLabel(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (GoalsLabelSet.Contains(cell))
        {
            return true;
        }

        // Numbered (1.项目年度目标完成情况) or with a points note: the words are what count.
        var words = HeaderNames.WithoutNotes(Numbering().Replace(cell, string.Empty));
        return words.Length < cell.Length && GoalsLabelSet.Contains(words);
    }

    /// <summary>
    /// True for a piece of the goals label (年, 度, 目标; 1.项目年度目标完成情): a label printed down a narrow column, or cut by a page
    /// break, reaches the rows one piece at a time.
    /// </summary>
    public static bool IsGoalsLabelPiece(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Length is > 0 and <= 4 && GoalsLabels.Any(l => l.Contains(cell, StringComparison.Ordinal)))
        {
            return true;
        }

        // The label's start, its end wrapped or cut by a page break: 1.项目年度目标完成情 | 况.
        var bare = WithoutNumbering(cell);
        return bare.Length >= 4 && GoalsLabels.Any(l => l.Length > bare.Length && l.StartsWith(bare, StringComparison.Ordinal));
    }

    /// <summary>Removes a leading item number: 1. 2、 一、 (1).</summary>
    public static string WithoutNumbering(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Numbering().Replace(text, string.Empty);
    }

    [GeneratedRegex(@"^\s*(?:[（(]?[0-9一二三四五六七八九十]{1,2}[)）]|[0-9一二三四五六七八九十]{1,2}[.、．])\s*")]
    private static partial Regex Numbering();

    /// <summary>True for the label of the total row: 总分, 合计, 总计.</summary>
    public static bool IsTotalLabel(string cell) =>
        TotalLabelSet.Contains(cell) || (cell.Length <= 16 && TotalLabelSet.Contains(HeaderNames.WithoutNotes(cell)));

    /// <summary>Removes a points note such as (50分) or （50 分） from a label.</summary>
    public static string StripPointsNote(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length == 0 ? cell
            : cell[^1] is ')' or '）' ? PointsNote().Replace(cell, string.Empty)
            : OpenPointsNote().Replace(cell, string.Empty);
    }

    /// <summary>
    /// True for the tail of a points note that a page break cut off its label (产出指标(50 | 分)): 分), 0分）, ).
    /// </summary>
    public static bool IsPointsNoteTail(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length <= 8 && PointsNoteTail().IsMatch(cell);
    }

    [GeneratedRegex(@"\s*[（(]\s*\d[\d\s]*(?:\.\d+)?\s*分?\s*[)）]\s*$")]
    private static partial Regex PointsNote();

    // A note the page break cut before its closing bracket: 产出指标(50, 效益指标（30分.
    [GeneratedRegex(@"(?<=指标)\s*[（(]\s*\d[\d\s]*(?:\.\d+)?\s*分?\s*$")]
    private static partial Regex OpenPointsNote();

    [GeneratedRegex(@"^\s*\d*(?:\.\d+)?\s*分?\s*[)）]\s*$")]
    private static partial Regex PointsNoteTail();
}
