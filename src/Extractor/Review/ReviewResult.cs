using System.Collections.Immutable;

namespace Extractor.Review;

/// <summary>A review page and what its reader should know about it.</summary>
/// <param name="Html">The page.</param>
/// <param name="Notices">Pages not drawn and why, the table view's reason; also shown on the page.</param>
/// <param name="PagesDrawn">How many page images it holds.</param>
internal sealed record ReviewResult(string Html, ImmutableArray<string> Notices, int PagesDrawn);
