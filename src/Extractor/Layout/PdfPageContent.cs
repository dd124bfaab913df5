using System.Collections.Immutable;
using Extractor.Model;
using Extractor.Pdf;

namespace Extractor.Layout;

/// <summary>Turns a page of the PDF text layer into what the layout stage reads: upright glyphs and rulings.</summary>
public static class PdfPageContent
{
    /// <summary>The page's letters and rulings in display space; each glyph keeps its user-space box for provenance.</summary>
    public static PageContent From(PdfPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var glyphs = ImmutableArray.CreateBuilder<Glyph>(page.Letters.Count);
        foreach (var letter in page.Letters)
        {
            if (string.IsNullOrWhiteSpace(letter.Value))
            {
                continue;
            }

            var box = letter.GlyphBox;
            var display = page.ToDisplay(box);
            glyphs.Add(new Glyph(
                letter.Value,
                display.Left,
                display.Bottom,
                display.Right,
                display.Top,
                letter.FontSize,
                new PageBox(page.Number, Round(box.Left), Round(box.Bottom), Round(box.Right), Round(box.Top))));
        }

        var rulings = ImmutableArray.CreateBuilder<Ruling>(page.Segments.Count);
        foreach (var segment in page.Segments)
        {
            var d = page.ToDisplay(segment);
            rulings.Add(new Ruling(d.Start.X, d.Start.Y, d.End.X, d.End.Y));
        }

        return new PageContent(page.Number, page.DisplayWidth, page.DisplayHeight, glyphs.ToImmutable(), rulings.ToImmutable());
    }

    /// <summary>Boxes are reported to a hundredth of a point.</summary>
    private static double Round(double value) => Math.Round(value, 2);
}
