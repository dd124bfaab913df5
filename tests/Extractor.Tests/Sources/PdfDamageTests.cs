using Extractor.Conversion;
using Extractor.Model;
using Extractor.Sources.Pdf;
using Extractor.Tests.Support;

namespace Extractor.Tests.Sources;

/// <summary>What the PDF reader recovered from becomes a few damaged warnings that say what was lost; intact files give none.</summary>
public class PdfDamageTests
{
    private static string Fixture(params string[] parts) => RepoPaths.Combine(["fixtures", .. parts]);

    [Fact]
    public void APdfCutOffAt90PercentSaysItIsTruncatedAndWhichFontsAndPagesLostText()
    {
        var bytes = File.ReadAllBytes(Fixture("forms", "pdf", "seed-chromium-wqy-zenhei-a4l.pdf"));
        var cut = bytes[..(bytes.Length * 9 / 10)];

        var result = RowTextExtractor.Extract("cut.pdf", cut);
        var damaged = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.Damaged).ToList();

        Assert.All(damaged, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.Contains(damaged, d => d.Message == $"cut.pdf: the file is truncated (it ends after {cut.Length} bytes without %%EOF): whatever came after the cut is lost");
        var font = Assert.Single(damaged, d => d.Message.Contains("could not be loaded", StringComparison.Ordinal));
        Assert.Matches(@"\(pages 1–\d+, at least \d+ times\): text drawn in that font is lost$", font.Message);

        // Hundreds of problems, a handful of lines.
        Assert.InRange(damaged.Count, 2, 6);
    }

    [Theory]
    [InlineData("forms", "pdf", "seed-chromium-wqy-zenhei-a4l.pdf")]
    [InlineData("forms", "pdf", "long-libreoffice-noto-sans-a4l.pdf")]
    [InlineData("pdf-corpus", "pdf", "handmade-identity-h-adobe-gb1-cids.pdf")]
    [InlineData("pdf-corpus", "pdf", "ghostscript-ps2pdf-type3-font.pdf")]
    public void AnIntactFileHasNoDamage(params string[] parts)
    {
        var result = RowTextExtractor.ExtractFile(Fixture(parts));

        Assert.Null(result.Error);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.Damaged);
    }

    [Fact]
    public void GlyphsThatMapToNoTextAreCountedByPage()
    {
        // A subset font whose ToUnicode CMap maps <0041> and <0043> only: of 项?目? two glyphs have no text.
        var result = RowTextExtractor.Extract("partial.pdf", PartialToUnicodePdf());

        Assert.Null(result.Error);
        Assert.Equal("项目", result.Rows!.ToTabText().Trim());
        var damaged = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.Damaged, damaged.Code);
        Assert.Equal("partial.pdf: 2 glyphs on page 1 map to no Unicode text in their fonts: their text is lost", damaged.Message);
        Assert.Equal(1, damaged.Page);
    }

    [Fact]
    public void ARebuiltCrossReferenceIsDamageWithNothingSaidLost()
    {
        var result = RowTextExtractor.ExtractFile(Fixture("pdf-corpus", "pdf", "damaged-offsets-shifted.pdf"));

        var damaged = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.Damaged);
        Assert.Contains("rebuilt by scanning", damaged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("truncated", damaged.Message, StringComparison.Ordinal);
    }

    /// <summary>One page showing four glyphs of an Identity-H font whose ToUnicode maps two of them.</summary>
    private static byte[] PartialToUnicodePdf()
    {
        const string CMap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Partial def /CMapType 2 def\n"
            + "1 begincodespacerange <0000> <FFFF> endcodespacerange\n2 beginbfchar <0041> <9879> <0043> <76EE> endbfchar\n"
            + "endcmap CMapName currentdict /CMap defineresource pop end end";
        const string Content = "BT /F1 12 Tf 72 700 Td <0041004200430042> Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            $"<< /Length {Content.Length} >>\nstream\n{Content}\nendstream",
            "<< /Type /Font /Subtype /Type0 /BaseFont /Foo /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Foo /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
            $"<< /Length {CMap.Length} >>\nstream\n{CMap}\nendstream",
        ];
        var pdf = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return System.Text.Encoding.ASCII.GetBytes(pdf.ToString());
    }

    [Fact]
    public void PagesAreSaidAsRanges() =>
        Assert.Equal("1–3, 5, 7–8", PdfDamage.Ranges([8, 1, 2, 3, 5, 7, 2]));
}
