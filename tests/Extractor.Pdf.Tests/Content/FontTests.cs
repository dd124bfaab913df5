using Extractor.Pdf.Tests.Support;

namespace Extractor.Pdf.Tests.Content;

public class FontTests
{
    private static PdfPage Page(string content, string resources)
    {
        using var doc = PdfDocument.Open(PdfBuilder.OnePage(content, resources));
        return doc.GetPage(1);
    }

    [Fact]
    public void DifferencesWithGlyphNames()
    {
        var page = Page("BT /F1 10 Tf 100 700 Td (ABC) Tj ET",
            "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Differences [65 /uni4E00 /f_i /Euro] >> >> >> >>");
        Assert.Equal("一|fi|€", string.Join("|", page.Letters.Select(l => l.Value)));
    }

    [Fact]
    public void LoneSurrogatesFromAToUnicodeCMapBecomeReplacementCharacters()
    {
        // <41> maps to a lone high surrogate, <42> to a lone low one, <43> to a proper pair.
        var b = new PdfBuilder();
        b.Add("<< /Type /Catalog /Pages 2 0 R >>");
        b.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>");
        b.AddStream(string.Empty, "BT /F1 10 Tf 100 700 Td (ABC) Tj ET");
        b.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>");
        b.AddStream(string.Empty, "1 begincodespacerange <00> <FF> endcodespacerange 3 beginbfchar <41> <D800> <42> <DC00> <43> <D835DC00> endbfchar");
        using var doc = PdfDocument.Open(b.Build("/Root 1 0 R"));
        var page = doc.GetPage(1);
        Assert.Equal("\uFFFD|\uFFFD|\U0001D400", string.Join("|", page.Letters.Select(l => l.Value)));
        Assert.Empty(page.Warnings);
    }

    [Fact]
    public void ManyDistinctCodesOfAnIdentityFontAreMappedInLinearTime()
    {
        // 60,000 distinct two-byte codes: the cache of their text hashed every Identity glyph to one bucket.
        var codes = new System.Text.StringBuilder();
        for (int i = 0; i < 60_000; i++)
        {
            codes.Append((0x1000 + i).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            if (i % 100 == 99)
            {
                codes.Append("> Tj 0 -1 Td <");
            }
        }

        var b = new PdfBuilder();
        b.Add("<< /Type /Catalog /Pages 2 0 R >>");
        b.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>");
        b.AddStream(string.Empty, "BT /F1 1 Tf 10 780 Td <" + codes + "> Tj ET");
        b.Add("<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [6 0 R] >>");
        b.Add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>");
        using var doc = PdfDocument.Open(b.Build("/Root 1 0 R"));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var page = doc.GetPage(1);
        // Codes in the surrogate block (and spaces) map to no letter.
        Assert.InRange(page.Letters.Count, 57_000, 58_000);
        Assert.Equal("\u1000", page.Letters[0].Value);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void LigatureGlyphNamesAreSpelledOut()
    {
        // Helvetica's "fi" and "fl" glyphs (StandardEncoding codes 0xAE, 0xAF): pdftotext prints "fi" and "fl".
        var page = Page("BT /F1 10 Tf 100 700 Td <AEAF> Tj ET",
            "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>");
        Assert.Equal("fi|fl", string.Join("|", page.Letters.Select(l => l.Value)));
        // Helvetica fi is 500 units wide.
        Assert.Equal(105, page.Letters[0].GlyphBox.Right, 6);
    }

    [Fact]
    public void UnknownGlyphNamesPassTheCodeThrough()
    {
        // poppler maps codes whose names it cannot read to the code itself.
        var page = Page("BT /F1 10 Tf 100 700 Td (AB) Tj ET",
            "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Xyz /FirstChar 65 /LastChar 66 /Widths [500 500] /Encoding << /Differences [65 /glyph17 /B] >> >> >> >>");
        Assert.Equal("AB", PdfBuilder.Text(page));
        Assert.Equal(105, page.Letters[0].GlyphBox.Right, 6);
    }

    [Fact]
    public void Type0IdentityFontWithWidthsAndTounicode()
    {
        const string toUnicode = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 3 beginbfchar <0001> <0058> <0002> <4E2D> <0003> <00660069> endbfchar endcmap end end";
        var b = new PdfBuilder();
        b.Add("<< /Type /Catalog /Pages 2 0 R >>");
        b.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>");
        b.AddStream(string.Empty, "BT /F1 10 Tf 100 700 Td <000100020003> Tj ET");
        b.Add("<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>");
        b.Add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W [1 [500] 3 3 600] /FontDescriptor 8 0 R >>");
        b.AddStream(string.Empty, toUnicode);
        b.Add("<< /Type /FontDescriptor /FontName /ABCDEF+SimSun /Flags 4 /Ascent 859 /Descent -141 /FontBBox [0 -141 1000 859] >>");
        using var doc = PdfDocument.Open(b.Build("/Root 1 0 R"));
        var page = doc.GetPage(1);
        Assert.Equal("X|中|fi", string.Join("|", page.Letters.Select(l => l.Value)));
        Assert.Equal(105, page.Letters[0].GlyphBox.Right, 6);
        Assert.Equal(115, page.Letters[1].GlyphBox.Right, 6);
        Assert.Equal(121, page.Letters[2].GlyphBox.Right, 6);
        Assert.Equal(708.59, page.Letters[0].GlyphBox.Top, 6);
        Assert.Equal(698.59, page.Letters[0].GlyphBox.Bottom, 6);
        Assert.Equal("ABCDEF+SimSun", page.Letters[0].FontName);
    }

    [Fact]
    public void NonEmbeddedChineseFontThroughGBKCmapAndAdobeGB1()
    {
        // GBK D2BB is 一, D6D0 is 中: through GBK-EUC-H to CIDs, then Adobe-GB1 to Unicode. The single byte 41
        // lands on a CID that poppler-data reads as the full-width Ａ; pdftotext prints "一中Ａ" for this page.
        var page = Page("BT /F1 10 Tf 100 700 Td <D2BBD6D041> Tj ET",
            "<< /Font << /F1 << /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /GBK-EUC-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 >>] >> >> >>");
        Assert.Equal("一中Ａ", PdfBuilder.Text(page));
        Assert.Equal(110, page.Letters[0].GlyphBox.Right, 6);
    }

    [Fact]
    public void VerticalCMapWritesDownwards()
    {
        // UniGB-UTF16-V: each glyph advances by the default vertical metric (DW2 -1000), i.e. 12 pt down at 12 pt.
        var page = Page("BT /F1 12 Tf 300 700 Td <7AD663924E2D> Tj ET",
            "<< /Font << /F1 << /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UTF16-V /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 >>] >> >> >>");
        Assert.Equal("竖排中", PdfBuilder.Text(page));
        Assert.All(page.Letters, l => Assert.True(l.IsVertical));
        Assert.Equal(new PdfPoint(300, 700), page.Letters[0].StartBaseLine);
        Assert.Equal(new PdfPoint(300, 688), page.Letters[1].StartBaseLine);
        Assert.Equal(new PdfPoint(300, 676), page.Letters[2].StartBaseLine);
        // poppler boxes vertical glyphs as font-size squares beside the pen position.
        Assert.Equal(12, page.Letters[1].GlyphBox.Width, 6);
        Assert.Equal(12, page.Letters[1].GlyphBox.Height, 6);
    }

    [Fact]
    public void Type3FontUsesItsFontMatrix()
    {
        var b = new PdfBuilder();
        b.Add("<< /Type /Catalog /Pages 2 0 R >>");
        b.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /T3 5 0 R >> >> /Contents 4 0 R >>");
        b.AddStream(string.Empty, "BT /T3 10 Tf 100 700 Td (ab) Tj ET");
        b.Add("<< /Type /Font /Subtype /Type3 /FontBBox [0 0 100 100] /FontMatrix [0.01 0 0 0.01 0 0] /CharProcs << /a 6 0 R /b 6 0 R >> /Encoding << /Differences [97 /a /b] >> /FirstChar 97 /LastChar 98 /Widths [50 80] >>");
        b.AddStream(string.Empty, "50 0 d0 0 0 50 50 re f");
        using var doc = PdfDocument.Open(b.Build("/Root 1 0 R"));
        var page = doc.GetPage(1);
        Assert.Equal("ab", PdfBuilder.Text(page));
        // Width 50 × 0.01 × 10 pt.
        Assert.Equal(105, page.Letters[0].GlyphBox.Right, 6);
        Assert.Equal(113, page.Letters[1].GlyphBox.Right, 6);
    }

    [Fact]
    public void ActualTextReplacesTheGlyphsOfItsSpan()
    {
        var page = Page("/Span << /ActualText (XY) >> BDC BT /F1 10 Tf 100 700 Td (AB) Tj ET EMC BT /F1 10 Tf 100 600 Td (C) Tj ET", PdfBuilder.Helvetica);
        Assert.Equal("XY|C", string.Join("|", page.Letters.Select(l => l.Value)));
        // The span covers A (6.67) and B (6.67).
        Assert.Equal(100, page.Letters[0].GlyphBox.Left, 6);
        Assert.Equal(113.34, page.Letters[0].GlyphBox.Right, 6);
    }

    [Fact]
    public void ChineseFontNamesAreDecodedForPeople()
    {
        // 宋体 in GBK and 黑体 in UTF-8, written with #xx escapes as PDF names are.
        var page = Page("BT /F1 10 Tf 100 700 Td (A) Tj /F2 10 Tf (B) Tj ET",
            "<< /Font << /F1 << /Type /Font /Subtype /TrueType /BaseFont /#CB#CE#CC#E5 /FirstChar 65 /LastChar 66 /Widths [500 500] >> " +
            "/F2 << /Type /Font /Subtype /TrueType /BaseFont /#E9#BB#91#E4#BD#93 /FirstChar 65 /LastChar 66 /Widths [500 500] >> >> >>");
        Assert.Equal("宋体", page.Letters[0].FontName);
        Assert.Equal("黑体", page.Letters[1].FontName);
    }

    [Fact]
    public void SpacingAccentOverALetterBecomesACombiningMark()
    {
        // A dieresis (WinAnsi 0xA8) drawn just before an i that lands under it: pdftotext prints "i\u0308".
        var page = Page("BT /F1 12 Tf 100 650 Td (na) Tj ET BT /F1 12 Tf 115 650 Td (\\250) Tj -0.6 0 Td (i) Tj (ve) Tj ET",
            "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >> >> >>");
        // Letters stay in content order: the mark comes before the i it sits on.
        Assert.Equal("na\u0308ive", string.Concat(page.Letters.Select(l => l.Value)));
    }
}
