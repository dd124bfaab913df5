using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Extractor.Layout;
using Extractor.Text;
using Sprache;
using Extractor.Domain;

namespace Extractor.Grammar;

/// <summary>
/// Sprache rules for the shapes of rows. The input is one row in the seed's shape (cells separated by
/// tabs, empty cells kept), so a rule can say both what a cell holds and where it stands. Each rule is
/// named: a failure reports what was expected and at which position.
/// </summary>
internal static partial class RowGrammar
{
    /// <summary>The 0-based column of the cell starting at the current position (tabs before it).</summary>
    private static readonly Parser<int> ColumnIndex = input =>
    {
        var tabs = 0;
        var source = input.Source;
        for (var i = 0; i < input.Position && i < source.Length; i++)
        {
            if (source[i] == '\t')
            {
                tabs++;
            }
        }

        return Result.Success(tabs, input);
    };

    private static readonly Parser<string> EndOfCell = input =>
        input.AtEnd || input.Current == '\t'
            ? Result.Success(string.Empty, input)
            : Result.Failure<string>(input, "cell continues", ["end of cell"]);

    /// <summary>The separator between cells.</summary>
    public static readonly Parser<char> Tab = Parse.Char('\t').Named("tab");

    /// <summary>Any number of empty cells.</summary>
    public static readonly Parser<IEnumerable<char>> Gap = Tab.Many();

    /// <summary>The text of one non-empty cell.</summary>
    public static readonly Parser<string> CellText = Parse.CharExcept('\t').AtLeastOnce().Text().Named("cell text");

    private static readonly Parser<string> TrailingCells = from gap in Gap from end in Parse.Return(string.Empty).End() select string.Empty;

    /// <summary>Cells separated by one or more tabs.</summary>
    private static readonly Parser<IEnumerable<char>> Separator = Gap.Where(t => t.Any()).Named("tab");

    /// <summary>Any non-empty cell as a header cell whose role the given function decides.</summary>
    private static Parser<HeaderColumn> HeaderCell(Func<string, ColumnRole> role) =>
        from column in ColumnIndex
        from text in CellText
        from end in EndOfCell
        select new HeaderColumn(column, text, role(text));

    private static readonly Parser<char> ClosingParenthesis = Parse.Chars(')', '）').Named("closing ) or ）");

    /// <summary>
    /// The year of a (2023 年度) / （2023年度） / 2023年度 cell. A closing parenthesis is read only after an
    /// opening one, so the year can also be read from inside a longer text such as a title.
    /// </summary>
    public static readonly Parser<int> Year =
        (from open in Parse.Chars('(', '（').Optional()
         from space1 in Parse.Char(' ').Optional()
         from digits in CellGrammar.Digit.Repeat(4).Text()
         from space2 in Parse.Char(' ').Optional()
         from word in Parse.String("年度").Or(Parse.String("年")).Text()
         from space3 in Parse.Char(' ').Optional()
         from close in open.IsDefined ? ClosingParenthesis : Parse.Return(')')
         select int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture))
        .Named("year such as (2023 年度)");

    /// <summary>A row holding only the year: (2023 年度), or 2019年度) with its opening bracket lost.</summary>
    public static readonly Parser<YearRow> YearRow =
        (from lead in Gap
         from year in Cell(Year.Then(y => ClosingParenthesis.Optional().Return(y)).End().Named("year such as (2023 年度)"))
         from rest in TrailingCells
         select new YearRow(year.Value))
        .Named("year row");

    /// <summary>
    /// A row holding a form's heading (…绩效自评表, …绩效目标自评表), possibly with a year inside it or in
    /// the next cell: 财政项目支出绩效自评表 | (2023 年度).
    /// </summary>
    public static readonly Parser<TitleRow> TitleRow =
        (from lead in Gap
         from title in Cell(CellText.Where(Vocabulary.IsTitleText).Named("title (…自评表)"))
         from year in (from gap in Gap.Where(t => t.Any()) from y in Cell(Year) select y.Value).Optional()
         from rest in TrailingCells
         select new TitleRow(WithoutYearNote(title.Value), YearInside(title.Value) ?? (year.IsDefined ? year.Get() : null)))
        .Named("title row");

    private static readonly Parser<string> HeadLabel =
        CellText.Select(t => t.TrimEnd('：', ':')).Where(t => Vocabulary.HeadLabelOf(t) is not null).Named("label (项目名称, 主管部门, 实施单位, …)");

    private static readonly Parser<string> HeadValue =
        CellText.Where(t => !Vocabulary.IsExactHeadLabel(t)).Named("value");

    private static readonly Parser<LabelValue> SeparatePair =
        from label in Cell(HeadLabel)
        from gap in Gap
        from value in Cell(HeadValue).Optional()
        from gap2 in Gap
        select new LabelValue(label.Value, label.Column, value.GetOrDefault()?.Value, value.GetOrDefault()?.Column ?? -1);

    private static readonly Parser<LabelValue> JoinedPair =
        from column in ColumnIndex
        from text in CellText
        let colon = text.IndexOfAny(['：', ':'])
        where colon > 0 && Vocabulary.HeadLabelOf(text[..colon]) is not null && colon < text.Length - 1
        from end in EndOfCell
        from gap in Gap
        select new LabelValue(text[..colon], column, text[(colon + 1)..].Trim(), column);

    /// <summary>A row of label/value pairs: 项目名称 | name, or 主管部门 | … | 实施单位 | …, or 项目名称：name.</summary>
    public static readonly Parser<LabelValueRow> LabelValueRow =
        (from lead in Gap
         from pairs in JoinedPair.Or(SeparatePair).AtLeastOnce()
         from end in Parse.Return(string.Empty).End()
         select new LabelValueRow([.. pairs]))
        .Named("label/value row (项目名称, 主管部门, 实施单位)");

    /// <summary>
    /// A bracketed note after the funds label: its unit (（万元） → 万元), or a points note ((20分) → null). Any
    /// bracket pair closes it: a scan's （元） is often read 〈元〉, (元&gt; or &lt;元&gt;, and nothing else is printed there.
    /// The recogniser drops a bracket beside 万元 (资金情况万元）, 资金情况(万元, 预算执行情况万元（20分）): a unit
    /// note needs no bracket, a points note one at least.
    /// </summary>
    private static readonly Parser<string?> FundsNote =
        from space in Parse.Char(' ').Optional()
        from open in Parse.Chars(HeaderNames.OpenBrackets).Optional()
        from note in AnyOf(Vocabulary.AmountUnits).Select(u => (string?)u)
            .Or(from digits in CellGrammar.Digit.AtLeastOnce() from fraction in Parse.Char('.').Then(_ => CellGrammar.Digit.AtLeastOnce()).Optional() from fen in Parse.Char('分') select (string?)null)
        from close in Parse.Chars(HeaderNames.CloseBrackets).Optional()
        where note is not null || open.IsDefined || close.IsDefined
        select note;

    /// <summary>The label of the funds block: 项目资金（元） / 项目资金 (万元) / 项目资金.</summary>
    public static readonly Parser<string?> FundsTitle =
        (from word in AnyOf(Vocabulary.FundsTitles)
         from notes in FundsNote.Many()
         from colon in Parse.Chars('：', ':').Optional()
         select notes.FirstOrDefault(n => n is not null))
        .End()
        .Named("项目资金（元）");

    /// <summary>
    /// The header of the funds block: [项目资金（元）] 年初预算数 全年预算数 全年执行数 分值 执行率 得分. At least two of the
    /// budget columns must be named; other header cells are kept with role Unknown.
    /// </summary>
    public static readonly Parser<FundsHeaderRow> FundsHeaderRow =
        (from lead in Gap
         from title in Cell(FundsTitle).Optional()
         from gap in Gap
         from columns in HeaderCell(HeaderNames.FundColumn).DelimitedBy(Separator)
         from rest in TrailingCells
         let list = columns.ToImmutableArray()
         where list.Count(c => c.Role is ColumnRole.InitialBudget or ColumnRole.AnnualBudget or ColumnRole.Executed or ColumnRole.ExecutionRate) >= 2
         select new FundsHeaderRow(title.GetOrDefault()?.Value, title.IsDefined, title.GetOrDefault()?.Column ?? -1, list))
        .Named("funds header row (年初预算数, 全年预算数, 全年执行数, …)");

    /// <summary>The label of the funds block alone on its row.</summary>
    public static readonly Parser<FundsHeaderRow> FundsTitleRow =
        (from lead in Gap
         from title in Cell(FundsTitle)
         from rest in TrailingCells
         select new FundsHeaderRow(title.Value, true, title.Column, []))
        .Named("funds title row");

    private static readonly Parser<Located<string>> GoalsLabelCell =
        Cell(CellText.Where(Vocabulary.IsGoalsLabel).Named("年度总体目标"));

    /// <summary>
    /// The header of the goals block: [年度总体目标] 预期目标 … 实际完成情况. The first cell is the block's label
    /// when two header cells follow it (1.项目年度目标完成情况 | 项目年度目标 | 全年实际完成情况); the header names
    /// the expected column before the actual one. A first cell that could be a piece of the label is the expected
    /// column's header when the row reads as a header only so (总体目标 | 实际完成情况 under a label printed on
    /// the next page).
    /// </summary>
    public static readonly Parser<GoalsHeaderRow> GoalsHeaderRow =
        (from ahead in Ahead(Gap.Then(_ => GoalsLabelCell))
         from lead in Gap
         from label in GoalsLabelCell
         from gap in Gap
         from columns in HeaderCell(HeaderNames.GoalsColumn).DelimitedBy(Separator)
         from rest in TrailingCells
         select new GoalsHeaderRow([.. columns], label.Column))
        .Where(row => IsGoalsHeader(row.Columns))
        .Or((from lead in Gap
             from piece in Cell(CellText.Where(Vocabulary.IsGoalsLabelPiece)).Then(_ => Separator).Optional()
             from columns in HeaderCell(HeaderNames.GoalsColumn).DelimitedBy(Separator)
             from rest in TrailingCells
             select new GoalsHeaderRow([.. columns], -1))
            .Where(row => IsGoalsHeader(row.Columns)))
        .Or((from lead in Gap
             from columns in HeaderCell(HeaderNames.GoalsColumn).DelimitedBy(Separator)
             from rest in TrailingCells
             select new GoalsHeaderRow([.. columns], -1))
            .Where(row => IsGoalsHeader(row.Columns)))
        .Named("goals header row");

    /// <summary>
    /// Words that only the indicator table's header prints (分值 and 得分 head the funds block too): a row
    /// of header words is the indicator header when it has one of them. Either row of a two-row header
    /// qualifies (年度指标值 … over 指标性质 …, or 绩效指标 … over 一级指标 二级指标 三级指标).
    /// </summary>
    private static readonly HashSet<ColumnRole> TableWords =
    [
        ColumnRole.Level1, ColumnRole.Level2, ColumnRole.Name, ColumnRole.Target, ColumnRole.Actual, ColumnRole.Reason,
        ColumnRole.TargetOperator, ColumnRole.TargetValue, ColumnRole.TargetUnit,
    ];

    private static readonly Parser<Located<string>> TableLabelCell =
        Cell(CellText.Where(t => Vocabulary.IsTableLabel(t) || Vocabulary.Level1Of(t) is not null).Named("绩效指标 or 一级 name"));

    private static readonly Parser<object> IndicatorHeaderItem =
        TableLabelCell.Select(l => (object)l)
        .Or(HeaderCell(HeaderNames.IndicatorColumn).Select(c => (object)c))
        .Named("indicator column name (一级指标, 二级指标, 三级指标, 年度指标值, …)");

    /// <summary>
    /// The header of the indicator table: 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施,
    /// in any order, with merged labels (绩效指标, 产出指标) allowed on the same row.
    /// </summary>
    public static readonly Parser<IndicatorHeaderRow> IndicatorHeaderRow =
        (from lead in Gap
         from items in IndicatorHeaderItem.DelimitedBy(Separator)
         from rest in TrailingCells
         let columns = LevelsByPlace(items.OfType<HeaderColumn>().ToImmutableArray())
         let labels = items.OfType<Located<string>>().ToImmutableArray()
         let roles = columns.Where(c => c.Role != ColumnRole.Unknown).Select(c => c.Role).ToHashSet()
         let unknown = columns.Count(c => c.Role == ColumnRole.Unknown)
         where roles.Count >= 2 && unknown <= Math.Max(1, roles.Count / 2) && roles.Overlaps(TableWords)
         select new IndicatorHeaderRow(columns, labels, SecondRow: !roles.Contains(ColumnRole.Name) && roles.Contains(ColumnRole.TargetValue)))
        .Named("indicator header row");

    /// <summary>
    /// Header cells 级指标 whose numeral is missing or misread (a scan's 一 and 二 printed one character a line:
    /// 级指标, 11级指标, -级指标, =级指标) named by their place: left of the 三级指标 column, the first is the 一级
    /// column and the next the 二级, as many as the row does not name already.
    /// </summary>
    private static ImmutableArray<HeaderColumn> LevelsByPlace(ImmutableArray<HeaderColumn> columns)
    {
        var name = columns.FirstOrDefault(c => c.Role == ColumnRole.Name);
        ColumnRole[] missing = [.. new[] { ColumnRole.Level1, ColumnRole.Level2 }.Where(r => columns.All(c => c.Role != r))];
        if (name is null || missing.Length == 0)
        {
            return columns;
        }

        var mangled = columns.Where(c => c.Role == ColumnRole.Unknown && c.Column < name.Column && MangledLevel().IsMatch(c.Text)).ToList();
        if (mangled.Count != missing.Length)
        {
            return columns;
        }

        return [.. columns.Select(c => mangled.IndexOf(c) is var at and >= 0 ? c with { Role = missing[at] } : c)];
    }

    [GeneratedRegex(@"^[^\u4e00-\u9fff]{0,2}级指标$")]
    private static partial Regex MangledLevel();

    /// <summary>The 总分 / 合计 row: the label, then the numbers (分值, 得分) as printed.</summary>
    public static readonly Parser<TotalRow> TotalRow =
        (from lead in Gap
         from labels in TableLabelCell.Then(_ => Gap).Many()
         from label in Cell(CellText.Where(Vocabulary.IsTotalLabel).Named("总分 or 合计"))
         from cells in (from gap in Gap from cell in Cell(CellText) select cell).Many()
         from rest in TrailingCells
         select MakeTotal(label, cells.ToList()))
        .Named("total row");

    /// <summary>Parses a row with a rule; the result says what was expected where, on failure.</summary>
    public static IResult<T> TryParse<T>(Parser<T> rule, RowLine line)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(line);
        return rule.TryParse(line.ToTabText());
    }

    /// <summary>
    /// A parser that wraps a cell's content rule: the content must fill the cell; the result carries the column.
    /// When the content does not fit, the failure is the content's own (what it expected), placed in the row
    /// where the content stopped.
    /// </summary>
    public static Parser<Located<T>> Cell<T>(Parser<T> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var whole = content.End();
        return input =>
        {
            var text = CellText(input);
            if (!text.WasSuccessful)
            {
                return Result.Failure<Located<T>>(text.Remainder, text.Message, text.Expectations);
            }

            var parsed = whole.TryParse(text.Value);
            if (parsed.WasSuccessful)
            {
                return Result.Success(new Located<T>(ColumnIndex(input).Value, parsed.Value), text.Remainder);
            }

            var at = input;
            for (var i = 0; i < parsed.Remainder.Position; i++)
            {
                at = at.Advance();
            }

            return Result.Failure<Located<T>>(at, parsed.Message, parsed.Expectations);
        };
    }

    /// <summary>
    /// The heading without its year note: 2022年度项目支出绩效自评表, 项目支出绩效自评表(2023年度) and
    /// 稷山县2023年度财政项目支出绩效自评表 lose the year and its brackets; the rest stays as printed.
    /// </summary>
    internal static string WithoutYearNote(string title)
    {
        var stripped = YearNote().Replace(title, string.Empty);
        return stripped.Length == 0 ? title : WhitespaceRule.Apply(stripped);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[（(]\s*(?:19|20)\d{2}\s*年度?\s*[)）]|(?:19|20)\d{2}\s*年度|^\s*(?:19|20)\d{2}\s*年(?!度)")]
    private static partial System.Text.RegularExpressions.Regex YearNote();

    private static int? YearInside(string title)
    {
        for (var i = 0; i + 4 < title.Length; i++)
        {
            if (char.IsAsciiDigit(title[i]) && (i == 0 || !char.IsAsciiDigit(title[i - 1])))
            {
                var parsed = Year.TryParse(title[i..]);
                if (parsed.WasSuccessful && parsed.Value is >= 1990 and <= 2100)
                {
                    return parsed.Value;
                }
            }
        }

        return null;
    }

    /// <summary>Succeeds, consuming nothing, where <paramref name="parser"/> would; fails at the start otherwise.</summary>
    private static Parser<T> Ahead<T>(Parser<T> parser) => input =>
    {
        var result = parser(input);
        return result.WasSuccessful ? Result.Success(result.Value, input) : Result.Failure<T>(input, result.Message, result.Expectations);
    };

    /// <summary>Header cells that name the expected column, then the actual one, and nothing else.</summary>
    private static bool IsGoalsHeader(ImmutableArray<HeaderColumn> columns) =>
        columns.All(c => c.Role != ColumnRole.Unknown)
        && columns.FirstOrDefault(c => c.Role == ColumnRole.GoalExpected) is { } expected
        && columns.FirstOrDefault(c => c.Role == ColumnRole.GoalActual) is { } actual
        && expected.Column < actual.Column;

    /// <summary>Any of the words, the longest tried first (万元 before 元).</summary>
    private static Parser<string> AnyOf(IEnumerable<string> words) =>
        words.OrderByDescending(w => w.Length).Select(w => Parse.String(w).Text()).Aggregate((a, b) => a.Or(b));

    private static TotalRow MakeTotal(Located<string> label, List<Located<string>> cells)
    {
        var values = ImmutableArray.CreateBuilder<Located<decimal>>();
        var other = ImmutableArray.CreateBuilder<Located<string>>();
        foreach (var cell in cells)
        {
            var number = CellGrammar.ReadPoints(cell.Value);
            if (number is { } n)
            {
                values.Add(new Located<decimal>(cell.Column, n));
            }
            else if (!CellGrammar.IsPlaceholder(cell.Value))
            {
                other.Add(cell);
            }
        }

        return new TotalRow(label.Value, label.Column, values.ToImmutable(), other.ToImmutable());
    }
}
