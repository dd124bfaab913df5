using System.Globalization;
using System.Text;
using Extractor.Model;
using Sprache;

namespace Extractor.Domain;

/// <summary>
/// Sprache rules for what a single cell holds: numbers (with or without thousands separators),
/// percentages, placeholders, comparison operators, and measures (operator + number + unit, or text).
/// Every rule is named so that a failure says what was expected. Cell text has had the whitespace rule
/// applied already.
/// </summary>
internal static class CellGrammar
{
    /// <summary>An ASCII or full-width decimal digit, as ASCII.</summary>
    public static readonly Parser<char> Digit =
        Parse.Char(c => c is (>= '0' and <= '9') or (>= '０' and <= '９'), "digit")
            .Select(c => c >= '０' ? (char)(c - '０' + '0') : c)
            .Named("digit");

    private static readonly Parser<string> ThousandsGroup =
        from comma in Parse.Char(',')
        from digits in Digit.Repeat(3).Text()
        select digits;

    /// <summary>Digits grouped by thousands separators: 11,999,665.</summary>
    public static readonly Parser<string> GroupedInteger =
        (from head in Digit.Repeat(1, 3).Text()
         from groups in ThousandsGroup.AtLeastOnce()
         select head + string.Concat(groups))
        .Named("digits with thousands separators");

    /// <summary>Plain digits: 11999665.</summary>
    public static readonly Parser<string> PlainInteger = Digit.AtLeastOnce().Text().Named("digits");

    private static readonly Parser<string> Fraction =
        from dot in Parse.Chars('.', '．')
        from digits in Digit.AtLeastOnce().Text()
        select "." + digits;

    /// <summary>
    /// A decimal number as printed: optional sign, digits (optionally grouped by thousands), optional
    /// fraction. The value keeps the printed scale (1000000.00 stays 1000000.00).
    /// </summary>
    public static readonly Parser<decimal> Number =
        (from sign in Parse.Chars('-', '－', '+', '＋').Optional()
         from integer in GroupedInteger.Or(PlainInteger)
         from fraction in Fraction.Optional()
         select (sign.IsDefined && sign.Get() is '-' or '－' ? "-" : string.Empty) + integer + fraction.GetOrElse(string.Empty))
        .Then(ToDecimal)
        .Named("number");

    /// <summary>A percentage: 100.00%, 86.19 ％. The value is the printed number (86.19).</summary>
    public static readonly Parser<decimal> Percent =
        (from number in Number
         from space in Parse.Char(' ').Optional()
         from sign in Parse.Chars('%', '％')
         select number)
        .Named("percentage");

    /// <summary>A placeholder for "nothing here": — – - － / ／ (repeated or not), or 无.</summary>
    public static readonly Parser<string> Placeholder =
        Parse.Chars([.. Vocabulary.PlaceholderMarks]).AtLeastOnce().Text()
            .Or(Vocabulary.PlaceholderWords.Select(w => Parse.String(w).Text()).Aggregate((x, y) => x.Or(y)))
            .Named("placeholder (—, -, /, 无)");

    /// <summary>
    /// A comparison operator in any of its spellings (<see cref="Vocabulary.Operators"/>), normalized to =,
    /// &gt;=, &lt;=, &gt; or &lt;. Longer spellings are tried first, so that &gt;= is not read as &gt;.
    /// </summary>
    public static readonly Parser<string> Operator =
        Vocabulary.Operators
            .OrderByDescending(o => o.Spelling.Length)
            .Select(o => Parse.String(o.Spelling).Return(o.Operator))
            .Aggregate((x, y) => x.Or(y))
            .Named("operator (=, >=, <=, >, < or ＝ ﹦ ≥ ≧ ＞ ≤ ≦ ＜)");

    /// <summary>
    /// A unit after a number: 人, 个, %, 万元, 次/年, km. Short, without digits, spaces or sentence punctuation.
    /// Full-width forms are given in ASCII (％ as %, ／ as /), as digits are, so one unit has one spelling.
    /// </summary>
    public static readonly Parser<string> Unit =
        Parse.Char(IsUnitChar, "unit character").Select(c => c is >= '！' and <= '～' ? (char)(c - '！' + '!') : c)
            .AtLeastOnce().Text()
            .Where(u => u.Length <= MaxUnitLength)
            .Named("unit");

    /// <summary>A measure of the form [operator] number [unit]: =39人, &lt;=3万元, 45.17%, 100.</summary>
    public static readonly Parser<Measure> NumericMeasure =
        (from op in Operator.Optional()
         from space1 in Parse.Char(' ').Optional()
         from number in Number
         from space2 in Parse.Char(' ').Optional()
         from unit in Unit.Optional()
         select (op, number, unit))
        .End()
        .Select(m => new Measure(string.Empty, m.op.GetOrDefault(), m.number, m.unit.GetOrDefault(), null))
        .Named("[operator] number [unit]");

    /// <summary>A whole cell that is a number.</summary>
    public static readonly Parser<decimal> NumberCell = Number.End().Named("number");

    /// <summary>A whole cell that is a percentage.</summary>
    public static readonly Parser<decimal> PercentCell = Percent.End().Named("percentage");

    /// <summary>A whole cell that is a placeholder.</summary>
    public static readonly Parser<string> PlaceholderCell = Placeholder.End().Named("placeholder");

    /// <summary>A score or weight: a number, optionally followed by 分.</summary>
    public static readonly Parser<decimal> PointsCell =
        (from number in Number
         from unit in Parse.Char('分').Optional()
         select number).End().Named("points");

    /// <summary>An amount of money: a number, optionally followed by its unit (元, 万元, 万: 150万 in a table of 万元).</summary>
    public static readonly Parser<decimal> AmountCell =
        (from number in Number
         from space in Parse.Char(' ').Optional()
         from unit in Parse.String("万元").Or(Parse.String("元")).Or(Parse.String("万")).Optional()
         select number).End().Named("amount");

    private const int MaxUnitLength = 10;
    private const int MaxDigits = 27;

    private static readonly CellMemo<Measure?> Measures = new(ParseMeasure);
    private static readonly CellMemo<decimal?> Amounts = new(raw => TryRead(AmountCell, raw));
    private static readonly CellMemo<decimal?> Points = new(raw => TryRead(PointsCell, raw));
    private static readonly CellMemo<decimal?> Percents = new(raw => TryRead(PercentCell, raw) ?? TryRead(NumberCell, raw));
    private static readonly CellMemo<bool> Placeholders = new(raw => PlaceholderCell.TryParse(raw).WasSuccessful);

    /// <summary>Reads a measure cell: numeric when it has the shape, otherwise text. Null for blanks and placeholders other than 无.</summary>
    public static Measure? ReadMeasure(string? raw) => string.IsNullOrEmpty(raw) ? null : Measures.Get(raw);

    private static Measure? ParseMeasure(string raw)
    {
        if (IsPlaceholder(raw) && raw != "无")
        {
            return null;
        }

        var numeric = NumericMeasure.TryParse(raw);
        return numeric.WasSuccessful
            ? numeric.Value with { Raw = raw }
            : new Measure(raw, null, null, null, raw);
    }

    /// <summary>Reads an amount cell; null for blanks, placeholders and text that is not an amount.</summary>
    public static decimal? ReadAmount(string? raw) => string.IsNullOrEmpty(raw) ? null : Amounts.Get(raw);

    /// <summary>Reads a 分值 / 得分 cell.</summary>
    public static decimal? ReadPoints(string? raw) => string.IsNullOrEmpty(raw) ? null : Points.Get(raw);

    /// <summary>Reads an 执行率 cell as percent: 86.19% gives 86.19; a bare number is taken as printed.</summary>
    public static decimal? ReadPercent(string? raw) => string.IsNullOrEmpty(raw) ? null : Percents.Get(raw);

    /// <summary>True when the text is a placeholder (—, -, /, 无).</summary>
    public static bool IsPlaceholder(string? raw) => !string.IsNullOrEmpty(raw) && Placeholders.Get(raw);

    /// <summary>True when the text is blank or a placeholder, i.e. means "no value".</summary>
    public static bool IsBlank(string? raw) => string.IsNullOrEmpty(raw) || IsPlaceholder(raw);

    /// <summary>True when the text is a plain number.</summary>
    public static bool IsNumber(string? raw) => raw is not null && NumberCell.TryParse(raw).WasSuccessful;

    /// <summary>True when the text is a percentage.</summary>
    public static bool IsPercent(string? raw) => raw is not null && PercentCell.TryParse(raw).WasSuccessful;

    /// <summary>True when the text is an operator and nothing else.</summary>
    public static bool IsOperator(string? raw) => raw is not null && Operator.End().TryParse(raw).WasSuccessful;

    /// <summary>True when the text is a unit and nothing else.</summary>
    public static bool IsUnit(string? raw) => raw is not null && Unit.End().TryParse(raw).WasSuccessful;

    /// <summary>True when the text is a number, percentage or amount.</summary>
    public static bool IsNumeric(string? raw) =>
        raw is not null && (PointsCell.TryParse(raw).WasSuccessful || PercentCell.TryParse(raw).WasSuccessful || AmountCell.TryParse(raw).WasSuccessful);

    private static decimal? TryRead(Parser<decimal> parser, string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        var result = parser.TryParse(raw);
        return result.WasSuccessful ? result.Value : null;
    }

    private static Parser<decimal> ToDecimal(string digits) => input =>
    {
        var count = 0;
        foreach (var c in digits)
        {
            if (char.IsAsciiDigit(c))
            {
                count++;
            }
        }

        return count <= MaxDigits && decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? Result.Success(value, input)
            : Result.Failure<decimal>(input, "number within range", ["number of at most 27 digits"]);
    };

    private static bool IsUnitChar(char c)
    {
        if (char.IsAsciiDigit(c) || c is (>= '０' and <= '９') || char.IsWhiteSpace(c))
        {
            return false;
        }

        return c switch
        {
            '，' or '。' or '；' or '：' or '、' or ',' or ';' or ':' or '！' or '？' or '!' or '?' => false,
            '(' or ')' or '（' or '）' or '[' or ']' or '【' or '】' or '"' or '“' or '”' => false,
            '<' or '>' or '=' or '＜' or '＞' or '＝' or '≥' or '≤' or '≧' or '≦' or '﹦' => false,
            '.' or '．' or '-' or '－' or '+' or '＋' or '~' or '～' => false,
            '²' or '³' or '¹' => true,
            _ => char.IsLetter(c) || char.IsSymbol(c) || char.IsPunctuation(c),
        };
    }

    /// <summary>Renders a rule's failure as "expected X at column N".</summary>
    public static string Describe<T>(IResult<T> failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var sb = new StringBuilder();
        sb.Append(failure.Message);
        var expectations = failure.Expectations.ToList();
        if (expectations.Count > 0)
        {
            sb.Append(" (expected ").Append(string.Join(" or ", expectations)).Append(')');
        }

        sb.Append(" at position ").Append(failure.Remainder.Position);
        return sb.ToString();
    }
}
