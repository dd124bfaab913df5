using System.Collections.Immutable;
using Extractor.Grammar;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Normalize;
using Sprache;

namespace Extractor.Assembly;

/// <summary>
/// Rebuilds forms from row text: finds each row by what it is (title, year, 项目名称, funds, goals, indicator
/// header, indicator, 总分), resolves the 一级/二级 hierarchy from merged labels and the known vocabulary,
/// and rejoins rows that wrapping or a page break cut in two. Everything read lands in a field, is a known
/// label, or is reported as unplaced text.
/// </summary>
public static class FormAssembler
{
    /// <summary>Assembles every form of a row text.</summary>
    public static AssemblyResult Assemble(RowText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var run = new Run(text.Lines);
        run.Execute();
        return new AssemblyResult(run.Forms.ToImmutable(), run.Diagnostics.ToImmutable());
    }

    private enum Section
    {
        Head,
        Funds,
        Goals,
        Indicators,
        Done,
    }

    private sealed class Run(ImmutableArray<RowLine> lines)
    {
        public ImmutableArray<AssembledForm>.Builder Forms { get; } = ImmutableArray.CreateBuilder<AssembledForm>();

        public ImmutableArray<Diagnostic>.Builder Diagnostics { get; } = ImmutableArray.CreateBuilder<Diagnostic>();

        private FormBuilder? form;
        private int? pendingYear;

        public void Execute()
        {
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                var firstOnPage = i == 0 || lines[i - 1].Page != line.Page;
                Dispatch(line, firstOnPage);
            }

            Finish();
            if (Forms.Count == 0)
            {
                Diagnostics.Add(new Diagnostic(
                    DiagnosticCodes.NoForm,
                    Severity.Error,
                    lines.IsEmpty ? "no text found" : "no self-evaluation form (绩效自评表) found: no title, 项目名称 or indicator table",
                    null,
                    null,
                    null));
            }
        }

        private void Dispatch(RowLine line, bool firstOnPage)
        {
            var facts = new LineFacts(line);
            var title = Try(facts.MayBeTitle, RowGrammar.TitleRow, facts);
            if (title.WasSuccessful)
            {
                if (form is null || form.HasBody)
                {
                    Finish();
                    form = new FormBuilder(pendingYear);
                    pendingYear = null;
                }

                form.Title = title.Value.Title;
                form.Year ??= title.Value.Year;
                form.Touch(line);
                return;
            }

            var year = Try(facts.MayBeYear, RowGrammar.YearRow, facts);
            if (year.WasSuccessful && (form is null || (form.Year is null && form.Section == Section.Head)))
            {
                if (form is null)
                {
                    pendingYear = year.Value.Year;
                }
                else
                {
                    form.Year = year.Value.Year;
                    form.Touch(line);
                }

                return;
            }

            var labelValues = Try(facts.MayBeLabelValues, RowGrammar.LabelValueRow, facts);
            if (labelValues.WasSuccessful)
            {
                var startsForm = labelValues.Value.Pairs.Any(p => p.Label == "项目名称");
                if (form is null || (startsForm && form.ProjectName is not null && form.HasBody))
                {
                    Finish();
                    form = new FormBuilder(pendingYear);
                    pendingYear = null;
                }

                form.Touch(line);
                PlaceLabelValues(form, line, labelValues.Value);
                return;
            }

            if (form is null)
            {
                // Text before the first form: a table without its head still starts a form.
                if (Try(facts.MayBeFunds, RowGrammar.FundsHeaderRow, facts).WasSuccessful
                    || Try(facts.MayBeIndicatorHeader, RowGrammar.IndicatorHeaderRow, facts).WasSuccessful)
                {
                    form = new FormBuilder(pendingYear);
                    pendingYear = null;
                }
                else
                {
                    ReportAll(Diagnostics, line, "text outside any form");
                    return;
                }
            }

            form.Touch(line);
            if (form.Section != Section.Indicators && form.Section != Section.Done)
            {
                if ((facts.MayBeFunds && TryFundsHeader(form, line, facts)) || (facts.MayBeGoals && TryGoalsHeader(form, facts)))
                {
                    return;
                }

                // A goals block without its 预期目标 / 实际完成情况 header: 年度总体目标 | expected [| actual].
                if (form.Section is Section.Head or Section.Funds && Vocabulary.IsGoalsLabel(line.Cells[0].Text) && line.Cells.Length > 1)
                {
                    form.Section = Section.Goals;
                    form.GoalsMap = line.Cells.Length > 2
                        ? new ColumnMap(ImmutableDictionary<ColumnRole, int>.Empty.Add(ColumnRole.GoalExpected, line.Cells[1].Column).Add(ColumnRole.GoalActual, line.Cells[2].Column))
                        : new ColumnMap(ImmutableDictionary<ColumnRole, int>.Empty.Add(ColumnRole.GoalExpected, line.Cells[1].Column));
                    PlaceGoals(form, line, firstOnPage);
                    return;
                }
            }

            var indicatorHeader = Try(facts.MayBeIndicatorHeader, RowGrammar.IndicatorHeaderRow, facts);
            if (indicatorHeader.WasSuccessful && form.Section != Section.Done)
            {
                StartIndicators(form, line, indicatorHeader.Value);
                return;
            }

            if (form.Section is Section.Indicators or Section.Goals)
            {
                var total = Try(facts.MayBeTotal, RowGrammar.TotalRow, facts);
                if (total.WasSuccessful)
                {
                    PlaceTotal(form, line, total.Value);
                    return;
                }
            }

            switch (form.Section)
            {
                case Section.Funds:
                    PlaceFundRow(form, line);
                    break;
                case Section.Goals:
                    PlaceGoals(form, line, firstOnPage);
                    break;
                case Section.Indicators:
                    PlaceIndicatorLine(form, line, firstOnPage);
                    break;
                default:
                    ReportAll(form.Diagnostics, line, form.Section == Section.Done ? "text after the 总分 row" : "text in the form's head that fits no field");
                    break;
            }
        }

        private static IResult<T> Try<T>(bool possible, Parser<T> rule, LineFacts facts) =>
            possible ? rule.TryParse(facts.Text) : NotThisShape<T>.Result;

        private static bool TryFundsHeader(FormBuilder form, RowLine line, LineFacts facts)
        {
            var header = RowGrammar.FundsHeaderRow.TryParse(facts.Text);
            if (!header.WasSuccessful)
            {
                var titleOnly = RowGrammar.FundsTitleRow.TryParse(facts.Text);
                if (!titleOnly.WasSuccessful)
                {
                    return false;
                }

                form.Section = Section.Funds;
                form.FundsUnit ??= titleOnly.Value.Unit;
                return true;
            }

            form.Section = Section.Funds;
            form.FundsUnit ??= header.Value.Unit;
            var map = ColumnMap.From(header.Value.Columns);
            var firstValue = header.Value.Columns.Where(c => c.Role != ColumnRole.Unknown).Min(c => c.Column);
            if (!map.Has(ColumnRole.FundLabel))
            {
                // The label column is the one just left of the first value column.
                map = new ColumnMap(map.Columns.SetItem(ColumnRole.FundLabel, Math.Max(0, firstValue - 1)));
            }

            form.FundsMap = map;
            foreach (var unknown in header.Value.Columns.Where(c => c.Role == ColumnRole.Unknown))
            {
                form.Diagnostics.Add(Unplaced(line, unknown.Text, "funds header column that maps to no field"));
            }

            return true;
        }

        private static bool TryGoalsHeader(FormBuilder form, LineFacts facts)
        {
            var header = RowGrammar.GoalsHeaderRow.TryParse(facts.Text);
            if (!header.WasSuccessful)
            {
                return false;
            }

            form.Section = Section.Goals;
            form.GoalsMap = ColumnMap.From(header.Value.Columns);
            return true;
        }

        private static void StartIndicators(FormBuilder form, RowLine line, IndicatorHeaderRow header)
        {
            var map = ColumnMap.From(header.Columns);
            if (header.SecondRow && form.IndicatorMap is not null)
            {
                // The second row of a two-row header (指标性质 / 指标值 / 度量单位) refines the first.
                form.IndicatorMap = form.IndicatorMap.With(map);
            }
            else if (form.Section != Section.Indicators || form.IndicatorMap is null)
            {
                form.IndicatorMap = map;
            }
            else
            {
                // A header repeated on a new page: same table, keep rows; adopt its columns (the page may shift them).
                form.IndicatorMap = map.Columns.Count >= form.IndicatorMap.Columns.Count ? map : form.IndicatorMap;
            }

            form.Section = Section.Indicators;
            foreach (var label in header.Labels)
            {
                if (Vocabulary.Level1Of(label.Value) is { } level1)
                {
                    form.ApplyLevel1(level1);
                }
            }

            foreach (var unknown in header.Columns.Where(c => c.Role == ColumnRole.Unknown))
            {
                form.Diagnostics.Add(Unplaced(line, unknown.Text, "indicator header column that maps to no field"));
            }
        }

        private static void PlaceLabelValues(FormBuilder form, RowLine line, LabelValueRow row)
        {
            foreach (var pair in row.Pairs)
            {
                switch (pair.Label)
                {
                    case "项目名称":
                        form.ProjectName = Join(form.ProjectName, pair.Value);
                        break;
                    case "主管部门":
                    case "项目主管部门":
                        form.SupervisingDepartment = Join(form.SupervisingDepartment, pair.Value);
                        break;
                    case "实施单位":
                    case "项目实施单位":
                    case "项目单位":
                        form.ImplementingUnit = Join(form.ImplementingUnit, pair.Value);
                        break;
                    default:
                        if (pair.Value is not null)
                        {
                            form.Diagnostics.Add(Unplaced(line, pair.Label + "：" + pair.Value, "head field the contract has no place for"));
                        }

                        break;
                }
            }
        }

        private static void PlaceFundRow(FormBuilder form, RowLine line)
        {
            var map = form.FundsMap ?? ColumnMap.DefaultFunds;
            var cells = line.Cells;
            var alignment = RowAligner.Align(cells, map, ColumnRole.FundLabel);
            var label = WhitespaceRule.Join(alignment.Leading.Select(c => c.Text));
            var hasValues = alignment.Values.Count > 0;
            if (!hasValues)
            {
                if (label.Length > 0)
                {
                    // A label wrapped onto its own line: it prefixes the next fund row.
                    form.PendingFundLabel = Join(form.PendingFundLabel, label);
                    form.PendingFundSource = (form.PendingFundSource ?? Provenance.None).Merge(Provenance.Of(line, cells));
                    form.PendingFundLine = line;
                }

                return;
            }

            if (form.PendingFundLabel is not null)
            {
                label = WhitespaceRule.Join(form.PendingFundLabel, label);
            }

            var values = alignment.Values.ToImmutableDictionary(v => v.Key, v => v.Value.Text);
            var source = Provenance.Of(line, cells.Except(alignment.Extra)).Merge(form.PendingFundSource ?? Provenance.None);
            form.PendingFundLabel = null;
            form.PendingFundSource = null;
            form.PendingFundLine = null;
            form.FundRows.Add(new AssembledFundRow(label, values, source));
            foreach (var extra in alignment.Extra)
            {
                form.Diagnostics.Add(Unplaced(line, extra.Text, "fund row cell outside the header's columns"));
            }
        }

        private static void PlaceGoals(FormBuilder form, RowLine line, bool firstOnPage)
        {
            var cells = line.Cells.Where(c => !Vocabulary.IsGoalsLabel(c.Text)).ToList();
            if (cells.Count == 0)
            {
                return;
            }

            // A row that carries indicator labels or a numeric tail is the indicator table without its header.
            if (LooksLikeIndicatorRow(line))
            {
                form.IndicatorMap = ColumnMap.DefaultIndicators;
                form.Section = Section.Indicators;
                PlaceIndicatorLine(form, line, firstOnPage);
                return;
            }

            var map = form.GoalsMap ?? new ColumnMap(ImmutableDictionary<ColumnRole, int>.Empty.Add(ColumnRole.GoalExpected, 1));
            foreach (var cell in cells)
            {
                var role = map.Nearest(cell.Column, [ColumnRole.GoalExpected, ColumnRole.GoalActual]);
                if (role == ColumnRole.GoalActual)
                {
                    form.GoalActual = Join(form.GoalActual, cell.Text);
                }
                else
                {
                    form.GoalExpected = Join(form.GoalExpected, cell.Text);
                }
            }
        }

        private static bool LooksLikeIndicatorRow(RowLine line)
        {
            if (line.Cells.Any(c => Vocabulary.Level1Of(c.Text) is not null || Vocabulary.Level2Of(c.Text) is not null))
            {
                return true;
            }

            var alignment = RowAligner.Align(line.Cells, ColumnMap.DefaultIndicators, ColumnRole.Name);
            return alignment.Values.TryGetValue(ColumnRole.Weight, out var weight) && CellKind.Of(weight.Text).IsPoints
                && alignment.Values.ContainsKey(ColumnRole.Target);
        }

        private static void PlaceTotal(FormBuilder form, RowLine line, TotalRow total)
        {
            form.FlushPending();
            form.SawTotal = true;
            form.Section = Section.Done;

            // 分值 then 得分 in reading order; a lone number is the 分值 unless it matches the scores only.
            var numbers = total.Values;
            if (numbers.Length >= 2)
            {
                form.TotalWeight = numbers[0].Value;
                form.TotalScore = numbers[1].Value;
                foreach (var more in numbers.Skip(2))
                {
                    form.Diagnostics.Add(Unplaced(line, more.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "extra number in the 总分 row"));
                }
            }
            else if (numbers.Length == 1)
            {
                var value = numbers[0].Value;
                var sums = form.Sums();
                if (sums.Score == value && sums.Weight != value)
                {
                    form.TotalScore = value;
                }
                else
                {
                    form.TotalWeight = value;
                }
            }

            foreach (var other in total.Other)
            {
                form.Diagnostics.Add(Unplaced(line, other.Value, "text in the 总分 row"));
            }
        }

        private static void PlaceIndicatorLine(FormBuilder form, RowLine line, bool firstOnPage)
        {
            var map = form.IndicatorMap ?? ColumnMap.DefaultIndicators;
            string? level1 = null;
            string? level2 = null;
            var rest = new List<RowCell>();
            var labelColumn = map[ColumnRole.Level2] ?? map[ColumnRole.Level1] ?? -1;
            foreach (var cell in line.Cells)
            {
                if (Vocabulary.IsTableLabel(cell.Text))
                {
                    continue;
                }

                if (Vocabulary.Level1Of(cell.Text) is { } l1 && level1 is null)
                {
                    level1 = l1;
                    continue;
                }

                if (Vocabulary.Level2Of(cell.Text) is { } l2 && level2 is null)
                {
                    level2 = l2;
                    continue;
                }

                // In the label columns, the halves of a label cell that a page break cut.
                if (cell.Column <= labelColumn && cell != line.Cells[^1])
                {
                    if (Vocabulary.CompleteLabel(cell.Text) is { } completed)
                    {
                        level1 ??= completed.Level1;
                        level2 ??= completed.Level2;
                        if (completed.Level1 is not null || completed.Level2 is not null)
                        {
                            continue;
                        }
                    }

                    // The tail of a label cut by a page break (标, 响指标, 标（20分）), or its points note alone.
                    var tail = Vocabulary.StripPointsNote(cell.Text);
                    if (tail.Length == 0 || form.IsTailOfLabel(tail))
                    {
                        continue;
                    }
                }

                rest.Add(cell);
            }

            form.LabelCarriedOver(level1, level2, firstOnPage);
            if (rest.Count == 0)
            {
                form.ApplyLabels(level1, level2);
                return;
            }

            var alignment = RowAligner.Align(rest, map, ColumnRole.Name);
            var anchored = IsAnchored(alignment);
            if (!anchored)
            {
                PlaceFragment(form, line, rest, level1, level2, firstOnPage, map);
                form.EmptyLabelCells(line, map, level1, level2, firstOnPage);
                return;
            }

            form.ApplyLabels(level1, level2);
            form.EmptyLabelCells(line, map, level1, level2, firstOnPage);

            // Cells left of the values: the last is the name; one before it is an unlisted 二级 label.
            var leading = alignment.Leading;
            var nameCells = leading;
            if (leading.Length >= 2 && level2 is null)
            {
                var candidate = leading[^2];
                if (IsCategoryText(candidate.Text) || leading.Length == 2)
                {
                    form.ApplyLabels(null, candidate.Text);
                    nameCells = [leading[^1]];
                    foreach (var early in leading.Take(leading.Length - 2))
                    {
                        form.Diagnostics.Add(Unplaced(line, early.Text, "text left of the indicator name"));
                    }
                }
            }

            var draft = new IndicatorDraft(form.Level1, form.Level2);
            if (form.Pending is { } pending)
            {
                draft.Absorb(pending);
                form.Pending = null;
            }

            draft.AddName(WhitespaceRule.Join(nameCells.Select(c => c.Text)));
            foreach (var (role, cell) in alignment.Values)
            {
                draft.AddValue(role, cell.Text);
            }

            draft.Source = draft.Source.Merge(Provenance.Of(line, rest.Except(alignment.Extra)));
            form.Indicators.Add(draft);
            foreach (var extra in alignment.Extra)
            {
                form.Diagnostics.Add(Unplaced(line, extra.Text, "indicator cell outside the header's columns"));
            }
        }

        private static bool IsAnchored(Alignment alignment)
        {
            var points = alignment.Values.Where(v => v.Key is ColumnRole.Weight or ColumnRole.Score)
                .Any(v => CellKind.Of(v.Value.Text).IsPoints);
            var measures = alignment.Values.ContainsKey(ColumnRole.Target) && alignment.Values.ContainsKey(ColumnRole.Actual);
            return points || (measures && alignment.Extra.IsEmpty);
        }

        private static bool IsCategoryText(string text) =>
            text.Length <= 16 && (text.EndsWith("指标", StringComparison.Ordinal) || Vocabulary.ParentOf(text) is not null);

        private static void PlaceFragment(FormBuilder form, RowLine line, List<RowCell> cells, string? level1, string? level2, bool firstOnPage, ColumnMap map)
        {
            var nameColumn = map[ColumnRole.Name] ?? 0;

            // A lone short "…指标" text left of the name column is a category whose name is not in the vocabulary.
            if (cells.Count == 1 && cells[0].Column < nameColumn && IsCategoryText(cells[0].Text) && level2 is null)
            {
                form.ApplyLabels(level1, cells[0].Text);
                return;
            }

            var fragment = new IndicatorDraft(null, null);
            var roles = map.Columns.Keys.Where(r => r is not (ColumnRole.Level1 or ColumnRole.Level2)).ToList();
            foreach (var cell in cells)
            {
                var role = cell.Column <= nameColumn ? ColumnRole.Name : map.Nearest(cell.Column, roles);
                if (role == ColumnRole.Name)
                {
                    fragment.AddName(cell.Text);
                }
                else
                {
                    fragment.AddValue(role, cell.Text);
                }
            }

            fragment.Source = Provenance.Of(line, cells);

            // First on its page with nothing waiting: the rest of the row the page break cut.
            if (firstOnPage && form.Pending is null && form.Indicators.Count > 0 && level1 is null && level2 is null
                && form.Indicators[^1].Source.Pages.Max() < line.Page)
            {
                form.Indicators[^1].Absorb(fragment);
                return;
            }

            // Otherwise it waits for the row that completes it; labels on it belong to that row.
            form.ApplyLabels(level1, level2);
            if (form.Pending is null)
            {
                form.Pending = fragment;
            }
            else
            {
                form.Pending.Absorb(fragment);
            }
        }

        private void Finish()
        {
            if (form is null)
            {
                return;
            }

            form.FlushPending();
            if (form.PendingFundLabel is not null && form.PendingFundLine is not null)
            {
                form.Diagnostics.Add(Unplaced(form.PendingFundLine, form.PendingFundLabel, "fund label without values"));
            }

            if (form.HasBody || form.Title is not null || form.ProjectName is not null)
            {
                Forms.Add(form.Build());
            }

            form = null;
        }

        private static void ReportAll(ImmutableArray<Diagnostic>.Builder sink, RowLine line, string reason)
        {
            foreach (var cell in line.Cells)
            {
                sink.Add(Unplaced(line, cell.Text, reason));
            }
        }

        private static void ReportAll(List<Diagnostic> sink, RowLine line, string reason)
        {
            foreach (var cell in line.Cells)
            {
                sink.Add(Unplaced(line, cell.Text, reason));
            }
        }
    }

    /// <summary>The failure of a row rule that was not run because the row lacks the words it needs.</summary>
    private static class NotThisShape<T>
    {
        public static readonly IResult<T> Result = Sprache.Result.Failure<T>(new Input(string.Empty), "row lacks the words of this shape", []);
    }

    internal static Diagnostic Unplaced(RowLine line, string text, string reason) =>
        new(DiagnosticCodes.UnplacedText, Severity.Warning, $"unplaced text: {reason}", line.Page, line.Number, text);

    private static string? Join(string? existing, string? more) =>
        string.IsNullOrEmpty(more) ? existing : existing is null ? more : WhitespaceRule.Join(existing, more);

    private sealed class IndicatorDraft(string? level1, string? level2)
    {
        public string? Level1 { get; set; } = level1;

        public string? Level2 { get; set; } = level2;

        public string? Name { get; private set; }

        public Dictionary<ColumnRole, string> Values { get; } = [];

        public Provenance Source { get; set; } = Provenance.None;

        public RowLine? FirstLine { get; set; }

        public void AddName(string text) => Name = Join(Name, text);

        public void AddValue(ColumnRole role, string text) => Values[role] = Join(Values.GetValueOrDefault(role), text)!;

        /// <summary>Takes in the text and sources of another piece of the same row.</summary>
        public void Absorb(IndicatorDraft piece)
        {
            Name = Join(Name, piece.Name);
            foreach (var (role, text) in piece.Values)
            {
                AddValue(role, text);
            }

            Source = Source.Merge(piece.Source);
        }

        public AssembledIndicator Build() =>
            new(Level1, Level2, Name ?? string.Empty, Values.ToImmutableDictionary(), Source);
    }

    private sealed class FormBuilder(int? year)
    {
        public string? Title { get; set; }

        public int? Year { get; set; } = year;

        public string? ProjectName { get; set; }

        public string? SupervisingDepartment { get; set; }

        public string? ImplementingUnit { get; set; }

        public string? FundsUnit { get; set; }

        public Section Section { get; set; } = Section.Head;

        public ColumnMap? FundsMap { get; set; }

        public ColumnMap? GoalsMap { get; set; }

        public ColumnMap? IndicatorMap { get; set; }

        public List<AssembledFundRow> FundRows { get; } = [];

        public string? PendingFundLabel { get; set; }

        public Provenance? PendingFundSource { get; set; }

        public RowLine? PendingFundLine { get; set; }

        public string? GoalExpected { get; set; }

        public string? GoalActual { get; set; }

        public List<IndicatorDraft> Indicators { get; } = [];

        public IndicatorDraft? Pending { get; set; }

        public string? Level1 { get; private set; }

        public string? Level2 { get; private set; }

        public bool SawTotal { get; set; }

        public decimal? TotalWeight { get; set; }

        public decimal? TotalScore { get; set; }

        public SortedSet<int> Pages { get; } = [];

        public List<Diagnostic> Diagnostics { get; } = [];

        private RowLine? lastLine;

        public bool HasBody => Section != Section.Head || FundRows.Count > 0 || Indicators.Count > 0;

        public void Touch(RowLine line)
        {
            Pages.Add(line.Page);
            lastLine = line;
        }

        /// <summary>A 二级 label starts its group; a 一级 label alone starts a group with no 二级.</summary>
        public void ApplyLabels(string? level1, string? level2)
        {
            if (level2 is not null)
            {
                unlabelledLevel2From = null;
                unlabelledLevel1From = null;
                Level2 = level2;
                Level1 = Vocabulary.ParentOf(level2) ?? level1 ?? Level1;
            }
            else if (level1 is not null)
            {
                ApplyLevel1(level1);
            }
        }

        /// <summary>Indicator from which the rows have no 二级 label yet: an empty 二级 cell began there (PDF input).</summary>
        private int? unlabelledLevel2From;

        /// <summary>Indicator from which the rows have no 一级 label yet: an empty 一级 cell began there (PDF input).</summary>
        private int? unlabelledLevel1From;

        /// <summary>
        /// A ruled label cell with no text began on this row: the rows from here have no label of that level,
        /// unless a page break cut the cell and its text opens the next page (see <see cref="LabelCarriedOver"/>).
        /// At the top of a page every cut cell begins again, so an empty part there says nothing.
        /// </summary>
        public void EmptyLabelCells(RowLine line, ColumnMap map, string? level1, string? level2, bool firstOnPage)
        {
            if (firstOnPage || line.EmptyCells.IsEmpty)
            {
                return;
            }

            // The row this line makes (or completes later) is the next indicator.
            var row = Indicators.Count;
            if (level2 is null && map[ColumnRole.Level2] is { } c2 && line.EmptyCells.Contains(c2))
            {
                Level2 = null;
                unlabelledLevel2From ??= row;
            }

            if (level1 is null && map[ColumnRole.Level1] is { } c1 && line.EmptyCells.Contains(c1) && Level2 is null)
            {
                unlabelledLevel1From ??= row;
            }
        }

        /// <summary>
        /// The first row of a page brings the label of a cell whose empty part began on the page before: that
        /// label also names the rows since then, when it belongs to the same 一级 group.
        /// </summary>
        public void LabelCarriedOver(string? level1, string? level2, bool firstOnPage)
        {
            if (!firstOnPage)
            {
                return;
            }

            if (level2 is not null && unlabelledLevel2From is { } from2 && from2 < Indicators.Count)
            {
                var parent = Vocabulary.ParentOf(level2);
                if (parent is null || Level1 is null || parent == Level1)
                {
                    for (var i = Math.Max(0, from2); i < Indicators.Count; i++)
                    {
                        Indicators[i].Level2 = level2;
                        Indicators[i].Level1 = parent ?? Indicators[i].Level1;
                    }
                }
            }

            if (level1 is not null && unlabelledLevel1From is { } from1 && from1 < Indicators.Count)
            {
                for (var i = Math.Max(0, from1); i < Indicators.Count; i++)
                {
                    if (Indicators[i].Level2 is null || Vocabulary.ParentOf(Indicators[i].Level2) is null)
                    {
                        Indicators[i].Level1 = level1;
                    }
                }
            }

            unlabelledLevel2From = null;
            unlabelledLevel1From = null;
        }

        /// <summary>True for the last part of the current 一级 or 二级 label (its first part came before a page break).</summary>
        public bool IsTailOfLabel(string text) =>
            text.Length is > 0 and <= 6
            && ((Level1 is not null && Level1.Length > text.Length && Level1.EndsWith(text, StringComparison.Ordinal))
                || (Level2 is not null && Level2.Length > text.Length && Level2.EndsWith(text, StringComparison.Ordinal)));

        public void ApplyLevel1(string level1)
        {
            if (Level2 is not null && Vocabulary.ParentOf(Level2) == level1)
            {
                return;
            }

            if (Level1 != level1 || Level2 is not null)
            {
                Level2 = null;
            }

            Level1 = level1;
        }

        public (decimal Weight, decimal Score) Sums()
        {
            var total = FundRows.FirstOrDefault();
            var weight = CellGrammar.ReadPoints(total?.Values.GetValueOrDefault(ColumnRole.Weight)) ?? 0;
            var score = CellGrammar.ReadPoints(total?.Values.GetValueOrDefault(ColumnRole.Score)) ?? 0;
            foreach (var indicator in Indicators)
            {
                weight += CellGrammar.ReadPoints(indicator.Values.GetValueOrDefault(ColumnRole.Weight)) ?? 0;
                score += CellGrammar.ReadPoints(indicator.Values.GetValueOrDefault(ColumnRole.Score)) ?? 0;
            }

            return (weight, score);
        }

        /// <summary>A fragment nothing completed: its text is reported, not lost.</summary>
        public void FlushPending()
        {
            if (Pending is null)
            {
                return;
            }

            var text = WhitespaceRule.Join(new[] { Pending.Name ?? string.Empty }.Concat(Pending.Values.Values));
            var page = Pending.Source.Pages.IsEmpty ? (int?)null : Pending.Source.Pages[0];
            var line = Pending.Source.Lines.IsEmpty ? (int?)null : Pending.Source.Lines[0];
            Diagnostics.Add(new Diagnostic(DiagnosticCodes.UnplacedText, Severity.Warning, "unplaced text: indicator text with no row to complete it", page, line, text));
            Pending = null;
        }

        public AssembledForm Build()
        {
            var diagnostics = new List<Diagnostic>(Diagnostics);
            var missing = new List<string>();
            if (Indicators.Count == 0)
            {
                missing.Add("indicator rows");
            }

            if (!SawTotal)
            {
                missing.Add("the 总分 row");
            }

            if (missing.Count > 0)
            {
                var name = ProjectName ?? Title ?? "form";
                diagnostics.Add(new Diagnostic(
                    DiagnosticCodes.FormIncomplete,
                    Severity.Error,
                    $"form '{name}' ends without {string.Join(" and ", missing)}: the input is cut off or not a complete self-evaluation form",
                    lastLine?.Page,
                    lastLine?.Number,
                    null));
            }

            return new AssembledForm(
                Title,
                Year,
                ProjectName,
                SupervisingDepartment,
                ImplementingUnit,
                FundsUnit,
                [.. FundRows],
                GoalExpected,
                GoalActual,
                [.. Indicators.Select(i => i.Build())],
                TotalWeight,
                TotalScore,
                SawTotal,
                [.. Pages],
                [.. diagnostics]);
        }
    }
}
