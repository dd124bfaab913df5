using System.Collections.Immutable;
using Extractor.Geometry;

namespace Extractor.Sources;

/// <summary>What the layout stage sees of one page: text pieces and ruling lines, upright.</summary>
/// <param name="Number">1-based page number.</param>
/// <param name="Width">Display width in points.</param>
/// <param name="Height">Display height in points.</param>
/// <param name="Glyphs">Text pieces in content order.</param>
/// <param name="Rulings">Ruling lines.</param>
internal sealed record PageContent(int Number, double Width, double Height, ImmutableArray<Glyph> Glyphs, ImmutableArray<Ruling> Rulings);
