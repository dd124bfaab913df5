using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Extractor.Domain;

/// <summary>Maps header cell text to the column it names, for the funds block, the goals block and the indicator table.</summary>
internal static partial class HeaderNames
{
    private static readonly FrozenDictionary<Block, FrozenDictionary<string, ColumnRole>> Exact =
        Vocabulary.Headers.Where(h => h.Match == Match.Exact)
            .GroupBy(h => h.Block)
            .ToFrozenDictionary(g => g.Key, g => g.ToFrozenDictionary(h => h.Word, h => h.Role, StringComparer.Ordinal));

    private static readonly FrozenDictionary<Block, HeaderWord[]> Patterns =
        Vocabulary.Headers.Where(h => h.Match != Match.Exact)
            .GroupBy(h => h.Block)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray());

    /// <summary>The role of a 项目资金 header cell, or <see cref="ColumnRole.Unknown"/>.</summary>
    public static ColumnRole FundColumn(string text) => RoleOf(Block.Funds, text);

    /// <summary>The role of an indicator-table header cell, or <see cref="ColumnRole.Unknown"/>.</summary>
    public static ColumnRole IndicatorColumn(string text) => RoleOf(Block.Indicators, text);

    /// <summary>The role of a goals header cell, or <see cref="ColumnRole.Unknown"/>.</summary>
    public static ColumnRole GoalsColumn(string text) => RoleOf(Block.Goals, text);

    /// <summary>The role a header cell of <paramref name="block"/> names, or <see cref="ColumnRole.Unknown"/>.</summary>
    public static ColumnRole RoleOf(Block block, string text)
    {
        var name = WithoutNotes(StripMarks(text));
        if (Exact.TryGetValue(block, out var exact) && exact.TryGetValue(name, out var role))
        {
            return role;
        }

        if (Patterns.TryGetValue(block, out var patterns))
        {
            foreach (var word in patterns)
            {
                if (word.Match.Matches(name, word.Word))
                {
                    return word.Role;
                }
            }
        }

        return ColumnRole.Unknown;
    }

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

    /// <summary>
    /// The header without bracketed notes (a unit, a points basis: 预算数（万元）, 得分(20分*执行率),
    /// 预算执行率(B/A×100%)) and trailing colons: what names the column is the words outside them.
    /// </summary>
    public static string WithoutNotes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny("(（)）") < 0)
        {
            return text.TrimEnd('：', ':');
        }

        var stripped = Notes().Replace(text, string.Empty).Trim().TrimEnd('：', ':');
        stripped = HalfUnitNote().Replace(stripped, string.Empty).Trim();
        return stripped.Length == 0 ? text : stripped;
    }

    /// <summary>
    /// The unit a header's note names (预算数（万元） → 万元), or null. A scan's note may have lost a bracket
    /// beside the unit (年度预算数万元）, 预算数(万元): the recogniser drops a bracket there), and still names it.
    /// </summary>
    public static string? UnitNote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = UnitInNote().Match(text);
        if (!match.Success)
        {
            match = HalfUnitNote().Match(text);
        }

        return match.Success ? match.Groups["unit"].Value : null;
    }

    /// <summary>A unit note at a header's end with one of its brackets lost: 万元） or （万元.</summary>
    [GeneratedRegex(@"(?:(?<![（(])(?<unit>万元|元)\s*[)）]|[（(]\s*(?<unit>万元|元))\s*[：:]?$")]
    private static partial Regex HalfUnitNote();

    [GeneratedRegex(@"\s*[（(][^（）()]{0,24}[)）]\s*")]
    private static partial Regex Notes();

    /// <summary>Brackets a unit note may open with: a scan's （ is often read as one of the others.</summary>
    public const string OpenBrackets = "(（<＜〈《[【";

    /// <summary>Brackets a unit note may close with.</summary>
    public const string CloseBrackets = ")）>＞〉》]】";

    [GeneratedRegex(@"[(（<＜〈《\[【]\s*(?:单位[：:]?\s*)?(?<unit>万元|元)\s*[)）>＞〉》\]】]")]
    private static partial Regex UnitInNote();

    [GeneratedRegex(@"[（(《〈]\s*[《〈]?\s*[A-Za-z0-9](?:\s*[/／]?\s*[A-Za-z0-9/／]){0,3}\s*[)）》〉](?=\s*[：:]?$)")]
    private static partial Regex Marks();
}
