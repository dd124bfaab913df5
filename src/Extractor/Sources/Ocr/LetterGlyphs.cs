using Extractor.Text;

namespace Extractor.Sources.Ocr;

/// <summary>
/// OCR's words as a PDF's text layer gives text: one glyph a letter, so that the stream layout measures the
/// gaps between words and lines of text read by OCR as it does for a PDF.
/// </summary>
internal static class LetterGlyphs
{
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
}
