using Extractor.Pdf.Tests.Support;

namespace Extractor.Pdf.Tests.Content;

/// <summary>Glyph positions under the text state operators; expected values worked out from Helvetica's AFM widths.</summary>
public class TextStateTests
{
    private static PdfPage Page(string content, string resources = PdfBuilder.Helvetica, string pageExtra = "")
    {
        using var doc = PdfDocument.Open(PdfBuilder.OnePage(content, resources, pageExtra: pageExtra));
        return doc.GetPage(1);
    }

    [Fact]
    public void GlyphBoxesFromWidthsAscentAndDescent()
    {
        // Helvetica: H 722, e 556, l 222, o 556; Ascender 718, Descender -207.
        var page = Page("BT /F1 10 Tf 100 700 Td (Hello) Tj ET");
        Assert.Equal("Hello", PdfBuilder.Text(page));
        var h = page.Letters[0];
        Assert.Equal(100, h.GlyphBox.Left, 6);
        Assert.Equal(107.22, h.GlyphBox.Right, 6);
        Assert.Equal(707.18, h.GlyphBox.Top, 6);
        Assert.Equal(697.93, h.GlyphBox.Bottom, 6);
        Assert.Equal(10, h.FontSize, 6);
        Assert.Equal("Helvetica", h.FontName);
        Assert.Equal(new PdfPoint(100, 700), h.StartBaseLine);
        Assert.Equal(107.22, h.EndBaseLine.X, 6);
        Assert.Equal(122.78, page.Letters[4].GlyphBox.Right, 6);
    }

    [Fact]
    public void CharacterSpacingMovesGlyphsButIsNotInTheBox()
    {
        // A 667: advance 6.67 + 2.
        var page = Page("BT /F1 10 Tf 2 Tc 100 700 Td (AB) Tj ET");
        Assert.Equal(106.67, page.Letters[0].GlyphBox.Right, 6);
        Assert.Equal(108.67, page.Letters[1].GlyphBox.Left, 6);
    }

    [Fact]
    public void HorizontalScalingScalesAdvances()
    {
        var page = Page("BT /F1 10 Tf 50 Tz 100 700 Td (AB) Tj ET");
        Assert.Equal(103.335, page.Letters[1].GlyphBox.Left, 6);
    }

    [Fact]
    public void WordSpacingAppliesToTheSingleByteSpace()
    {
        // space 278: 2.78 + 5.
        var page = Page("BT /F1 10 Tf 5 Tw 100 700 Td (A B) Tj ET");
        Assert.Equal(114.45, page.Letters.Single(l => l.Value == "B").GlyphBox.Left, 6);
    }

    [Fact]
    public void TJAdjustmentsAreThousandthsOfTheFontSize()
    {
        var page = Page("BT /F1 10 Tf 100 700 Td [(A) -1000 (B)] TJ ET");
        Assert.Equal(116.67, page.Letters[1].GlyphBox.Left, 6);
    }

    [Fact]
    public void LeadingNextLineAndQuoteOperators()
    {
        var page = Page("BT /F1 10 Tf 12 TL 100 700 Td (A) Tj T* (B) Tj (C) ' 3 1 (D) \" ET");
        Assert.Equal(new PdfPoint(100, 688), page.Letters[1].StartBaseLine);
        Assert.Equal(new PdfPoint(100, 676), page.Letters[2].StartBaseLine);
        Assert.Equal(new PdfPoint(100, 664), page.Letters[3].StartBaseLine);
    }

    [Fact]
    public void TDSetsLeading()
    {
        var page = Page("BT /F1 10 Tf 100 700 Td (A) Tj 0 -20 TD (B) Tj T* (C) Tj ET");
        Assert.Equal(new PdfPoint(100, 680), page.Letters[1].StartBaseLine);
        Assert.Equal(new PdfPoint(100, 660), page.Letters[2].StartBaseLine);
    }

    [Fact]
    public void RiseLiftsTheBaseline()
    {
        var page = Page("BT /F1 10 Tf 100 700 Td 5 Ts (A) Tj ET");
        Assert.Equal(705, page.Letters[0].StartBaseLine.Y, 6);
    }

    [Fact]
    public void TextMatrixAndCtmScaleTheFontSize()
    {
        var page = Page("BT /F1 1 Tf 20 0 0 20 100 700 Tm (A) Tj ET q 2 0 0 2 0 0 cm BT /F1 10 Tf 50 300 Td (B) Tj ET Q");
        Assert.Equal(20, page.Letters[0].FontSize, 6);
        Assert.Equal(113.34, page.Letters[0].GlyphBox.Right, 6);
        Assert.Equal(20, page.Letters[1].FontSize, 6);
        Assert.Equal(new PdfPoint(100, 600), page.Letters[1].StartBaseLine);
    }

    [Fact]
    public void InvisibleTextKeepsItsRenderingMode()
    {
        var page = Page("BT 3 Tr /F1 10 Tf 100 700 Td (A) Tj ET");
        Assert.Equal(TextRenderingMode.Neither, page.Letters[0].RenderingMode);
    }

    [Fact]
    public void GlyphsOutsideTheMediaBoxAreDropped()
    {
        // As in pdftotext, which lays pages out on the media box: B is outside the crop box but kept, C is off the page.
        var page = Page("BT /F1 10 Tf 100 700 Td (A) Tj 300 0 Td (B) Tj 300 0 Td (C) Tj ET", pageExtra: "/CropBox [0 0 300 792]");
        Assert.Equal("AB", PdfBuilder.Text(page));
    }

    [Fact]
    public void RotatedPageMapsToUprightDisplaySpace()
    {
        var page = Page("BT /F1 10 Tf 100 700 Td (A) Tj ET", pageExtra: "/Rotate 90");
        Assert.Equal(90, page.Rotation);
        Assert.Equal(792, page.DisplayWidth);
        // (x, y) -> (y, width - x)
        Assert.Equal(new PdfPoint(700, 512), page.ToDisplay(page.Letters[0].StartBaseLine));
        var box = page.ToDisplay(page.Letters[0].GlyphBox);
        Assert.Equal(697.93, box.Left, 6);
        Assert.Equal(707.18, box.Right, 6);
        Assert.Equal(512 - 6.67, box.Bottom, 6);
    }

    [Fact]
    public void TextDrawnTwiceIsKeptOnce()
    {
        const string content = "BT /F1 10 Tf 100 700 Td (Bold) Tj ET BT /F1 10 Tf 100.3 700 Td (Bold) Tj ET";
        Assert.Equal("Bold", PdfBuilder.Text(Page(content)));
        using var doc = PdfDocument.Open(PdfBuilder.OnePage(content, PdfBuilder.Helvetica), new PdfOpenOptions { RemoveDuplicateGlyphs = false });
        Assert.Equal("BoldBold", PdfBuilder.Text(doc.GetPage(1)));
    }

    [Fact]
    public void MissingFontIsAWarningNotAnError()
    {
        var page = Page("BT /F9 10 Tf 100 700 Td (A) Tj ET BT /F1 10 Tf 100 600 Td (B) Tj ET");
        Assert.Equal("B", PdfBuilder.Text(page));
        Assert.Contains(page.Warnings, w => w.Contains("F9", StringComparison.Ordinal));
    }
}
