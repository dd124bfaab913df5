using System.Collections.Immutable;
using Extractor.Grammar;
using Extractor.Layout;

namespace Extractor.Assembly;

/// <summary>
/// Finds a row's value cells by what they are, not only by where they sit. Merged label cells shift a
/// row's cells left or right of the header; the block of values (target, actual, 分值, 得分, reason — or
/// the funds amounts) keeps its order, so every plausible shift is tried and scored by how well each
/// cell fits its role. Numbers in the 分值/得分 columns anchor the choice.
/// </summary>
public static class RowAligner
{
    private const int MaxShift = 3;

    /// <summary>Aligns cells to the value columns of a header that lie right of <paramref name="labelRole"/>'s column.</summary>
    public static Alignment Align(IReadOnlyList<RowCell> cells, ColumnMap header, ColumnRole labelRole)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(header);
        var labelColumn = header[labelRole] ?? (header.Columns.Count == 0 ? 0 : header.Columns.Values.Min() - 1);
        var roles = header.RolesAfter(labelColumn);
        var funds = labelRole == ColumnRole.FundLabel;

        Alignment? best = null;
        for (var distance = 0; distance <= MaxShift; distance++)
        {
            foreach (var shift in distance == 0 ? [0] : new[] { -distance, distance })
            {
                var candidate = Try(cells, roles, shift, funds);
                if (best is null || candidate.Score > best.Score + 1e-9)
                {
                    best = candidate;
                }
            }
        }

        return best!;
    }

    private static Alignment Try(IReadOnlyList<RowCell> cells, ImmutableArray<(ColumnRole Role, int Column)> roles, int shift, bool funds)
    {
        var values = ImmutableDictionary.CreateBuilder<ColumnRole, RowCell>();
        var score = 0.0;
        foreach (var (role, column) in roles)
        {
            RowCell? cell = null;
            foreach (var c in cells)
            {
                if (c.Column == column + shift)
                {
                    cell = c;
                    break;
                }
            }

            score += Fit(role, cell?.Text, funds);
            if (cell is not null)
            {
                values[role] = cell;
            }
        }

        var firstValueColumn = roles.IsEmpty ? int.MaxValue : roles[0].Column + shift;
        var leading = ImmutableArray.CreateBuilder<RowCell>();
        var extra = ImmutableArray.CreateBuilder<RowCell>();
        foreach (var cell in cells)
        {
            if (values.ContainsValue(cell))
            {
                continue;
            }

            if (cell.Column < firstValueColumn)
            {
                leading.Add(cell);
            }
            else
            {
                extra.Add(cell);
            }
        }

        score += leading.Count > 0 ? 2 : -3;
        score -= 5 * extra.Count;
        score -= 0.1 * Math.Abs(shift);
        return new Alignment(shift, values.ToImmutable(), leading.ToImmutable(), extra.ToImmutable(), score);
    }

    /// <summary>How well a cell's text fits a role: positive fits, negative contradicts.</summary>
    public static double Fit(ColumnRole role, string? text, bool funds)
    {
        var blank = string.IsNullOrEmpty(text);
        var placeholder = !blank && CellGrammar.IsPlaceholder(text);
        switch (role)
        {
            case ColumnRole.Weight:
                return blank ? (funds ? 0 : -2) : placeholder ? 0 : CellGrammar.ReadPoints(text) is not null ? 4 : -6;
            case ColumnRole.Score:
                return blank || placeholder ? 0 : CellGrammar.ReadPoints(text) is not null ? 4 : -6;
            case ColumnRole.Target:
            case ColumnRole.Actual:
                if (blank)
                {
                    return -1;
                }

                if (placeholder)
                {
                    return 0;
                }

                var measure = CellGrammar.ReadMeasure(text);
                return measure?.Value is not null ? 2 : text!.Length <= 12 ? 1 : 0;
            case ColumnRole.Reason:
                return blank || placeholder ? 0 : CellGrammar.IsNumeric(text) ? -1 : 1;
            case ColumnRole.InitialBudget:
            case ColumnRole.AnnualBudget:
            case ColumnRole.Executed:
                return blank ? 0 : placeholder ? 0.5 : CellGrammar.ReadAmount(text) is not null ? 3 : -6;
            case ColumnRole.ExecutionRate:
                return blank ? 0 : placeholder ? 0.5 : CellGrammar.IsPercent(text) ? 4 : CellGrammar.IsNumber(text) ? 1 : -6;
            case ColumnRole.TargetOperator:
                return blank ? 0 : CellGrammar.IsOperator(text) ? 3 : text!.Length <= 4 ? 0 : -3;
            case ColumnRole.TargetValue:
                return blank ? -1 : CellGrammar.IsNumber(text) ? 3 : 0;
            case ColumnRole.TargetUnit:
                return blank ? 0 : CellGrammar.IsUnit(text) ? 2 : 0;
            default:
                return 0;
        }
    }
}
