using System.Collections.Immutable;

namespace Extractor.Layout;

/// <summary>What the layout stage sees of one page: text pieces and ruling lines, upright.</summary>
/// <param name="Number">1-based page number.</param>
/// <param name="Width">Display width in points.</param>
/// <param name="Height">Display height in points.</param>
/// <param name="Glyphs">Text pieces in content order.</param>
/// <param name="Rulings">Ruling lines.</param>
public sealed record PageContent(int Number, double Width, double Height, ImmutableArray<Glyph> Glyphs, ImmutableArray<Ruling> Rulings);
