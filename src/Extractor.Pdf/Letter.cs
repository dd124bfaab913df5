namespace Extractor.Pdf;

/// <summary>One glyph drawn on the page, with the text it stands for.</summary>
/// <param name="Value">The Unicode text of the glyph (may hold several characters, e.g. for a ligature).</param>
/// <param name="GlyphBox">Box of the glyph in user space: advance width by the font's ascent–descent (poppler's convention).</param>
/// <param name="StartBaseLine">Where the glyph's baseline starts, in user space.</param>
/// <param name="EndBaseLine">Where the glyph's baseline ends (start plus advance), in user space.</param>
/// <param name="FontName">The font's base name, subset prefix kept.</param>
/// <param name="FontSize">Effective size in points after the text matrix and CTM.</param>
/// <param name="Width">Advance width in user space points.</param>
/// <param name="RenderingMode">Text rendering mode; <see cref="TextRenderingMode.Neither"/> is invisible text.</param>
/// <param name="IsVertical">Whether the font writes vertically.</param>
public sealed record Letter(
    string Value,
    PdfRectangle GlyphBox,
    PdfPoint StartBaseLine,
    PdfPoint EndBaseLine,
    string FontName,
    double FontSize,
    double Width,
    TextRenderingMode RenderingMode,
    bool IsVertical);
