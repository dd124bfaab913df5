using System.Collections.Immutable;
using Extractor.Model;

namespace Extractor.Review;

/// <summary>Everything one review page shows.</summary>
/// <param name="Document">The conversion's result.</param>
/// <param name="Pages">The page images drawn, in page order; empty for the table view.</param>
/// <param name="RowText">The row text of the input for the table view (one table row a line, cells by tabs); null when not shown.</param>
/// <param name="Notices">What the reader of the page should know about the page itself (pages not drawn, and why).</param>
internal sealed record ReviewContent(Document Document, ImmutableArray<ReviewPageImage> Pages, string? RowText, ImmutableArray<string> Notices);
