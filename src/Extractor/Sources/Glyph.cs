using Extractor.Model;

namespace Extractor.Sources;

/// <summary>
/// One piece of text on a page for the layout stage: a letter from the PDF text layer or a word from OCR.
/// </summary>
/// <param name="Text">The Unicode text (one letter, a ligature, or an OCR word).</param>
/// <param name="Left">Left edge in upright display space (points, origin bottom-left).</param>
/// <param name="Bottom">Bottom edge in display space.</param>
/// <param name="Right">Right edge in display space.</param>
/// <param name="Top">Top edge in display space.</param>
/// <param name="FontSize">Effective font size in points (for OCR: the em of its line, or the height of its cell's box).</param>
/// <param name="Source">The same box in PDF user space, for provenance.</param>
internal sealed record Glyph(string Text, double Left, double Bottom, double Right, double Top, double FontSize, PageBox Source)
{
    /// <summary>
    /// Reading direction of rotated text in display space: +1 when the baseline runs up the page (text turned
    /// a quarter anticlockwise), -1 when it runs down, 0 for upright text.
    /// </summary>
    public int Turn { get; init; }

    /// <summary>OCR: how sure the recogniser was of the text, 0–1; null for a text layer's letters.</summary>
    public double? Confidence { get; init; }

    /// <summary>Horizontal centre.</summary>
    public double CenterX => (Left + Right) / 2;

    /// <summary>Vertical centre.</summary>
    public double CenterY => (Bottom + Top) / 2;

    /// <summary>Box height, or the font size when the box is degenerate.</summary>
    public double Height => Top - Bottom > 0.1 ? Top - Bottom : FontSize;
}
