using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Extractor.Text;
using Extractor.Domain;

namespace Extractor.Sources.Ocr;

/// <summary>
/// OCR-specific cleanup of one cell's text before the grammar sees it: the choice between the Chinese
/// and the Latin model's readings of a cell, and repairs of shapes OCR gets wrong in known ways (labels
/// one character off the vocabulary, numbers with letters for digits or dots for thousands separators,
/// operators spelt in pieces, marks left by rulings). Each repair is reported; nothing else changes.
/// </summary>
internal static partial class OcrCellText
{
    /// <summary>
    /// Units the forms print after a number. A character that is none of them where the Latin model read
    /// <c>%</c> is the Chinese model's misreading of the percent sign (多 or 罗 for %).
    /// </summary>
    public static readonly FrozenSet<string> Units = Vocabulary.Units.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The better of two readings of a cell: the Latin model reads digits, separators and <c>%</c> far
    /// better than the Chinese one, which reads Chinese; so a Latin reading that is a plain number (an
    /// amount, a score, a rate) wins when the Chinese reading holds no Chinese character, or is a single
    /// character and no digit (the Chinese model reads a lone digit as a character), or is the same number
    /// with a stray character before it (人4 for 4) or a character that is no unit after it where the Latin
    /// model read <c>%</c> (100多 for 100%), or is a short reading tesseract was unsure of (under
    /// <paramref name="chineseSureness"/> 60, no digit: 巴口 for 5); but not when the Chinese reading is the
    /// same number with a decimal point the Latin one lacks (1.5 for 15). A number with a unit such as 个 or 人
    /// keeps the Chinese reading, as the Latin model reads the unit as % or drops it; so does a cell whose
    /// Chinese reading is a unit (个) or a character where the Latin model read only <c>%</c>, unless that
    /// character is no unit (多 for %).
    /// </summary>
    public static string Choose(string chinese, string? latin, double chineseSureness = 100)
    {
        ArgumentNullException.ThrowIfNull(chinese);
        if (string.IsNullOrWhiteSpace(latin))
        {
            return chinese;
        }

        var compact = latin.Replace(" ", string.Empty, StringComparison.Ordinal);
        var read = chinese.Replace(" ", string.Empty, StringComparison.Ordinal);
        var ideographs = Ideographs(chinese);
        var digits = chinese.Count(char.IsAsciiDigit);

        // The percent sign alone in a 度量单位 cell.
        if (compact == "%")
        {
            return read.Length == 1 && ideographs == 1 && !Units.Contains(read) ? compact : chinese;
        }

        if (!PlainNumber().IsMatch(compact))
        {
            return chinese;
        }

        // The Latin model drops a decimal point more often than the Chinese one makes one up: the same digits
        // with a point where the Latin reading has none keep the Chinese reading (1.5 and 15).
        if (PlainNumber().IsMatch(read) && !compact.Contains('.', StringComparison.Ordinal) && read.Count(c => c == '.') == 1
            && read.Replace(".", string.Empty, StringComparison.Ordinal) == compact)
        {
            return read;
        }

        var stray = ideographs == 1 && digits > 0 && (read[1..] == compact || (compact.EndsWith('%') && read[..^1] == compact[..^1] && !Units.Contains(read[^1..])));
        var unsure = chineseSureness < 60 && digits == 0 && read.Length <= 3;
        if (!(ideographs == 0 || (ideographs == 1 && digits == 0) || stray || unsure))
        {
            return chinese;
        }

        // A sign the Chinese model read (>=) goes with the Latin number, less the 2 the Latin model reads for it.
        var sign = LeadingSign().Match(chinese).Value;
        if (sign.Length == 0)
        {
            return compact;
        }

        var number = compact.TrimStart('<', '>', '=', '≤', '≥', '＜', '＞', '＝');
        if (number.Length == compact.Length && number.Length > 1 && number[0] == '2' && chinese.TrimStart('<', '>', '=', '≤', '≥', '＜', '＞', '＝').FirstOrDefault() != '2')
        {
            number = number[1..];
        }

        return sign + number;
    }

    /// <summary>
    /// A target cell's text with its comparison sign as <see cref="OperatorGlyph"/> saw it in the image: what
    /// was read before the number (a character or two, or the 2 the Latin model reads for ≥ and ≤) is
    /// replaced by the sign; a sign that was not read at all is put in front. A sign OCR read is kept when
    /// it agrees with the shape: two characters of its direction (&gt;=), or one of its direction with at
    /// least the bars the shape has (＞ or ≥ for &gt;, ≥ for ≥: blur can hide a bar, not make one); one that
    /// lacks the shape's bar (&gt; for ≥, ≥ for ≧) is replaced. Cells that are not a number with an
    /// optional unit are left alone.
    /// </summary>
    public static string WithOperator(string text, string signs, bool latinReading)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(signs);
        var match = SignedValue().Match(text);
        if (!match.Success)
        {
            return text;
        }

        var prefix = match.Groups["prefix"].Value;
        var rest = match.Groups["rest"].Value;
        if (KeepsReadSign(prefix, signs))
        {
            return text;
        }

        if (prefix.Length == 0 && latinReading && rest.Length > 1 && rest[0] == '2' && char.IsAsciiDigit(rest[1]) && signs is "≥" or "≤" or "≧" or "≦")
        {
            rest = rest[1..];
        }

        return signs + rest;
    }

    /// <summary>
    /// The text of a cell that holds nothing but a comparison sign (a 指标性质 cell), as <see
    /// cref="OperatorGlyph"/> saw it: OCR's reading when it is that sign (<see cref="WithOperator"/>'s
    /// rule), else the sign seen.
    /// </summary>
    public static string SignAlone(string text, string signs)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(signs);
        var read = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        return KeepsReadSign(read, signs) ? read : signs;
    }

    /// <summary>
    /// True when OCR read the sign as printed: two characters of the sign's direction (&gt;= where the shape
    /// is &gt; or ≥), or one sign of the same direction with at least as many bars as the shape (＞ for &gt;,
    /// ﹦ for =, ≤ for &lt;) and full-width where the shape is (&gt; is not kept for ＞).
    /// </summary>
    private static bool KeepsReadSign(string read, string signs)
    {
        if (read.Length == 2 && read is ">=" or "=>" or "<=" or "=<")
        {
            return SignKind(read.Replace("=", string.Empty, StringComparison.Ordinal)[0]) == SignKind(signs[0]);
        }

        return read.Length == 1 && signs.Length == 1 && SignKind(read[0]) is { } kind && kind == SignKind(signs[0]) && Bars(read[0]) >= Bars(signs[0])
            && (!FullWidth(signs[0]) || FullWidth(read[0]));
    }

    /// <summary>True for the full-width forms of &gt;, &lt; and =.</summary>
    private static bool FullWidth(char c) => c is '＞' or '＜' or '＝' or '﹦';

    /// <summary>The direction of a sign (&gt;, &lt; or =), or null for any other character.</summary>
    private static char? SignKind(char c) => c switch
    {
        '>' or '＞' or '≥' or '≧' => '>',
        '<' or '＜' or '≤' or '≦' => '<',
        '=' or '＝' or '﹦' => '=',
        _ => null,
    };

    /// <summary>How many bars a sign has under its chevron.</summary>
    private static int Bars(char c) => c switch
    {
        '≥' or '≤' => 1,
        '≧' or '≦' => 2,
        _ => 0,
    };

    /// <summary>Number of CJK ideographs in <paramref name="text"/>.</summary>
    public static int Ideographs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Count(c => c is >= '\u4E00' and <= '\u9FFF');
    }

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

        // A ruling's remains at either end of the cell.
        Apply(RulingMarks().Replace(current, string.Empty), "ruling mark removed");

        // The per-cent sign read as a letter S after a number (94.00S).
        Apply(PercentAsLetter().Replace(current, "$1%"), "S read for %");

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
            Apply(current[..^1] + "：", "colon after a label");
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

    [GeneratedRegex(@"^[<>=≤≥＜＞＝]{0,2}[-+]?\d[\d,]*(?:\.\d+)?%?$")]
    private static partial Regex PlainNumber();

    [GeneratedRegex(@"^(?<prefix>[^\d\s]{0,3}?)\s*(?<rest>\d[\d,.]*%?(?:[\u4E00-\u9FFF]{1,4}(?:/[\u4E00-\u9FFF]{1,3})?)?)$")]
    private static partial Regex SignedValue();

    [GeneratedRegex(@"^[<>=≤≥＜＞＝]{1,2}(?=\s*\d)")]
    private static partial Regex LeadingSign();

    [GeneratedRegex(@"^[|丨\[\]]+\s*(?=\S)|(?<=\S)\s*[|丨\[\]]+$")]
    private static partial Regex RulingMarks();

    [GeneratedRegex(@"^[<>=≤≥＜＞＝\-]{0,3}\s*[\dOolI][\dOolI,.\s]*%?[\u4E00-\u9FFF]{0,3}$")]
    private static partial Regex NumberLike();

    [GeneratedRegex(@"(\d)\s+([.,]?\d)|(?<=\d[.,])\s+(?=\d)")]
    private static partial Regex SpaceInNumber();

    [GeneratedRegex(@"^([<>=≤≥＜＞＝]{0,2}\s*\d[\d,]*(?:\.\d+)?)\s*[Ss]$")]
    private static partial Regex PercentAsLetter();

    [GeneratedRegex(@"(?<=\d)[OolI]+|[OolI]+(?=\d)")]
    private static partial Regex LetterDigits();

    [GeneratedRegex(@"(?<![\d.,])(?<int>\d{1,3})(?:[.,](?<group>\d{3}))+\.(?<frac>\d{1,2})(?![\d.,])")]
    private static partial Regex Amount();

    [GeneratedRegex(@"^(?:<-=|<=-|=<|<--|>-=|>=-|=>)")]
    private static partial Regex OperatorPieces();
}
