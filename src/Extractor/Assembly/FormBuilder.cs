using System.Collections.Immutable;
using Extractor.Domain;
using Extractor.Grammar;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Text;
using Sprache;

using static Extractor.Assembly.Placement;

namespace Extractor.Assembly;

/// <summary>A form being assembled: what has been placed so far and the section the rows are in.</summary>
internal sealed class FormBuilder(int? year)
{
    public string? Title { get; set; }

    public int? Year { get; set; } = year;

    /// <summary>Where <see cref="Year"/> came from (a year before the title is a year line).</summary>
    public string? YearSource { get; set; } = year is null ? null : YearSources.YearLine;

    public string? ProjectName { get; set; }

    public string? SupervisingDepartment { get; set; }

    public string? ImplementingUnit { get; set; }

    public string? FundsUnit { get; set; }

    public Section Section { get; set; } = Section.Head;

    public ColumnMap? FundsMap { get; set; }

    public ColumnMap? GoalsMap { get; set; }

    public ColumnMap? IndicatorMap { get; set; }

    /// <summary>True when the line before was a header row of the indicator table (a second one refines it).</summary>
    public bool LastWasHeader { get; set; }

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

            // A 成本指标 printed as a 一级 (the 2021 central template) keeps its 二级 (经济成本指标 …) under it.
            var costGroup = (level1 ?? Level1) == Vocabulary.Cost && level2.Contains("成本", StringComparison.Ordinal) && level2 != Vocabulary.Cost;
            Level1 = costGroup ? Vocabulary.Cost : Vocabulary.ParentOf(level2) ?? level1 ?? Level1;
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
                LabelLevel2From(from2, level2, parent);
            }
        }

        if (level1 is not null && unlabelledLevel1From is { } from1 && from1 < Indicators.Count)
        {
            LabelLevel1From(from1, level1);
        }

        unlabelledLevel2From = null;
        unlabelledLevel1From = null;
    }

    /// <summary>
    /// A label printed at the foot of a page below the rows it labels (<see cref="IndicatorPlacer.LabelsAtFoot"/>):
    /// the rows from where an empty cell of that level began get it, as a label carried over to the next page
    /// gives it to them (<see cref="LabelCarriedOver"/>).
    /// </summary>
    public void LabelAtFoot(string? level1, string? level2)
    {
        if (level2 is not null && unlabelledLevel2From is { } from2)
        {
            var parent = Vocabulary.ParentOf(level2);
            if (parent is null || Level1 is null || parent == Level1 || unlabelledLevel1From is not null)
            {
                LabelLevel2From(from2, level2, parent);
            }
        }
        else if (level2 is null && level1 is not null && unlabelledLevel1From is { } from1)
        {
            LabelLevel1From(from1, level1);
            unlabelledLevel1From = null;
        }
    }

    /// <summary>The indicators from <paramref name="from"/> on get <paramref name="level2"/>, and its 一级 <paramref name="parent"/> when it has one.</summary>
    private void LabelLevel2From(int from, string level2, string? parent)
    {
        for (var i = Math.Max(0, from); i < Indicators.Count; i++)
        {
            Indicators[i].Level2 = level2;
            Indicators[i].Level1 = parent ?? Indicators[i].Level1;
        }
    }

    /// <summary>The indicators from <paramref name="from"/> on whose 二级 tells no 一级 get <paramref name="level1"/>.</summary>
    private void LabelLevel1From(int from, string level1)
    {
        for (var i = Math.Max(0, from); i < Indicators.Count; i++)
        {
            if (Indicators[i].Level2 is null || Vocabulary.ParentOf(Indicators[i].Level2) is null)
            {
                Indicators[i].Level1 = level1;
            }
        }
    }

    /// <summary>
    /// The first row of a page brings the rest of the current 二级 label that a page break cut (社会效益 … 指标,
    /// 数量指 … 标): the label is made whole, for the group's rows so far too. False when the text is no such rest.
    /// </summary>
    public bool TryExtendLabel(string tail)
    {
        if (Level2 is null || Vocabulary.Level2Of(Level2) is not null || tail.Length is 0 or > 4
            || Vocabulary.Level2Of(tail) is not null || Vocabulary.Level1Of(tail) is not null)
        {
            return false;
        }

        var joined = Level2 + tail;
        if (Vocabulary.Level2Of(joined) is null && !(tail == "指标" && Vocabulary.ParentOf(joined) is not null))
        {
            return false;
        }

        for (var i = Indicators.Count - 1; i >= 0 && Indicators[i].Level2 == Level2; i--)
        {
            Indicators[i].Level2 = joined;
        }

        Level2 = joined;
        return true;
    }

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
        var name = ProjectName ?? Title ?? "form";
        if (Indicators.Count == 0)
        {
            diagnostics.Add(new Diagnostic(
                DiagnosticCodes.FormIncomplete,
                Severity.Error,
                $"form '{name}' ends without indicator rows{(SawTotal ? string.Empty : " and the 总分 row")}: the input is cut off or not a complete self-evaluation form",
                lastLine?.Page,
                lastLine?.Number,
                null));
        }
        else if (!SawTotal && IndicatorMap is { } map && (map.Has(ColumnRole.Weight) || map.Has(ColumnRole.Score)))
        {
            // Templates without 分值/得分 have no 总分 row; a scored table without one may have been cut off.
            diagnostics.Add(new Diagnostic(
                DiagnosticCodes.FormIncomplete,
                Severity.Warning,
                $"form '{name}' ends without the 总分 row: the input may be cut off",
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
            [.. diagnostics])
        {
            YearSource = YearSource,
        };
    }
}
