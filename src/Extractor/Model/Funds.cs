using System.Collections.Immutable;

namespace Extractor.Model;

/// <summary>The 项目资金 block.</summary>
/// <param name="Unit">元 or 万元, from the block's label (项目资金（元）); null if not printed.</param>
/// <param name="Rows">The fund rows in table order.</param>
public sealed record Funds(string? Unit, ImmutableArray<FundRow> Rows);
