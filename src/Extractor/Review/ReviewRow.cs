using System.Collections.Immutable;
using Extractor.Model;

namespace Extractor.Review;

/// <summary>One fund row or indicator as the review page shows it.</summary>
/// <param name="Path">Its JSON path, e.g. <c>forms[0].indicators[3]</c>.</param>
/// <param name="Anchor">The id of its element on the page.</param>
/// <param name="Label">Its name as read (the fund row's label, the indicator's 三级指标).</param>
/// <param name="Values">Its values, short, for beside its box.</param>
/// <param name="Detail">Everything read for it, one item a line, for the tooltip.</param>
/// <param name="Source">Where it was read.</param>
/// <param name="Marks">CSS classes of what is wrong with it: <c>check-error</c>, <c>check-warning</c>, <c>check-info</c>, <c>low-confidence</c>.</param>
/// <param name="Notes">The checks and diagnostics that concern it.</param>
internal sealed record ReviewRow(
    string Path,
    string Anchor,
    string Label,
    string Values,
    string Detail,
    RowSource Source,
    ImmutableArray<string> Marks,
    ImmutableArray<string> Notes);
