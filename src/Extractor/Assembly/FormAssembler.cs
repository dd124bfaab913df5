using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Extractor.Grammar;
using Extractor.Layout;
using Extractor.Model;
using Sprache;
using Extractor.Domain;

using static Extractor.Assembly.Placement;

namespace Extractor.Assembly;

/// <summary>
/// Rebuilds forms from row text: finds each row by what it is (title, year, 项目名称, funds, goals, indicator
/// header, indicator, 总分), resolves the 一级/二级 hierarchy from merged labels and the known vocabulary,
/// and rejoins rows that wrapping or a page break cut in two. Everything read lands in a field, is a known
/// label, or is reported as unplaced text.
/// </summary>
internal static partial class FormAssembler
{
    /// <summary>Assembles every form of a row text.</summary>
    public static AssemblyResult Assemble(RowText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var run = new Run(CutRows.MendCells(text.Lines));
        run.Execute();
        return new AssemblyResult(run.Forms.ToImmutable(), run.Diagnostics.ToImmutable());
    }

    private sealed partial class Run(ImmutableArray<RowLine> lines)
    {
        public ImmutableArray<AssembledForm>.Builder Forms { get; } = ImmutableArray.CreateBuilder<AssembledForm>();

        public ImmutableArray<Diagnostic>.Builder Diagnostics { get; } = ImmutableArray.CreateBuilder<Diagnostic>();

        private FormBuilder? form;
        private int? pendingYear;
        private string? pendingUnit;

        public void Execute()
        {
            int? lastPage = null;
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.Cells.All(c => Vocabulary.IsContinuationMark(c.Text)))
                {
                    // 续表 over a page's part of the table is the page's furniture, not a row.
                    continue;
                }

                var firstOnPage = lastPage != line.Page;
                lastPage = line.Page;

                // A ruled row that a page break cut is read as the one row it is; a title whose year note wrapped
                // (…自评表（2024 | 年度）) as the one line it is.
                if (i + 1 < lines.Length && (CutRows.AreOneRow(line, lines[i + 1]) || IsWrappedYearNote(line, lines[i + 1])))
                {
                    line = CutRows.Join(line, lines[++i]);
                }

                Dispatch(line, firstOnPage, IndicatorPlacer.LabelsAtFoot(lines, i));
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

        private void Dispatch(RowLine line, bool firstOnPage, bool labelsAtFoot)
        {
            if (TakeUnitLine(ref line))
            {
                return;
            }

            var facts = new LineFacts(line);
            var afterHeader = form?.LastWasHeader ?? false;
            if (form is not null)
            {
                form.LastWasHeader = false;
            }

            var title = Try(facts.MayBeTitle, RowGrammar.TitleRow, facts);
            if (title.WasSuccessful)
            {
                if (form is null || form.HasBody)
                {
                    Finish();
                    form = NewForm();
                }

                form.Title = title.Value.Title;
                if (title.Value.Year is { } printed)
                {
                    // The title's own year wins over a year line.
                    form.Year = printed;
                    form.YearSource = YearSources.Title;
                }

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
                    form.YearSource = YearSources.YearLine;
                    form.Touch(line);
                }

                return;
            }

            var labelValues = Try(facts.MayBeLabelValues, RowGrammar.LabelValueRow, facts);
            if (labelValues.WasSuccessful)
            {
                var startsForm = labelValues.Value.Pairs.Any(p => Vocabulary.HeadLabelOf(p.Label)?.Field == HeadField.ProjectName);
                if (form is null || (startsForm && form.ProjectName is not null && form.HasBody))
                {
                    Finish();
                    form = NewForm();
                }

                form.Touch(line);
                HeadPlacer.PlaceLabelValues(form, line, labelValues.Value);
                return;
            }

            if (form is null)
            {
                // Text before the first form: a table without its head still starts a form.
                if (Try(facts.MayBeFunds, RowGrammar.FundsHeaderRow, facts).WasSuccessful
                    || Try(facts.MayBeIndicatorHeader, RowGrammar.IndicatorHeaderRow, facts).WasSuccessful)
                {
                    form = NewForm();
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
                if ((facts.MayBeFunds && FundsPlacer.TryFundsHeader(form, line, facts)) || (facts.MayBeGoals && GoalsPlacer.TryGoalsHeader(form, facts)))
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
                    GoalsPlacer.PlaceGoals(form, line, firstOnPage);
                    return;
                }
            }

            var indicatorHeader = Try(facts.MayBeIndicatorHeader, RowGrammar.IndicatorHeaderRow, facts);
            if (indicatorHeader.WasSuccessful && form.Section != Section.Done)
            {
                IndicatorPlacer.StartIndicators(form, line, indicatorHeader.Value, afterHeader);
                return;
            }

            if (form.Section is Section.Indicators or Section.Goals)
            {
                var total = Try(facts.MayBeTotal, RowGrammar.TotalRow, facts);
                if (total.WasSuccessful)
                {
                    TotalPlacer.PlaceTotal(form, line, total.Value);
                    return;
                }
            }

            switch (form.Section)
            {
                case Section.Funds:
                    FundsPlacer.PlaceFundRow(form, line);
                    break;
                case Section.Goals:
                    GoalsPlacer.PlaceGoals(form, line, firstOnPage);
                    break;
                case Section.Indicators:
                    IndicatorPlacer.PlaceIndicatorLine(form, line, firstOnPage, labelsAtFoot);
                    break;
                default:
                    ReportAll(form.Diagnostics, line, form.Section == Section.Done ? "text after the 总分 row" : "text in the form's head that fits no field");
                    break;
            }
        }

        /// <summary>
        /// Takes a unit line (单位：万元) out of the row: it names the unit of the funds block, wherever it is
        /// printed — on its own line, beside the title or the year, or in the table's first row. True when
        /// nothing else is left on the row.
        /// </summary>
        private bool TakeUnitLine(ref RowLine line)
        {
            if (line.Cells.Length > 4 || !line.Cells.Any(c => c.Text.Contains("单位", StringComparison.Ordinal)))
            {
                return false;
            }

            var units = line.Cells.Select(c => Vocabulary.UnitLineOf(c.Text)).ToList();
            if (units.All(u => u is null))
            {
                return false;
            }

            var unit = units.First(u => u is not null);
            if (form is null || form.HasBody)
            {
                pendingUnit = unit;
            }
            else
            {
                form.FundsUnit ??= unit;
            }

            line = line with { Cells = [.. line.Cells.Where((_, i) => units[i] is null)] };
            return line.Cells.IsEmpty;
        }

        /// <summary>True when <paramref name="line"/> is a title ending in the start of a year note (（2024) and <paramref name="next"/> its end (年度）).</summary>
        private static bool IsWrappedYearNote(RowLine line, RowLine next) =>
            line.Cells.Length == 1 && next.Cells.Length == 1 && line.Page == next.Page
            && Vocabulary.IsTitleText(line.Cells[0].Text) && OpenYearNote().IsMatch(line.Cells[0].Text) && YearNoteEnd().IsMatch(next.Cells[0].Text);

        [GeneratedRegex(@"[（(]\s*\d{4}\s*$")]
        private static partial Regex OpenYearNote();

        [GeneratedRegex(@"^\s*年度?\s*[)）]\s*$")]
        private static partial Regex YearNoteEnd();

        private static IResult<T> Try<T>(bool possible, Parser<T> rule, LineFacts facts) =>
            possible ? rule.TryParse(facts.Text) : NotThisShape<T>.Result;

        private FormBuilder NewForm()
        {
            var created = new FormBuilder(pendingYear) { FundsUnit = pendingUnit };
            pendingYear = null;
            pendingUnit = null;
            return created;
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

    }

    /// <summary>The failure of a row rule that was not run because the row lacks the words it needs.</summary>
    private static class NotThisShape<T>
    {
        public static readonly IResult<T> Result = Sprache.Result.Failure<T>(new Input(string.Empty), "row lacks the words of this shape", []);
    }


}
