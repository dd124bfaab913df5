using System.Collections.Immutable;
using Extractor.Layout;
using Extractor.Domain;

namespace Extractor.Assembly;

/// <summary>How a row's cells fit a header: the shift applied, the value cells by role, and what lies outside.</summary>
/// <param name="Shift">Columns the row's values stand away from the header's (negative: left).</param>
/// <param name="Values">Value cells by role.</param>
/// <param name="Leading">Cells left of the values: the row's label or name.</param>
/// <param name="Extra">Cells that fit no column of the header at this shift.</param>
/// <param name="Score">How well the cells fit (higher is better).</param>
internal sealed record Alignment(int Shift, ImmutableDictionary<ColumnRole, RowCell> Values, ImmutableArray<RowCell> Leading, ImmutableArray<RowCell> Extra, double Score)
{
    /// <summary>Cells under the header's extra columns (no contract field): by the header's column.</summary>
    public ImmutableSortedDictionary<int, RowCell> ExtraValues { get; init; } = ImmutableSortedDictionary<int, RowCell>.Empty;
}
