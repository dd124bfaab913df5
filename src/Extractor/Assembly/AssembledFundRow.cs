using System.Collections.Immutable;
using Extractor.Domain;

namespace Extractor.Assembly;

/// <summary>A fund row as found: its label and the text of each value cell by role.</summary>
/// <param name="Label">The label as printed.</param>
/// <param name="Values">Cell text by column role (InitialBudget, AnnualBudget, Executed, Weight, ExecutionRate, Score).</param>
/// <param name="Source">Where it was found.</param>
internal sealed record AssembledFundRow(string Label, ImmutableDictionary<ColumnRole, string> Values, Provenance Source)
{
    /// <summary>Cells of columns the contract has no field for, by their header as printed.</summary>
    public ImmutableSortedDictionary<string, string> Extra { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
}
