using System.Collections.Immutable;
using Extractor.Grammar;
using Extractor.Domain;

namespace Extractor.Assembly;

/// <summary>Which column holds which field, as read from a header row.</summary>
/// <param name="Columns">Column index by role.</param>
internal sealed record ColumnMap(ImmutableDictionary<ColumnRole, int> Columns)
{
    /// <summary>
    /// Columns the contract has no field for (得分计算方法, 评分标准, 指标解释 …), by column: their header as
    /// printed. Their cells go to the row's <c>extra</c>, never into another field.
    /// </summary>
    public ImmutableSortedDictionary<int, string> Extras { get; init; } = ImmutableSortedDictionary<int, string>.Empty;

    /// <summary>The indicator table of the seed's layout, used when a table has no header row.</summary>
    public static readonly ColumnMap DefaultIndicators = new(new Dictionary<ColumnRole, int>
    {
        [ColumnRole.Level1] = 1,
        [ColumnRole.Level2] = 2,
        [ColumnRole.Name] = 3,
        [ColumnRole.Target] = 4,
        [ColumnRole.Actual] = 5,
        [ColumnRole.Weight] = 6,
        [ColumnRole.Score] = 7,
        [ColumnRole.Reason] = 8,
    }.ToImmutableDictionary());

    /// <summary>The funds block of the seed's layout, used when the block has no header row.</summary>
    public static readonly ColumnMap DefaultFunds = new(new Dictionary<ColumnRole, int>
    {
        [ColumnRole.FundLabel] = 1,
        [ColumnRole.InitialBudget] = 2,
        [ColumnRole.AnnualBudget] = 3,
        [ColumnRole.Executed] = 4,
        [ColumnRole.Weight] = 5,
        [ColumnRole.ExecutionRate] = 6,
        [ColumnRole.Score] = 7,
    }.ToImmutableDictionary());

    /// <summary>Builds a map from header cells (first column wins for a repeated role; unknown cells ignored).</summary>
    public static ColumnMap From(IEnumerable<HeaderColumn> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var map = ImmutableDictionary.CreateBuilder<ColumnRole, int>();
        var extras = ImmutableSortedDictionary.CreateBuilder<int, string>();
        foreach (var column in header)
        {
            if (column.Role == ColumnRole.Unknown)
            {
                extras[column.Column] = column.Text;
            }
            else if (!map.ContainsKey(column.Role))
            {
                map[column.Role] = column.Column;
            }
        }

        return new ColumnMap(map.ToImmutable()) { Extras = extras.ToImmutable() };
    }

    /// <summary>The column of a role, or null when the header does not have it.</summary>
    public int? this[ColumnRole role] => Columns.TryGetValue(role, out var column) ? column : null;

    /// <summary>True when the header has the role.</summary>
    public bool Has(ColumnRole role) => Columns.ContainsKey(role);

    /// <summary>
    /// The roles whose columns lie right of <paramref name="column"/>, in column order; an extra column
    /// comes as <see cref="ColumnRole.Unknown"/>.
    /// </summary>
    public ImmutableArray<(ColumnRole Role, int Column)> RolesAfter(int column) =>
        [.. Columns.Where(c => c.Value > column).Select(c => (c.Key, c.Value))
            .Concat(Extras.Keys.Where(c => c > column && !Columns.ContainsValue(c)).Select(c => (ColumnRole.Unknown, c)))
            .OrderBy(c => c.Item2)];

    /// <summary>The role whose column is nearest to a cell's column (ties go left).</summary>
    public ColumnRole Nearest(int column, IEnumerable<ColumnRole> among)
    {
        ArgumentNullException.ThrowIfNull(among);
        var best = ColumnRole.Unknown;
        var distance = int.MaxValue;
        foreach (var role in among)
        {
            if (Columns.TryGetValue(role, out var c))
            {
                var d = Math.Abs(c - column);
                if (d < distance || (d == distance && c < (Columns.TryGetValue(best, out var bc) ? bc : int.MaxValue)))
                {
                    best = role;
                    distance = d;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// The map as the rows read it: a lone 指标值 column (no 指标性质 or 度量单位 beside it) holds the whole
    /// target, as 年度指标值 does.
    /// </summary>
    public ColumnMap Settled() =>
        Has(ColumnRole.TargetValue) && !Has(ColumnRole.TargetOperator) && !Has(ColumnRole.TargetUnit) && !Has(ColumnRole.Target)
            ? this with { Columns = Columns.Remove(ColumnRole.TargetValue).Add(ColumnRole.Target, Columns[ColumnRole.TargetValue]) }
            : this;

    /// <summary>
    /// The header merged with a later header row. A two-row header splits 年度指标值 into 指标性质 / 指标值 /
    /// 度量单位: the parts replace the single target column.
    /// </summary>
    public ColumnMap With(ColumnMap other)
    {
        ArgumentNullException.ThrowIfNull(other);
        // A later row names the columns under a group heading (年度指标值 over 指标性质/指标值/度量单位,
        // 绩效指标 over 一级/二级/三级): its words win over the group's, column by column.
        var named = other.Columns.Values.Concat(other.Extras.Keys).ToHashSet();
        var columns = Columns.Where(c => !named.Contains(c.Value)).ToImmutableDictionary().SetItems(other.Columns);
        if (other.Has(ColumnRole.TargetValue) || other.Has(ColumnRole.TargetOperator) || other.Has(ColumnRole.TargetUnit))
        {
            columns = columns.Remove(ColumnRole.Target);
        }

        var extras = Extras.Where(e => !named.Contains(e.Key) && !columns.ContainsValue(e.Key)).ToImmutableSortedDictionary().SetItems(other.Extras.Where(e => !columns.ContainsValue(e.Key)));
        return new ColumnMap(columns) { Extras = extras };
    }
}
