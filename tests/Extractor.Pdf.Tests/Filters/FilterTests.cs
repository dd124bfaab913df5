using Extractor.Pdf.Filters;
using Extractor.Pdf.Parsing;

namespace Extractor.Pdf.Tests.Filters;

public class FilterTests
{
    private static byte[] Hex(string hex) => Convert.FromHexString(hex);

    [Fact]
    public void FlateDecodesZlibData()
    {
        // zlib.compress(b"The quick brown fox jumps over the lazy dog") from Python.
        var input = Hex("789c0bc94855282ccd4cce56482aca2fcf5348cbaf50c82acd2d2856c82f4b2d5228014ae72456552aa4e4a703005bdc0fda");
        var output = FlateFilter.Decode(input, 0, input.Length, 1 << 20, out bool damaged);
        Assert.False(damaged);
        Assert.Equal("The quick brown fox jumps over the lazy dog", System.Text.Encoding.ASCII.GetString(output));
    }

    [Fact]
    public void FlateResultsAreArraysOfTheirOwnWhenWorkingBuffersAreReused()
    {
        // Two streams of 300 kB (over the large-object threshold, under the pooled size) decoded one after
        // the other: the second reuses the first's working buffer, and neither result may change.
        var first = Enumerable.Range(0, 300_000).Select(i => (byte)(i % 251)).ToArray();
        var second = Enumerable.Range(0, 300_000).Select(i => (byte)(i % 13)).ToArray();
        var a = FlateFilter.Decode(Deflate(first), 0, Deflate(first).Length, 1 << 24, out _);
        var b = FlateFilter.Decode(Deflate(second), 0, Deflate(second).Length, 1 << 24, out _);
        Assert.Equal(first, a);
        Assert.Equal(second, b);
        Assert.Equal(300_000, a.Length);
    }

    [Fact]
    public void FlateFromTheMiddleOfAnArrayReadsOnlyItsRange()
    {
        var packed = Deflate(System.Text.Encoding.ASCII.GetBytes("BT (range) Tj ET"));
        var file = new byte[packed.Length + 20];
        packed.CopyTo(file, 10);
        var output = FlateFilter.Decode(file, 10, packed.Length, 1 << 20, out bool damaged);
        Assert.False(damaged);
        Assert.Equal("BT (range) Tj ET", System.Text.Encoding.ASCII.GetString(output));
    }

    private static byte[] Deflate(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(ms, System.IO.Compression.CompressionLevel.Fastest))
        {
            z.Write(data);
        }

        return ms.ToArray();
    }

    [Fact]
    public void FlateWithPngPredictorRestoresRows()
    {
        // Two rows of three bytes: row 1 uses the Sub filter (1, 10 10 10), row 2 the Up filter (2, 1 2 3);
        // compressed with Python's zlib.
        var input = Hex("789c63e4e2e262626462060000d60028");
        var inflated = FlateFilter.Decode(input, 0, input.Length, 1 << 20, out _);
        Assert.Equal(new byte[] { 1, 10, 10, 10, 2, 1, 2, 3 }, inflated);
        var rows = PredictorFilter.Apply(inflated, 12, 1, 8, 3);
        Assert.Equal(new byte[] { 10, 20, 30, 11, 22, 33 }, rows);
    }

    [Fact]
    public void PredictorRowLongerThanTheDataAllocatesNoMoreThanTheData()
    {
        // /Columns 4000000 of 32 colours claims rows of 128 MB; the seven bytes there are one short row.
        var data = new byte[] { 0, 1, 2, 3, 4, 5, 6 };
        long before = GC.GetAllocatedBytesForCurrentThread();
        var rows = PredictorFilter.Apply(data, 12, 32, 8, 4_000_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, rows);
        Assert.True(allocated < 4096, $"{allocated} bytes allocated for 7 bytes of data");
    }

    [Fact]
    public void PngAverageAndPaethFilters()
    {
        // Row 1 (None): 100 50 ; row 2 (Average, 3): left 0/above 100 -> +50 gives 100; left 100, above 50 -> +25 gives 100.
        // Row 3 (Paeth, 4): a=0,b=100,c=0 -> predictor 100, +1 = 101; a=101,b=100,c=100 -> p=101 -> a -> 101+2 = 103.
        var data = new byte[] { 0, 100, 50, 3, 50, 25, 4, 1, 2 };
        Assert.Equal(new byte[] { 100, 50, 100, 100, 101, 103 }, PredictorFilter.Apply(data, 15, 1, 8, 2));
    }

    [Fact]
    public void TiffPredictorAddsLeftSamplePerComponent()
    {
        // Two RGB pixels: the second is stored as a difference from the first.
        var data = new byte[] { 10, 20, 30, 1, 2, 3 };
        Assert.Equal(new byte[] { 10, 20, 30, 11, 22, 33 }, PredictorFilter.Apply(data, 2, 3, 8, 2));
    }

    [Fact]
    public void TruncatedFlateKeepsWhatDecoded()
    {
        var full = Hex("789c0bc94855282ccd4cce56482aca2fcf5348cbaf50c82acd2d2856c82f4b2d5228014ae72456552aa4e4a703005bdc0fda");
        var output = FlateFilter.Decode(full, 0, 20, 1 << 20, out _);
        var text = System.Text.Encoding.ASCII.GetString(output);
        Assert.StartsWith("The quick", text);
        Assert.True(text.Length < 43);
    }

    [Fact]
    public void GarbageIsNotFlate()
    {
        var output = FlateFilter.Decode([1, 2, 3, 4, 5, 6, 7, 8], 0, 8, 1 << 20, out bool damaged);
        Assert.True(damaged);
        Assert.Empty(output);
    }

    [Fact]
    public void DecompressionBeyondTheLimitThrows()
    {
        // 100 000 zero bytes compress to a few hundred; a 1000-byte limit must stop them.
        using var ms = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(ms, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(new byte[100_000]);
        }

        var input = ms.ToArray();
        Assert.Throws<PdfLimitException>(() => FlateFilter.Decode(input, 0, input.Length, 1000, out _));
    }

    [Fact]
    public void LzwDecodesTheExampleOfThePdfReference()
    {
        // PDF Reference §3.3.3: "-----A---B" encodes as 80 0B 60 50 22 0C 0C 85 01 (EarlyChange 1).
        var output = LzwFilter.Decode(Hex("800B6050220C0C8501"), earlyChange: true, 1 << 20);
        Assert.Equal("-----A---B", System.Text.Encoding.ASCII.GetString(output));
    }

    [Fact]
    public void LzwStopsAtACorruptCode()
    {
        // 0x1FF as the first 9-bit code is beyond the table.
        var output = LzwFilter.Decode([0xFF, 0x80, 0x00], earlyChange: true, 1 << 20);
        Assert.Empty(output);
    }

    [Fact]
    public void AsciiHexIgnoresWhitespaceAndPadsOddDigit()
    {
        var output = AsciiFilters.AsciiHex("48 65 6c\n6C 6F 7>"u8, 100);
        Assert.Equal(new byte[] { 0x48, 0x65, 0x6C, 0x6C, 0x6F, 0x70 }, output);
    }

    [Fact]
    public void Ascii85DecodesPythonReferenceAndZ()
    {
        // base64.a85encode(b"Hello, PDF world!") from Python.
        var output = AsciiFilters.Ascii85("87cURD_*#-6q/;CDfTZ)+T~>"u8, 100);
        Assert.Equal("Hello, PDF world!", System.Text.Encoding.ASCII.GetString(output));
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0x48 }, AsciiFilters.Ascii85("z 87~>"u8, 100));
    }

    [Fact]
    public void RunLengthLiteralAndRepeatRuns()
    {
        var output = AsciiFilters.RunLength(new byte[] { 2, (byte)'a', (byte)'b', (byte)'c', 254, (byte)'z', 128, 0, (byte)'!' }, 100);
        Assert.Equal("abczzz", System.Text.Encoding.ASCII.GetString(output));
    }

    [Fact]
    public void FilterChainsInAContentStream()
    {
        // ASCII85 over Flate, as /Filter [/ASCII85Decode /FlateDecode]; encoded here with a plain ASCII85 writer.
        const string content = "BT /F1 10 Tf 100 700 Td (Chained filters) Tj ET";
        using var ms = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(ms, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(System.Text.Encoding.ASCII.GetBytes(content));
        }

        var b = new Support.PdfBuilder();
        b.Add("<< /Type /Catalog /Pages 2 0 R >>");
        b.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + Support.PdfBuilder.Helvetica + " /Contents 4 0 R >>");
        b.AddStream("/Filter [/ASCII85Decode /FlateDecode] /DecodeParms [null null]", System.Text.Encoding.ASCII.GetBytes(EncodeAscii85(ms.ToArray())));
        using var doc = PdfDocument.Open(b.Build("/Root 1 0 R"));
        Assert.Equal("Chainedfilters", Support.PdfBuilder.Text(doc.GetPage(1)).Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    private static string EncodeAscii85(byte[] data)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < data.Length; i += 4)
        {
            int n = Math.Min(4, data.Length - i);
            uint v = 0;
            for (int k = 0; k < 4; k++)
            {
                v = (v << 8) | (k < n ? data[i + k] : 0u);
            }

            var group = new char[5];
            for (int k = 4; k >= 0; k--)
            {
                group[k] = (char)('!' + (v % 85));
                v /= 85;
            }

            sb.Append(group, 0, n + 1);
        }

        return sb.Append("~>").ToString();
    }
}
