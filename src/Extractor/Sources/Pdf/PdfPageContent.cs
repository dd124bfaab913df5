using System.Collections.Immutable;
using Extractor.Model;
using Extractor.Pdf;
using Extractor.Geometry;
using Extractor.Text;

namespace Extractor.Sources.Pdf;

/// <summary>Turns a page of the PDF text layer into what the layout stage reads: upright glyphs and rulings.</summary>
internal static class PdfPageContent
{
    /// <summary>
    /// The page's letters and rulings in display space. For layout, each glyph's box is rebuilt from its
    /// baseline and its font's real em size (some producers' Type 3 fonts declare twice the size they draw
    /// and come with boxes taller than a line); provenance keeps the text layer's own box in user space.
    /// </summary>
    public static PageContent From(PdfPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var scales = FontScales(page.Letters);
        var glyphs = ImmutableArray.CreateBuilder<Glyph>(page.Letters.Count);
        foreach (var letter in page.Letters)
        {
            if (string.IsNullOrWhiteSpace(letter.Value))
            {
                continue;
            }

            var box = letter.GlyphBox;
            var display = page.ToDisplay(box);
            var size = letter.FontSize * scales.GetValueOrDefault(letter.FontName, 1.0);
            var start = page.ToDisplay(letter.StartBaseLine);
            var end = page.ToDisplay(letter.EndBaseLine);
            var bottom = display.Bottom;
            var top = display.Top;
            if (Math.Abs(end.Y - start.Y) < 0.01 * Math.Max(1, size) && size > 0)
            {
                // Upright horizontal text: a box of one em from the baseline.
                bottom = start.Y - (0.15 * size);
                top = start.Y + (0.85 * size);
            }

            var dx = end.X - start.X;
            var dy = end.Y - start.Y;
            glyphs.Add(new Glyph(
                letter.Value,
                display.Left,
                bottom,
                display.Right,
                top,
                size > 0 ? size : display.Height,
                new PageBox(page.Number, Round(box.Left), Round(box.Bottom), Round(box.Right), Round(box.Top)))
            {
                Turn = Math.Abs(dy) > 2 * Math.Abs(dx) ? Math.Sign(dy) : 0,
            });
        }

        var rulings = ImmutableArray.CreateBuilder<Ruling>(page.Segments.Count);
        foreach (var segment in page.Segments)
        {
            var d = page.ToDisplay(segment);
            rulings.Add(new Ruling(d.Start.X, d.Start.Y, d.End.X, d.End.Y));
        }

        return new PageContent(page.Number, page.DisplayWidth, page.DisplayHeight, glyphs.ToImmutable(), rulings.ToImmutable());
    }

    /// <summary>
    /// Per font, the factor from its declared size to the em it draws: a CJK glyph advances one em, so the
    /// median of advance/size over a font's CJK glyphs is that factor (1 for well-made fonts).
    /// </summary>
    private static Dictionary<string, double> FontScales(IReadOnlyList<Letter> letters)
    {
        var ratios = new Dictionary<string, List<double>>();
        foreach (var letter in letters)
        {
            if (letter.FontSize <= 0 || letter.Width <= 0 || !IsCjk(letter.Value))
            {
                continue;
            }

            if (!ratios.TryGetValue(letter.FontName, out var list))
            {
                ratios[letter.FontName] = list = [];
            }

            list.Add(letter.Width / letter.FontSize);
        }

        var scales = new Dictionary<string, double>();
        foreach (var (font, list) in ratios)
        {
            if (list.Count < 3)
            {
                continue;
            }

            list.Sort();
            var median = list[list.Count / 2];
            if (median is > 0.2 and < 0.85)
            {
                scales[font] = median;
            }
        }

        return scales;
    }

    private static bool IsCjk(string text) =>
        text.Length > 0 && WhitespaceRule.IsCjk(char.IsHighSurrogate(text[0]) && text.Length > 1 && char.IsLowSurrogate(text[1]) ? char.ConvertToUtf32(text[0], text[1]) : text[0]);

    /// <summary>Boxes are reported to a hundredth of a point.</summary>
    private static double Round(double value) => Math.Round(value, 2);
}
