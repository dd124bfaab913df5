namespace Extractor.Layout;

/// <summary>The text of one page that lies outside ruled tables, for the stream reader.</summary>
/// <param name="Number">1-based page number.</param>
/// <param name="Glyphs">The glyphs outside ruled tables.</param>
/// <param name="Ruled">True when the page has ruled tables (a table without rulings does not run on through it).</param>
public sealed record StreamPage(int Number, IReadOnlyList<Glyph> Glyphs, bool Ruled);
