using System.Diagnostics;
using System.Globalization;
using System.Text;
using Extractor.Pdf.Fonts;

namespace Extractor.Pdf.Tests.Fonts;

/// <summary>CMaps made to hurt: many ranges, many codespaces, bad destinations. Lookups stay fast and right.</summary>
public class HostileCMapTests
{
    private static CMap Parse(string text) => CMap.Parse(Encoding.Latin1.GetBytes(text), PredefinedCMaps.Get);

    [Fact]
    public void OverlappingRangesResolveToTheLastDefined()
    {
        var cmap = Parse("""
            1 begincodespacerange <0000> <FFFF> endcodespacerange
            3 beginbfrange <0000> <00FF> <0041> <0010> <0020> <0061> <0018> <0018> <4E00> endbfrange
            1 beginbfrange <0015> <0016> [<0031> <0032>] endbfrange
            """);
        Assert.Equal("A", cmap.MapToUnicode(0x00));
        Assert.Equal("\u0050", cmap.MapToUnicode(0x0F));
        Assert.Equal("a", cmap.MapToUnicode(0x10));
        Assert.Equal("1", cmap.MapToUnicode(0x15));
        Assert.Equal("2", cmap.MapToUnicode(0x16));
        Assert.Equal("h", cmap.MapToUnicode(0x17));
        Assert.Equal("一", cmap.MapToUnicode(0x18));
        Assert.Equal("q", cmap.MapToUnicode(0x20));
        Assert.Equal("\u0062", cmap.MapToUnicode(0x21));
        Assert.Null(cmap.MapToUnicode(0x100));
    }

    [Fact]
    public void CidRangesAfterUsecmapOverrideTheParentAndTheLastDefinedWins()
    {
        var cmap = Parse("""
            /UniGB-UCS2-H usecmap
            2 begincidrange <4E00> <4E0F> 1 <4E08> <4E08> 7 endcidrange
            """);
        Assert.Equal(1, cmap.MapToCid(0x4E00, 2));
        Assert.Equal(7, cmap.MapToCid(0x4E08, 2));
        Assert.Equal(16, cmap.MapToCid(0x4E0F, 2));
        Assert.Equal(PredefinedCMaps.Get("UniGB-UCS2-H")!.MapToCid(0x4E10, 2), cmap.MapToCid(0x4E10, 2));
    }

    [Fact]
    public void HundredsOfThousandsOfRangesCostALookupNoMoreThanAFew()
    {
        // The identity on two-byte codes, then 300 000 ranges over four-byte codes: a scan from the last
        // defined range pays for all of them on each code.
        var text = new StringBuilder("1 begincodespacerange <0000> <FFFF> endcodespacerange\n1 beginbfrange <0000> <FFFF> <0000> endbfrange\n");
        for (int block = 0; block < 3000; block++)
        {
            text.Append("100 beginbfrange\n");
            for (int i = 0; i < 100; i++)
            {
                int code = 0x10000 + (block * 100) + i;
                text.Append(CultureInfo.InvariantCulture, $"<{code:X8}> <{code:X8}> <4E00>\n");
            }

            text.Append("endbfrange\n");
        }

        var cmap = Parse(text.ToString());
        var clock = Stopwatch.StartNew();
        for (int code = 0x4E00; code < 0x4E00 + 20_000; code++)
        {
            Assert.Equal(((char)code).ToString(), cmap.MapToUnicode(code));
        }

        Assert.Equal("一", cmap.MapToUnicode(0x10000 + 123));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"20 000 lookups took {clock.Elapsed}");
    }

    [Fact]
    public void CodespaceRangesBeyondTheLimitAreLeftOutAndSaid()
    {
        var text = new StringBuilder();
        for (int block = 0; block < 20; block++)
        {
            text.Append("100 begincodespacerange\n");
            for (int i = 0; i < 100; i++)
            {
                int low = (block * 100) + i;
                text.Append(CultureInfo.InvariantCulture, $"<{low:X4}> <{low:X4}>\n");
            }

            text.Append("endcodespacerange\n");
        }

        var cmap = Parse(text.ToString());
        Assert.Contains("more than 100 codespace ranges; the rest ignored", cmap.Problems);
        Assert.Equal(2, cmap.ReadCode([0x00, 0x63], 0, out int kept));
        Assert.Equal(0x63, kept);
    }

    [Fact]
    public void EmptyAndOversizedDestinationsMapToNothing()
    {
        var huge = string.Concat(Enumerable.Repeat("4E2D", 300));
        var cmap = Parse($"""
            1 begincodespacerange <00> <FF> endcodespacerange
            3 beginbfchar <41> <> <42> <{huge}> <43> <0043> endbfchar
            2 beginbfrange <50> <52> <> <60> <61> [<> <0062>] endbfrange
            """);
        Assert.Null(cmap.MapToUnicode(0x41));
        Assert.Null(cmap.MapToUnicode(0x42));
        Assert.Equal("C", cmap.MapToUnicode(0x43));
        Assert.Null(cmap.MapToUnicode(0x50));
        Assert.Null(cmap.MapToUnicode(0x60));
        Assert.Equal("b", cmap.MapToUnicode(0x61));
        Assert.Contains("empty destination strings ignored", cmap.Problems);
        Assert.Contains("destination strings longer than 512 bytes ignored", cmap.Problems);
    }
}
