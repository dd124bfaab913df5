using System.Collections.Immutable;

namespace Extractor.Model;

/// <summary>Where a form was found: the pages it covers.</summary>
/// <param name="Pages">1-based page numbers, ascending.</param>
public sealed record FormSource(ImmutableArray<int> Pages);
