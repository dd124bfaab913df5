using System.Collections.Immutable;

namespace Extractor.Layout;

/// <summary>The columns of a table read without rulings, as its header row gives them.</summary>
/// <param name="Columns">Columns left to right.</param>
internal sealed record StreamZone(ImmutableArray<StreamColumn> Columns);
