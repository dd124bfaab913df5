using System.Text;
using Extractor.Pdf.Fonts;

namespace Extractor.Pdf.Tests.Fonts;

public class CMapTests
{
    private static CMap Parse(string text) => CMap.Parse(Encoding.Latin1.GetBytes(text), PredefinedCMaps.Get);

    [Fact]
    public void ToUnicodeBfcharBfrangeAndArrays()
    {
        var cmap = Parse("""
            /CIDInit /ProcSet findresource begin 12 dict begin begincmap
            1 begincodespacerange <0000> <FFFF> endcodespacerange
            2 beginbfchar <0003> <0020> <0010> <4E00> endbfchar
            2 beginbfrange <0020> <0022> <0041> <0030> <0031> [<0066006C> <D835DC00>] endbfrange
            endcmap
            """);
        Assert.Equal(" ", cmap.MapToUnicode(3));
        Assert.Equal("一", cmap.MapToUnicode(0x10));
        Assert.Equal("A", cmap.MapToUnicode(0x20));
        Assert.Equal("C", cmap.MapToUnicode(0x22));
        Assert.Equal("fl", cmap.MapToUnicode(0x30));
        Assert.Equal("\U0001D400", cmap.MapToUnicode(0x31));
        Assert.Null(cmap.MapToUnicode(0x23));
    }

    [Fact]
    public void MixedOneAndTwoByteCodespacesReadCodesOfTheRightLength()
    {
        var cmap = Parse("""
            begincmap
            2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange
            1 begincidrange <8140> <8142> 100 endcidrange
            1 begincidrange <20> <7E> 1 endcidrange
            endcmap
            """);
        byte[] s = [0x41, 0x81, 0x41, 0x81, 0x42];
        int n1 = cmap.ReadCode(s, 0, out int c1);
        int n2 = cmap.ReadCode(s, 1, out int c2);
        int n3 = cmap.ReadCode(s, 3, out int c3);
        Assert.Equal((1, 0x41), (n1, c1));
        Assert.Equal((2, 0x8141), (n2, c2));
        Assert.Equal((2, 0x8142), (n3, c3));
        Assert.Equal(34, cmap.MapToCid(0x41, 1));
        Assert.Equal(101, cmap.MapToCid(0x8141, 2));
        Assert.Equal(0, cmap.MapToCid(0x9999, 2));
    }

    [Fact]
    public void PredefinedChineseCmapsAndAdobeGB1ToUnicode()
    {
        // Values from poppler-data's UniGB-UCS2-H ("<4e00> <4e00> 4162"), GBK-EUC-H ("<d2a1> <d2fe> 4136")
        // and cidToUnicode/Adobe-GB1 (line 4163: 4e00).
        var ucs2 = PredefinedCMaps.Get("UniGB-UCS2-H")!;
        Assert.Equal(4162, ucs2.MapToCid(0x4E00, 2));
        var gbk = PredefinedCMaps.Get("GBK-EUC-H")!;
        byte[] yi = [0xD2, 0xBB];
        Assert.Equal(2, gbk.ReadCode(yi, 0, out int code));
        Assert.Equal(4162, gbk.MapToCid(code, 2));
        Assert.Equal("一", PredefinedCMaps.CidToUnicode("Adobe-GB1")!(4162));
        // poppler-data maps the GB-EUC half-width range to full-width forms: CID 814 is U+FF01.
        Assert.Equal("！", PredefinedCMaps.CidToUnicode("Adobe-GB1")!(814));
        var utf16 = PredefinedCMaps.Get("UniGB-UTF16-H")!;
        Assert.Equal(4162, utf16.MapToCid(0x4E00, 2));
        Assert.NotNull(PredefinedCMaps.Get("GB-EUC-H"));
        Assert.Equal(1, PredefinedCMaps.Get("UniGB-UCS2-V")!.WMode);
        // The vertical CMap inherits every horizontal mapping through usecmap.
        Assert.Equal(4162, PredefinedCMaps.Get("UniGB-UCS2-V")!.MapToCid(0x4E00, 2));
    }

    [Fact]
    public void IdentityReadsTwoBytes()
    {
        var id = PredefinedCMaps.Get("Identity-H")!;
        byte[] s = [0x12, 0x34];
        Assert.Equal(2, id.ReadCode(s, 0, out int code));
        Assert.Equal(0x1234, id.MapToCid(code, 2));
        Assert.Null(PredefinedCMaps.Get("No-Such-CMap"));
    }

    [Fact]
    public void GlyphNamesFollowTheAglConvention()
    {
        Assert.Equal("A", GlyphList.Lookup("A"));
        Assert.Equal("€", GlyphList.Lookup("Euro"));
        Assert.Equal("一", GlyphList.Parse("uni4E00", true, true, false, false, true));
        Assert.Equal("fi", GlyphList.Parse("f_i", true, true, false, false, true));
        Assert.Equal("a", GlyphList.Parse("a.sc", true, true, false, false, true));
        Assert.Equal("\U0001F600", GlyphList.Parse("u1F600", true, true, false, false, true));
        Assert.Null(GlyphList.Parse("g123", true, true, false, false, true));
        Assert.Null(GlyphList.Parse(".notdef", true, true, false, false, true));
    }

    [Fact]
    public void StandardEncodingsAndMetrics()
    {
        Assert.Equal("quoteright", StandardEncodings.Standard[0x27]);
        Assert.Equal("quotesingle", StandardEncodings.WinAnsi[0x27]);
        Assert.Equal("Euro", StandardEncodings.WinAnsi[0x80]);
        Assert.Equal("Adieresis", StandardEncodings.MacRoman[0x80]);
        var helvetica = Standard14.Find("Arial,Bold")!;
        Assert.Equal("Helvetica-Bold", helvetica.Name);
        // Helvetica-Bold.afm: "C 65 ; WX 722 ; N A", Ascender 718, Descender -207.
        Assert.Equal(722, helvetica.Widths["A"]);
        Assert.Equal(0.718, helvetica.Ascent, 6);
        Assert.Equal(-0.207, helvetica.Descent, 6);
        Assert.Null(Standard14.Find("SimSun"));
    }
}
