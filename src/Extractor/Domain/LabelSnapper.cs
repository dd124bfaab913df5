using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Extractor.Text;

namespace Extractor.Domain;

/// <summary>
/// Snaps a misread label or header cell onto the fixed vocabulary of the form family (一级/二级 names,
/// header words, fund labels, head labels, titles): OCR often gets one character of a label wrong
/// (实际完成什 for 实际完成值, 社会效荤指标 for 社会效益指标). Only whole cells are snapped, only onto a word
/// of the vocabulary, only within a small edit distance, and only when exactly one word is that close;
/// anything else is left as read.
/// </summary>
internal static partial class LabelSnapper
{
    private const string TableLabelMark = "绩效";

    /// <summary>Header words of the funds, goals and indicator tables.</summary>
    public static readonly IReadOnlyList<string> HeaderWords =
        [.. Vocabulary.Headers.Where(h => h.Match == Match.Exact).Select(h => h.Word).Distinct()];

    /// <summary>Labels of the fund rows (also after 其中：), the head rows, the blocks and the total.</summary>
    public static readonly FrozenSet<string> Labels = Vocabulary.FundLabels
        .Where(f => f.Match == Match.Exact)
        .SelectMany(f => new[] { f.Word, Vocabulary.FundLabelPrefixes[0] + f.Word })
        .Concat(Vocabulary.HeadLabels.Select(h => h.Word))
        .Concat(Vocabulary.FundsTitles)
        .Concat(Vocabulary.GoalsLabels)
        .Concat(Vocabulary.TotalLabels)
        .Append(Vocabulary.PerformanceIndicators)
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Every word a whole cell of the family can be: 一级/二级 names, header words, labels and titles.</summary>
    public static readonly FrozenSet<string> Words = Vocabulary.Level1Names
        .Concat(Vocabulary.Level2Names.Select(l => l.Name))
        .Concat(HeaderWords)
        .Concat(Labels)
        .Concat(Vocabulary.Titles)
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The words with their marks half width (<see cref="NarrowMarks"/>).</summary>
    private static readonly FrozenSet<string> NarrowWords = Words.Select(NarrowMarks).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Words the grammar knows by a part of them (资金总额 in 年度财政资金总额, 效益 in a 二级 name): a cell that is
    /// one of them is read right, though no whole-cell word (资金总额 is not a misread 资金总计).
    /// </summary>
    private static readonly FrozenSet<string> PartWords = Vocabulary.FundLabels.Select(f => f.Word)
        .Concat(Vocabulary.Headers.Select(h => h.Word))
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The vocabulary word <paramref name="cell"/> is a near miss of, or null. A column mark such as (A) or
    /// (B/A), a points note such as (50分) and a trailing colon are kept as read and not compared. Words of
    /// up to four characters allow one wrong, missing or extra character (three-character ones only a wrong
    /// one); longer ones two. A character read twice whose single reading makes a word is taken for the
    /// recogniser's repeat (得得分 is 得分, 项目名称称 项目名称). A cell of fewer than three characters, one that
    /// already is a word, one two or more characters longer than the word (年度财政资金总额, 社会效益效益指标,
    /// 全年实际完成情况 are printed so: the recogniser drops characters, it seldom adds two), and one with a
    /// digit the word lacks (指标1: is no misread 指标值:) are never snapped.
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
        if (core.Length < 3 || Words.Contains(core) || Words.Contains(cell) || PartWords.Contains(core) || NarrowWords.Contains(NarrowMarks(core)))
        {
            return null;
        }

        for (var i = 1; i < core.Length; i++)
        {
            if (core[i] == core[i - 1] && core.Remove(i, 1) is var once && Words.Contains(once))
            {
                return once + tail;
            }
        }

        var allowed = core.Length <= 4 ? 1 : 2;
        var bestDistance = int.MaxValue;
        var candidates = new List<string>();
        foreach (var word in Words)
        {
            // Three characters are too few to tell a missing one from a different word: only substitutions.
            if (Math.Abs(word.Length - core.Length) > allowed || (core.Length <= 3 && word.Length != core.Length)
                || core.Length - word.Length >= 2 || core.Any(c => char.IsAsciiDigit(c) && !word.Contains(c, StringComparison.Ordinal)))
            {
                continue;
            }

            var distance = EditDistance.Bounded(core, word, allowed);
            if (distance < bestDistance)
            {
                candidates.Clear();
                bestDistance = distance;
            }

            if (distance == bestDistance)
            {
                candidates.Add(word);
            }
        }

        // Equally close words: OCR misreads a character far more often than it drops or adds one, so the one
        // word of the read length wins (调整后预算教 is 调整后预算数, not the shorter spelling 调整后预算).
        var best = candidates.Count == 1 ? candidates[0] : candidates.Where(w => w.Length == core.Length).ToList() is [var same] ? same : null;

        // Short words need the distance the word's own length allows too (三级指标 is one edit from 二级指标).
        if (best is null || bestDistance > allowed || bestDistance > (best.Length <= 4 ? 1 : 2))
        {
            return null;
        }

        // A word with one more character at an end is printed so (服务对象满意度指标等): the recogniser misreads
        // characters and drops them but seldom adds one, save a ruling's remains read 一 or 丨. A word of the read
        // length one character off is still a misread (调整后预算教 is 调整后预算数, not 调整后预算 and 教).
        if (best.Length < core.Length && IsWordAndOneMore(core))
        {
            return null;
        }

        // 绩效 read whole marks the indicator table's label in a wording of its own (年度绩效目标(80分), as the
        // grammar knows it): no misread of a word without it (年度总体目标, the goals' label).
        if (core.Contains(TableLabelMark, StringComparison.Ordinal) && !best.Contains(TableLabelMark, StringComparison.Ordinal))
        {
            return null;
        }

        return best + tail;
    }

    /// <summary>
    /// Whether <paramref name="core"/> is a word of three or more characters with a Chinese character more at its
    /// start or end: not 一 or 丨, nor the character beside it again (得得分 is the recogniser's repeat).
    /// </summary>
    private static bool IsWordAndOneMore(string core)
    {
        if (core.Length < 4)
        {
            return false;
        }

        bool Extra(char c) => c is >= '\u4E00' and <= '\u9FFF' and not '一' and not '丨';
        return (Extra(core[^1]) && core[^1] != core[^2] && Words.Contains(core[..^1])) || (Extra(core[0]) && core[0] != core[1] && Words.Contains(core[1..]));
    }

    /// <summary>
    /// <paramref name="text"/> with its full-width marks half-width. A word of the vocabulary prints its marks
    /// full width (其中：本年财政拨款) and a form as often half width (其中:本年财政拨款, the more common in the
    /// published forms): a read that differs from a word only so is the word as printed.
    /// </summary>
    private static string NarrowMarks(string text) =>
        string.Create(text.Length, text, static (span, t) =>
        {
            for (var i = 0; i < t.Length; i++)
            {
                span[i] = t[i] switch { '：' => ':', '，' => ',', '；' => ';', '（' => '(', '）' => ')', _ => t[i] };
            }
        });

    [GeneratedRegex(@"^(?<core>.+?)(?<tail>\s*(?:[（(][^()（）]*[)）])?\s*[：:]?)$")]
    private static partial Regex Parts();
}
