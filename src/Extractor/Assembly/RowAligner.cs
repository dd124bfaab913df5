using System.Collections.Immutable;
using Extractor.Layout;
using Extractor.Domain;

namespace Extractor.Assembly;

/// <summary>
/// Finds a row's value cells by what they are, not only by where they sit. Merged label cells shift a
/// row's cells left or right of the header; the block of values (target, actual, 分值, 得分, reason — or
/// the funds amounts) keeps its order, so every plausible shift is tried and scored by how well each
/// cell fits its role. Numbers in the 分值/得分 columns anchor the choice.
/// </summary>
internal static class RowAligner
{
    private const int MaxShift = 3;

    /// <summary>What each column of shift costs: a row sits under its header unless its cells say otherwise.</summary>
    private const double ShiftCost = 1.0;

    /// <summary>Aligns cells to the value columns of a header that lie right of <paramref name="labelRole"/>'s column.</summary>
    public static Alignment Align(IReadOnlyList<RowCell> cells, ColumnMap header, ColumnRole labelRole)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(header);
        var labelColumn = header[labelRole] ?? (header.Columns.Count == 0 ? 0 : header.Columns.Values.Min() - 1);
        var roles = header.RolesAfter(labelColumn);
        var funds = labelRole == ColumnRole.FundLabel;
        var kinds = new CellKind[cells.Count];
        for (var i = 0; i < kinds.Length; i++)
        {
            kinds[i] = CellKind.Of(cells[i].Text);
        }

        var bestShift = 0;
        var bestScore = double.NegativeInfinity;
        for (var distance = 0; distance <= MaxShift; distance++)
        {
            for (var side = distance == 0 ? 1 : 0; side < 2; side++)
            {
                var shift = side == 0 ? -distance : distance;
                var score = Score(cells, kinds, roles, shift, funds);
                if (score > bestScore + 1e-9)
                {
                    bestScore = score;
                    bestShift = shift;
                }
            }
        }

        return Build(cells, roles, bestShift, bestScore);
    }

    private static int IndexAt(IReadOnlyList<RowCell> cells, int column)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].Column == column)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>How well the cells fit the header's value roles at one shift; allocates nothing.</summary>
    private static double Score(IReadOnlyList<RowCell> cells, CellKind[] kinds, ImmutableArray<(ColumnRole Role, int Column)> roles, int shift, bool funds)
    {
        var score = 0.0;
        var assigned = 0;
        foreach (var (role, column) in roles)
        {
            var index = IndexAt(cells, column + shift);
            score += Fit(role, index < 0 ? null : kinds[index], funds);
            if (index >= 0)
            {
                assigned++;
            }
        }

        var firstValueColumn = roles.IsEmpty ? int.MaxValue : roles[0].Column + shift;
        var leading = 0;
        foreach (var cell in cells)
        {
            if (cell.Column < firstValueColumn)
            {
                leading++;
            }
        }

        var extra = cells.Count - assigned - leading;
        score += leading > 0 ? 2 : -3;
        score -= 5 * extra;
        score -= ShiftCost * Math.Abs(shift);
        return score;
    }

    private static Alignment Build(IReadOnlyList<RowCell> cells, ImmutableArray<(ColumnRole Role, int Column)> roles, int shift, double score)
    {
        var values = ImmutableDictionary.CreateBuilder<ColumnRole, RowCell>();
        var extraValues = ImmutableSortedDictionary.CreateBuilder<int, RowCell>();
        var used = new bool[cells.Count];
        foreach (var (role, column) in roles)
        {
            var index = IndexAt(cells, column + shift);
            if (index >= 0)
            {
                if (role == ColumnRole.Unknown)
                {
                    extraValues[column] = cells[index];
                }
                else
                {
                    values[role] = cells[index];
                }

                used[index] = true;
            }
        }

        var firstValueColumn = roles.IsEmpty ? int.MaxValue : roles[0].Column + shift;
        var leading = ImmutableArray.CreateBuilder<RowCell>();
        var extra = ImmutableArray.CreateBuilder<RowCell>();
        for (var i = 0; i < cells.Count; i++)
        {
            if (!used[i])
            {
                (cells[i].Column < firstValueColumn ? leading : extra).Add(cells[i]);
            }
        }

        return new Alignment(shift, values.ToImmutable(), leading.ToImmutable(), extra.ToImmutable(), score) { ExtraValues = extraValues.ToImmutable() };
    }

    /// <summary>How well a cell fits a role: positive fits, negative contradicts. A null cell is blank.</summary>
    public static double Fit(ColumnRole role, CellKind? cell, bool funds)
    {
        if (cell is null)
        {
            return role switch
            {
                ColumnRole.Weight => funds ? 0 : -2,
                ColumnRole.Target or ColumnRole.Actual or ColumnRole.TargetValue => -1,
                _ => 0,
            };
        }

        return role switch
        {
            // Fund sub-rows print a dash for 分值: it fits there best.
            ColumnRole.Weight => cell.IsPlaceholder ? (funds ? 1 : 0) : cell.IsPlausiblePoints ? 4 : cell.IsPoints ? -3 : -6,
            ColumnRole.Score => cell.IsPlaceholder ? 0 : cell.IsPlausiblePoints ? 4 : cell.IsPoints ? -3 : -6,
            ColumnRole.Target or ColumnRole.Actual => cell.IsPlaceholder ? 0 : cell.IsNumericMeasure ? 2 : cell.Text.Length <= 12 ? 1 : 0,
            ColumnRole.Reason => cell.IsPlaceholder ? 0 : cell.IsNumeric ? -1 : 1,
            ColumnRole.InitialBudget or ColumnRole.AnnualBudget or ColumnRole.Executed => cell.IsPlaceholder ? 0.5 : cell.IsAmount ? 3 : -6,
            ColumnRole.ExecutionRate => cell.IsPlaceholder ? 0.5 : cell.IsPercent ? 4 : cell.IsNumber ? 1 : -6,
            ColumnRole.TargetOperator => cell.IsOperator ? 3 : cell.Text.Length <= 4 ? 0 : -3,
            ColumnRole.TargetValue => cell.IsNumber ? 3 : 0,
            ColumnRole.TargetUnit => cell.IsUnit ? 2 : 0,
            _ => 0,
        };
    }
}
