using System.Text;
using Extractor.Geometry;
using Extractor.Text;

namespace Extractor.Sources.Ocr;

/// <summary>
/// Turns what OCR found into what the layout stage reads: detected rulings as <see cref="Ruling"/>s and
/// tesseract's words as <see cref="Glyph"/>s in display points, each with its box in PDF user space.
/// </summary>
internal static class OcrPageContent
{
    /// <summary>A detected ruling in display space.</summary>
    public static Ruling ToRuling(PixelRuling ruling, PageGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(ruling);
        ArgumentNullException.ThrowIfNull(geometry);
        var (x0, y0) = ruling.IsHorizontal ? geometry.ToDisplay(ruling.From, ruling.At) : geometry.ToDisplay(ruling.At, ruling.From);
        var (x1, y1) = ruling.IsHorizontal ? geometry.ToDisplay(ruling.To, ruling.At) : geometry.ToDisplay(ruling.At, ruling.To);
        return new Ruling(x0, y0, x1, y1);
    }

    /// <summary>One word as a glyph; (<paramref name="left"/>, <paramref name="top"/>) is where the read image's origin lies on the page.</summary>
    public static Glyph WordGlyph(OcrWord word, int left, int top, PageGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(geometry);
        return Glyph(word.Text, left + word.Left, top + word.Top, left + word.Right, top + word.Bottom, geometry);
    }

    /// <summary>
    /// A table cell as one glyph holding the cell's text (see <see cref="CellText"/>), boxed by its words'
    /// box kept inside the cell.
    /// </summary>
    public static Glyph? CellGlyph(string text, IReadOnlyList<OcrWord> words, int left, int top, GridCell cell, PageGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(geometry);
        if (text.Length == 0 || words.Count == 0)
        {
            return null;
        }

        var (cx0, cy0) = geometry.ToPixels(cell.Left, cell.Top);
        var (cx1, cy1) = geometry.ToPixels(cell.Right, cell.Bottom);
        var x0 = Math.Clamp(left + words.Min(w => w.Left), cx0 + 1, cx1 - 2);
        var y0 = Math.Clamp(top + words.Min(w => w.Top), cy0 + 1, cy1 - 2);
        var x1 = Math.Clamp(left + words.Max(w => w.Right), x0 + 1, cx1 - 1);
        var y1 = Math.Clamp(top + words.Max(w => w.Bottom), y0 + 1, cy1 - 1);
        return Glyph(text, x0, y0, x1, y1, geometry);
    }

    /// <summary>
    /// The text of a cell's words in tesseract's own reading order (its word boxes for Chinese are too rough
    /// to re-sort), lines joined by the whitespace rule, a space between two words only where neither side
    /// is CJK and the gap is wide.
    /// </summary>
    public static string CellText(IReadOnlyList<OcrWord> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var lines = new List<string>();
        foreach (var line in words.GroupBy(w => (w.Block, w.Paragraph, w.Line)))
        {
            var sb = new StringBuilder();
            OcrWord? previous = null;
            foreach (var word in line)
            {
                if (previous is not null && !EndsCjk(previous.Text) && !StartsCjk(word.Text)
                    && word.Left - previous.Right > 0.35 * Math.Max(word.Height, previous.Height))
                {
                    sb.Append(' ');
                }

                sb.Append(word.Text);
                previous = word;
            }

            lines.Add(sb.ToString());
        }

        return WhitespaceRule.Join(lines);
    }

    /// <summary>
    /// A glyph of several characters cut into one glyph a character across its box: a CJK character a full
    /// width, any other a little over half of one (digits, Latin letters and punctuation are about that wide
    /// in the forms' fonts), spaces dropped.
    /// </summary>
    public static IEnumerable<Glyph> Letters(Glyph glyph)
    {
        ArgumentNullException.ThrowIfNull(glyph);
        var letters = new List<(string Text, double Width)>();
        foreach (var rune in glyph.Text.EnumerateRunes())
        {
            letters.Add((rune.ToString(), WhitespaceRule.IsCjk(rune.Value) ? 1.0 : rune.Value == ' ' ? 0.3 : 0.55));
        }

        var total = letters.Sum(l => l.Width);
        if (letters.Count <= 1 || total <= 0)
        {
            return [glyph];
        }

        var result = new List<Glyph>(letters.Count);
        var (width, userWidth) = (glyph.Right - glyph.Left, glyph.Source.X1 - glyph.Source.X0);
        var at = 0.0;
        foreach (var (text, share) in letters)
        {
            var (from, to) = (at / total, (at + share) / total);
            at += share;
            if (text == " ")
            {
                continue;
            }

            result.Add(glyph with
            {
                Text = text,
                Left = glyph.Left + (from * width),
                Right = glyph.Left + (to * width),
                Source = glyph.Source with { X0 = glyph.Source.X0 + (from * userWidth), X1 = glyph.Source.X0 + (to * userWidth) },
            });
        }

        return result;
    }

    /// <summary>
    /// A run's box widened by the blank part of a full-width mark at either end: the ink of ，。、；：！？）」』》
    /// fills only the left of its em and that of （「『《 only the right, so a run cut by OCR at such a mark
    /// ends short of where the next character of the line begins; widened, the two meet as in a PDF.
    /// </summary>
    public static Glyph WithFullWidthMarks(Glyph glyph)
    {
        ArgumentNullException.ThrowIfNull(glyph);
        var text = glyph.Text.Trim();
        if (text.Length < 2)
        {
            return glyph;
        }

        var blank = 0.75 * glyph.FontSize;
        var scale = (glyph.Source.X1 - glyph.Source.X0) / Math.Max(0.001, glyph.Right - glyph.Left);
        var (left, right) = (0.0, 0.0);
        if ("，。、；：！？）」』》".Contains(text[^1], StringComparison.Ordinal))
        {
            right = blank;
        }

        if ("（「『《“".Contains(text[0], StringComparison.Ordinal))
        {
            left = blank;
        }

        return left == 0 && right == 0
            ? glyph
            : glyph with
            {
                Left = glyph.Left - left,
                Right = glyph.Right + right,
                Source = glyph.Source with { X0 = glyph.Source.X0 - (left * scale), X1 = glyph.Source.X1 + (right * scale) },
            };
    }

    private static Glyph Glyph(string text, double x0, double y0, double x1, double y1, PageGeometry geometry)
    {
        var (left, topPt) = geometry.ToDisplay(x0, y0);
        var (right, bottom) = geometry.ToDisplay(x1, y1);
        return new Glyph(text, left, bottom, right, topPt, Math.Max(1, topPt - bottom), geometry.ToUserBox(x0, y0, x1, y1));
    }

    private static bool StartsCjk(string text) => text.Length > 0 && WhitespaceRule.IsCjk(char.IsSurrogatePair(text, 0) ? char.ConvertToUtf32(text, 0) : text[0]);

    private static bool EndsCjk(string text) =>
        text.Length > 0 && WhitespaceRule.IsCjk(text.Length > 1 && char.IsLowSurrogate(text[^1]) ? char.ConvertToUtf32(text[^2], text[^1]) : text[^1]);
}
