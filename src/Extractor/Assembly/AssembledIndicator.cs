using System.Collections.Immutable;
using Extractor.Domain;

namespace Extractor.Assembly;

/// <summary>An indicator row rebuilt from its lines, with its hierarchy resolved; values still as text.</summary>
/// <param name="Level1">一级指标.</param>
/// <param name="Level2">二级指标, or null.</param>
/// <param name="Name">三级指标, rejoined.</param>
/// <param name="Values">Cell text by column role (Target, Actual, Weight, Score, Reason, and the split-target parts).</param>
/// <param name="Source">Every line and page it came from.</param>
internal sealed record AssembledIndicator(string? Level1, string? Level2, string Name, ImmutableDictionary<ColumnRole, string> Values, Provenance Source)
{
    /// <summary>Cells of columns the contract has no field for, by their header as printed.</summary>
    public ImmutableSortedDictionary<string, string> Extra { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
}
