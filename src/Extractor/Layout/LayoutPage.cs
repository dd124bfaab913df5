using System.Collections.Immutable;
using Extractor.Geometry;
using Extractor.Sources;

namespace Extractor.Layout;

/// <summary>A page as a layout strategy sees it: the glyphs no earlier strategy took, and the page's rulings.</summary>
/// <param name="Number">1-based page number.</param>
/// <param name="Glyphs">The glyphs left to read.</param>
/// <param name="Rulings">The page's ruling lines.</param>
/// <param name="Ruled">True when an earlier strategy read ruled tables on the page.</param>
internal sealed record LayoutPage(int Number, IReadOnlyList<Glyph> Glyphs, ImmutableArray<Ruling> Rulings, bool Ruled);
