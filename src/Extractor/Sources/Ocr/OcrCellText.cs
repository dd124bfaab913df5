using System.Text.RegularExpressions;
using Extractor.Text;
using Extractor.Domain;

namespace Extractor.Sources.Ocr;

/// <summary>
/// OCR-specific cleanup of one cell's text before the grammar sees it: repairs of shapes OCR gets wrong in
/// known ways (labels one character off the vocabulary, numbers with letters for digits or dots for
/// thousands separators, operators spelt in pieces, marks left by rulings). Each repair is reported;
/// nothing else changes.
/// </summary>
internal static partial class OcrCellText
{
    /// <summary>The repaired text of a cell and what was changed (empty when nothing was).</summary>
    public static (string Text, IReadOnlyList<string> Repairs) Repair(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var repairs = new List<string>();
        var current = text;

        void Apply(string repaired, string why)
        {
            if (repaired != current)
            {
                repairs.Add($"{why}: '{current}' → '{repaired}'");
                current = repaired;
            }
        }

        // A dash alone in its cell, read as the character for one.
        Apply(current == "一" ? "—" : current, "dash read as 一");

        // A ruling's remains at either end of the cell.
        Apply(RulingMarks().Replace(current, string.Empty), "ruling mark removed");

        // The per-cent sign read as a letter S after a number (94.00S), or as = (a bitonal scan's small %:
        // ≧100=); nothing else ends a figure so.
        Apply(PercentAsLetter().Replace(current, "$1%"), "S or = read for %");

        // A 0 alone after a sign, read as a letter o or a 。 (=o人, ≥。次).
        Apply(ZeroAfterSign().Replace(current, "${sign}0"), "0 read as o or 。 after a sign");

        // A 0 alone before its unit, read as 〇, o or 。 (〇人).
        Apply(ZeroBeforeUnit().Replace(current, "0"), "0 read as 〇, o or 。 before its unit");

        // A copier's or scanner's specks beside a figure alone in its cell, read as marks (7., ：4, 、5., 52个.,
        // 5项：): no figure begins with such a mark or ends with one, after its digits or its unit; nor has one
        // between its sign and its digits (=.46所) or between its digits and its per-cent sign (≥95.%).
        var bare = InnerSpeckMarks().Replace(SpeckMarks().Replace(current, string.Empty), string.Empty);
        if (NumberLike().IsMatch(bare))
        {
            Apply(bare, "specks beside a figure");
        }

        // Specks after a word of a few characters alone in its cell, read as points (良好., 完善···, 及时．.):
        // such a word, an indicator's value, ends with no point. A colon may end a label (其中：) and stays, as
        // does a label of the vocabulary, whose point is read for its colon below.
        if (SpecksAfterWord().Match(current) is { Success: true } word && !LabelSnapper.Labels.Contains(word.Groups["word"].Value))
        {
            Apply(word.Groups["word"].Value, "specks after a word");
        }

        if (NumberLike().IsMatch(current))
        {
            Apply(WhitespaceRule.Apply(SpaceInNumber().Replace(current, "$1$2")), "space inside a number");
            Apply(LetterDigits().Replace(current, m => m.Value.Replace('O', '0').Replace('o', '0').Replace('l', '1').Replace('I', '1')), "letter read for a digit");
            Apply(Separators(current), "dot read for a thousands separator");
            Apply(OperatorPieces().Replace(current, m => m.Value.Contains('<', StringComparison.Ordinal) ? "<=" : ">="), "operator spelt in pieces");
        }

        Apply(Pairs(current), "brackets and quotes paired");

        if (current.Length > 1 && current[^1] is '，' or ',' or '；' or ';' or '。' or '.' && LabelSnapper.Labels.Contains(current[..^1]))
        {
            // The colon as wide as the mark read for it: a form prints 年度资金总额: as often as 年度资金总额：.
            Apply(current[..^1] + (current[^1] is '，' or '；' or '。' ? "：" : ":"), "colon after a label");
        }
        else if (LabelSnapper.Snap(current) is { } snapped)
        {
            Apply(snapped, "label snapped to the vocabulary");
        }

        return (current, repairs);
    }

    /// <summary>
    /// Brackets and quotation marks made to match their partner: a pair is of one width, so a bracket that
    /// closes a full-width （ or opens what a full-width ） closes is full-width too; 〈 or 《 closed by a
    /// parenthesis (no 〉 or 》 in between) is the full-width （ misread; an ASCII " that closes a “ is ”, one
    /// that opens what a ” closes is “.
    /// </summary>
    public static string Pairs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = text.ToCharArray();
        var open = new Stack<int>();
        for (var i = 0; i < chars.Length; i++)
        {
            switch (chars[i])
            {
                case '(' or '（' or '〈' or '《':
                    open.Push(i);
                    break;
                case '〉' or '》':
                    if (open.Count > 0 && chars[open.Peek()] == (chars[i] == '〉' ? '〈' : '《'))
                    {
                        open.Pop();
                    }

                    break;
                case ')' or '）':
                    if (open.Count > 0)
                    {
                        var j = open.Pop();
                        if (chars[j] is '（' or '〈' or '《' || chars[i] == '）')
                        {
                            (chars[j], chars[i]) = ('（', '）');
                        }
                    }

                    break;
            }
        }

        // Quotes: the nearest unmatched one of the other kind.
        var curlyOpen = -1;
        var straightOpen = -1;
        for (var i = 0; i < chars.Length; i++)
        {
            switch (chars[i])
            {
                case '“':
                    curlyOpen = i;
                    straightOpen = -1;
                    break;
                case '”':
                    if (straightOpen >= 0 && curlyOpen < straightOpen)
                    {
                        chars[straightOpen] = '“';
                    }

                    curlyOpen = straightOpen = -1;
                    break;
                case '"':
                    if (curlyOpen >= 0)
                    {
                        chars[i] = '”';
                        curlyOpen = -1;
                    }
                    else if (straightOpen >= 0)
                    {
                        straightOpen = -1;
                    }
                    else
                    {
                        straightOpen = i;
                    }

                    break;
            }
        }

        return new string(chars);
    }

    /// <summary>An amount whose thousands separators were read as dots: <c>2.350.00</c> → <c>2,350.00</c>.</summary>
    private static string Separators(string text)
    {
        var match = Amount().Match(text);
        if (!match.Success)
        {
            return text;
        }

        var digits = match.Groups["int"].Value;
        var groups = match.Groups["group"].Captures.Select(c => c.Value);
        return text[..match.Index] + digits + string.Concat(groups.Select(g => "," + g)) + "." + match.Groups["frac"].Value + text[(match.Index + match.Length)..];
    }

    [GeneratedRegex(@"^[|丨\[\]]+\s*(?=\S)|(?<=\S)\s*[|丨\[\]]+$")]
    private static partial Regex RulingMarks();

    [GeneratedRegex(@"^[.·:：、,，]+\s*(?=[<>=≤≥＜＞＝]?\s*\d)|(?<=[\d%\u4E00-\u9FFF])\s*[.．·:：、,，]+$")]
    private static partial Regex SpeckMarks();

    [GeneratedRegex(@"^(?<word>[\u4E00-\u9FFF]{1,4})[.．·、]+$")]
    private static partial Regex SpecksAfterWord();

    [GeneratedRegex(@"(?<=^[<>=≤≥＜＞＝≧≦]{1,2})\s*[.·:：、,，]+\s*(?=\d)|(?<=\d)[.·:：、,，]+(?=%)")]
    private static partial Regex InnerSpeckMarks();

    [GeneratedRegex(@"^[<>=≤≥＜＞＝\-]{0,3}\s*[\dOolI][\dOolI,.\s]*%?[\u4E00-\u9FFF]{0,3}$")]
    private static partial Regex NumberLike();

    [GeneratedRegex(@"^(?<sign>[<>=≤≥＜＞＝]{1,2})\s*[oO。〇](?=[\u4E00-\u9FFF%]|$)")]
    private static partial Regex ZeroAfterSign();

    [GeneratedRegex(@"^[〇o。](?=(?:[\u4E00-\u9FFF]{1,3}|%)$)")]
    private static partial Regex ZeroBeforeUnit();

    [GeneratedRegex(@"(\d)\s+([.,]?\d)|(?<=\d[.,])\s+(?=\d)")]
    private static partial Regex SpaceInNumber();

    [GeneratedRegex(@"^([<>=≤≥≦≧＜＞＝﹦]{0,2}\s*\d[\d,]*(?:\.\d+)?)\s*[Ss=＝﹦]$")]
    private static partial Regex PercentAsLetter();

    [GeneratedRegex(@"(?<=\d)[OolI]+|[OolI]+(?=\d)")]
    private static partial Regex LetterDigits();

    [GeneratedRegex(@"(?<![\d.,])(?<int>\d{1,3})(?:[.,](?<group>\d{3}))+\.(?<frac>\d{1,2})(?![\d.,])")]
    private static partial Regex Amount();

    [GeneratedRegex(@"^(?:<-=|<=-|=<|<--|>-=|>=-|=>)")]
    private static partial Regex OperatorPieces();
}
