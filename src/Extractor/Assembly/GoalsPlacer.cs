using System.Collections.Immutable;
using Extractor.Domain;
using Extractor.Grammar;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Text;
using Sprache;

using static Extractor.Assembly.Placement;

namespace Extractor.Assembly;

/// <summary>Places the 年度总体目标 block: its header and the expected and actual texts.</summary>
internal static class GoalsPlacer
{
    public static bool TryGoalsHeader(FormBuilder form, LineFacts facts)
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

    public static void PlaceGoals(FormBuilder form, RowLine line, bool firstOnPage)
    {
        // The block's label, whole or in pieces (a narrow label column, a page break), left of the texts.
        var first = form.GoalsMap is { Columns.Count: > 0 } goalsMap ? goalsMap.Columns.Values.Min() : 1;
        var cells = line.Cells
            .Where(c => !Vocabulary.IsGoalsLabel(c.Text) && !(c.Column < first && Vocabulary.IsGoalsLabelPiece(c.Text)))
            .ToList();
        if (cells.Count == 0)
        {
            return;
        }

        // A row that carries indicator labels or a numeric tail is the indicator table without its header.
        if (LooksLikeIndicatorRow(line))
        {
            form.IndicatorMap = ColumnMap.DefaultIndicators;
            form.Section = Section.Indicators;
            IndicatorPlacer.PlaceIndicatorLine(form, line, firstOnPage);
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
}
