using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Extractor.Pdf.Fonts;
using Extractor.Pdf.Tests.Support;
using Xunit.Abstractions;

namespace Extractor.Pdf.Tests.Fonts;

/// <summary>
/// The predefined CMaps of the four Adobe CJK collections and their CID → Unicode tables. Expected values are read
/// from poppler-data's files (cMap/Adobe-*/ and cidToUnicode/, line n + 1 holding CID n).
/// </summary>
public class PredefinedCMapsTests
{
    private const string PopplerCMaps = "/usr/share/poppler/cMap";

    private readonly ITestOutputHelper output;

    public PredefinedCMapsTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    private static int Cid(string cmapName, params byte[] code)
    {
        var cmap = PredefinedCMaps.Get(cmapName) ?? throw new InvalidOperationException(cmapName + " missing");
        Assert.Equal(code.Length, cmap.ReadCode(code, 0, out int c));
        return cmap.MapToCid(c, code.Length);
    }

    private static string? Unicode(string collection, int cid) => PredefinedCMaps.CidToUnicode(collection)!(cid);

    [Fact]
    public void JapaneseLegacyAndUnicodeCMaps()
    {
        // 90ms-RKSJ-H: あ <82A0> 843, 「 <8175> 686, half-width ｶ <B6> 348; UniJIS-UTF16-H: 𠮟 <D842DF9F> 13803.
        Assert.Equal(843, Cid("90ms-RKSJ-H", 0x82, 0xA0));
        Assert.Equal(686, Cid("90ms-RKSJ-H", 0x81, 0x75));
        Assert.Equal(348, Cid("90ms-RKSJ-H", 0xB6));
        Assert.Equal(2244, Cid("UniJIS-UCS2-H", 0x4E, 0x8B));
        Assert.Equal(13803, Cid("UniJIS-UTF16-H", 0xD8, 0x42, 0xDF, 0x9F));
        Assert.Equal(13803, Cid("UniJIS-UTF8-H", 0xF0, 0xA0, 0xAE, 0x9F));
        Assert.Equal(2244, Cid("UniJIS-UTF8-H", 0xE4, 0xBA, 0x8B));
        Assert.Equal("あ", Unicode("Adobe-Japan1", 843));
        Assert.Equal("ｶ", Unicode("Adobe-Japan1", 348));
        Assert.Equal("\U00020B9F", Unicode("Adobe-Japan1", 13803));
        // poppler-data, unlike Adobe-Japan1-UCS2, gives the proportional space CID 1 as a no-break space.
        Assert.Equal("\u00A0", Unicode("Adobe-Japan1", 1));
    }

    [Fact]
    public void TraditionalChineseAndKoreanCMaps()
    {
        Assert.Equal(4221, Cid("B5pc-H", 0xBB, 0x4F));
        Assert.Equal(4221, Cid("ETen-B5-H", 0xBB, 0x4F));
        Assert.Equal(4221, Cid("UniCNS-UTF16-H", 0x81, 0xFA));
        Assert.Equal(4221, Cid("UniCNS-UTF8-H", 0xE8, 0x87, 0xBA));
        Assert.Equal("臺", Unicode("Adobe-CNS1", 4221));
        Assert.Equal(2660, Cid("KSC-EUC-H", 0xC0, 0xE7));
        Assert.Equal(8127, Cid("KSC-EUC-H", 0x41));
        Assert.Equal(2660, Cid("UniKS-UTF32-H", 0x00, 0x00, 0xC7, 0xAC));
        Assert.Equal(2660, Cid("UniKS-UTF8-H", 0xEC, 0x9E, 0xAC));
        Assert.Equal(2660, Cid("UniKS-UTF16-H", 0xC7, 0xAC));
        Assert.Equal("재", Unicode("Adobe-Korea1", 2660));
        Assert.Equal("A", Unicode("Adobe-Korea1", 8127));
        // The ideographic space of KS X 1001 is CID 101, which poppler-data reads as the Hangul filler.
        Assert.Equal("\u3164", Unicode("Adobe-Korea1", 101));
        // Codes a CMap does not map are CID 0.
        Assert.Equal(0, Cid("UniCNS-UTF16-H", 0xD8, 0x40, 0xDC, 0x0B));
    }

    [Fact]
    public void VerticalCMapsInheritTheHorizontalOnesAndTurnOnlyThePunctuation()
    {
        // 90ms-RKSJ-V uses 90ms-RKSJ-H and maps 「 to its vertical glyph, CID 7911, which poppler-data's table
        // gives as the vertical presentation form U+FE41, so pdftotext prints ﹁ (Korea1's table gives 「 back).
        var vertical = PredefinedCMaps.Get("90ms-RKSJ-V")!;
        Assert.Equal(1, vertical.WMode);
        Assert.Equal(843, Cid("90ms-RKSJ-V", 0x82, 0xA0));
        Assert.Equal(7911, Cid("90ms-RKSJ-V", 0x81, 0x75));
        Assert.Equal(7911, Cid("UniJIS-UCS2-V", 0x30, 0x0C));
        Assert.Equal(7911, Cid("UniJIS-UTF16-V", 0x30, 0x0C));
        Assert.Equal("\uFE41", Unicode("Adobe-Japan1", 7911));
        Assert.Equal(154, Cid("B5pc-V", 0xA1, 0x75));
        Assert.Equal(8069, Cid("KSC-EUC-V", 0xA1, 0xB8));
        Assert.Equal("「", Unicode("Adobe-Korea1", 8069));
        Assert.Equal(4162, Cid("UniGB-UTF8-V", 0xE4, 0xB8, 0x80));
    }

    [Fact]
    public void EveryPredefinedCMapParsesWithItsWritingMode()
    {
        var names = PredefinedCMaps.Names().ToList();
        Assert.True(names.Count > 170, $"{names.Count} CMaps");
        foreach (var name in names)
        {
            var cmap = PredefinedCMaps.Get(name);
            Assert.True(cmap is not null, name);
            Assert.True(cmap.Problems.Count == 0, name + ": " + string.Join("; ", cmap.Problems));
            bool vertical = name == "V" || name.EndsWith("-V", StringComparison.Ordinal);
            Assert.True(cmap.WMode == (vertical ? 1 : 0), name);
        }
    }

    [Fact]
    public void EveryCMapOfTheFourCollectionsInPopplerDataIsKnown()
    {
        if (!Directory.Exists(PopplerCMaps))
        {
            output.WriteLine("poppler-data is not installed; nothing to compare with");
            return;
        }

        var known = PredefinedCMaps.Names().ToHashSet(StringComparer.Ordinal);
        foreach (var collection in new[] { "GB1", "CNS1", "Japan1", "Korea1" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(PopplerCMaps, "Adobe-" + collection)))
            {
                // Encoding CMaps say the collection's ordering; the others map between encodings or to Unicode.
                var text = File.ReadAllText(file, Encoding.Latin1);
                if (text.Contains($"/Ordering ({collection}) def", StringComparison.Ordinal))
                {
                    Assert.True(known.Contains(Path.GetFileName(file)), Path.GetFileName(file));
                }
            }
        }
    }

    [Fact]
    public void NothingIsReadUntilAFontNamesItAndThenOnlyWhatItNames()
    {
        // A fresh copy of the assembly, so that what other tests have loaded does not count.
        var context = new AssemblyLoadContext("fresh predefined CMaps", isCollectible: true);
        try
        {
            var assembly = context.LoadFromAssemblyPath(typeof(PdfDocument).Assembly.Location);
            var document = assembly.GetType("Extractor.Pdf.PdfDocument")!;
            var cmaps = assembly.GetType("Extractor.Pdf.Fonts.PredefinedCMaps")!;
            var open = document.GetMethod("Open", [typeof(string), assembly.GetType("Extractor.Pdf.PdfOpenOptions")!])!;
            var getPage = document.GetMethod("GetPage")!;
            const BindingFlags Internal = BindingFlags.Static | BindingFlags.NonPublic;
            string[] Loaded() => (string[])cmaps.GetMethod("LoadedCMaps", Internal)!.Invoke(null, null)!;
            bool TableLoaded(string c) => (bool)cmaps.GetMethod("IsTableLoaded", Internal)!.Invoke(null, [c])!;

            using (var gb = (IDisposable)open.Invoke(null, [RepoPaths.TestData("cmaps", "adobe-gb1.pdf"), null])!)
            {
                Assert.Empty(Loaded());
                getPage.Invoke(gb, [1]);
                Assert.Equal(["GBK-EUC-H"], Loaded());
                Assert.True(TableLoaded("Adobe-GB1"));
                Assert.False(TableLoaded("Adobe-Japan1") || TableLoaded("Adobe-CNS1") || TableLoaded("Adobe-Korea1"));
            }

            using (var japan = (IDisposable)open.Invoke(null, [RepoPaths.TestData("cmaps", "adobe-japan1.pdf"), null])!)
            {
                // Page 4 is on UniJIS-UTF8-H, built from UniJIS-UTF16-H.
                getPage.Invoke(japan, [4]);
                Assert.Equal(["GBK-EUC-H", "UniJIS-UTF16-H", "UniJIS-UTF8-H"], Loaded());
                Assert.True(TableLoaded("Adobe-Japan1"));
            }
        }
        finally
        {
            context.Unload();
        }
    }
}
