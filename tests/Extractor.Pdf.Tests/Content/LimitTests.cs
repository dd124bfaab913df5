using System.IO.Compression;
using Extractor.Pdf.Tests.Support;

namespace Extractor.Pdf.Tests.Content;

public class LimitTests
{
    [Fact]
    public void OperatorLimitStopsThePageWithAWarning()
    {
        var data = PdfBuilder.OnePage("BT /F1 10 Tf 100 700 Td (A) Tj (B) Tj (C) Tj (D) Tj (E) Tj ET", PdfBuilder.Helvetica);
        using var doc = PdfDocument.Open(data, new PdfOpenOptions { MaxOperatorsPerPage = 5 });
        var page = doc.GetPage(1);
        Assert.Equal("AB", PdfBuilder.Text(page));
        Assert.Contains(page.Warnings, w => w.Contains("limit", StringComparison.Ordinal));
    }

    [Fact]
    public void DecompressionBombInContentIsCutWithAWarning()
    {
        using var ms = new MemoryStream();
        using (var z = new ZLibStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(System.Text.Encoding.ASCII.GetBytes("BT /F1 10 Tf 100 700 Td (A) Tj ET "));
            z.Write(new byte[5_000_000]);
        }

        var b = new PdfBuilder();
        b.Add("<< /Type /Catalog /Pages 2 0 R >>");
        b.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + PdfBuilder.Helvetica + " /Contents 4 0 R >>");
        b.AddStream("/Filter /FlateDecode", ms.ToArray());
        using var doc = PdfDocument.Open(b.Build("/Root 1 0 R"), new PdfOpenOptions { MaxDecompressedBytesPerStream = 100_000 });
        var page = doc.GetPage(1);
        Assert.Empty(page.Letters);
        Assert.Contains(page.Warnings, w => w.Contains("100000", StringComparison.Ordinal));
    }

    [Fact]
    public void ABombInOneContentStreamLeavesThePagesOtherStreamsRead()
    {
        using var ms = new MemoryStream();
        using (var z = new ZLibStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(new byte[5_000_000]);
        }

        var b = new PdfBuilder();
        b.Add("<< /Type /Catalog /Pages 2 0 R >>");
        b.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + PdfBuilder.Helvetica + " /Contents [4 0 R 5 0 R] >>");
        b.AddStream("/Filter /FlateDecode", ms.ToArray());
        b.AddStream(string.Empty, "BT /F1 10 Tf 100 700 Td (Kept) Tj ET");
        using var doc = PdfDocument.Open(b.Build("/Root 1 0 R"), new PdfOpenOptions { MaxDecompressedBytesPerStream = 100_000 });
        var page = doc.GetPage(1);
        Assert.Equal("Kept", PdfBuilder.Text(page));
        Assert.Contains("limit exceeded, content stream 4 not read: decoded stream larger than 100000 bytes", page.Warnings);
    }

    [Fact]
    public void AStreamOverTheLimitIsInflatedOnceNotOnEveryPageThatDrawsIt()
    {
        // 300 pages share one stream of 60 MB of spaces: each page inflated it up to the limit again (seconds).
        using var ms = new MemoryStream();
        using (var z = new ZLibStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            var chunk = new byte[1 << 20];
            chunk.AsSpan().Fill((byte)' ');
            for (int i = 0; i < 60; i++)
            {
                z.Write(chunk);
            }
        }

        var b = new PdfBuilder();
        b.Add("<< /Type /Catalog /Pages 2 0 R >>");
        b.Add("<< /Type /Pages /Kids [" + string.Join(' ', Enumerable.Range(0, 300).Select(i => $"{i + 4} 0 R")) + "] /Count 300 >>");
        b.AddStream("/Filter /FlateDecode", ms.ToArray());
        for (int i = 0; i < 300; i++)
        {
            b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + PdfBuilder.Helvetica + " /Contents 3 0 R >>");
        }

        using var doc = PdfDocument.Open(b.Build("/Root 1 0 R"), new PdfOpenOptions { MaxDecompressedBytesPerStream = 50_000_000 });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var page in doc.GetPages())
        {
            Assert.Contains("limit exceeded, content stream 3 not read: decoded stream larger than 50000000 bytes", page.Warnings);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed}");
    }

    [Fact]
    public void TotalDecodedBytesAreCountedOverTheDocument()
    {
        // Two pages, each with 60 000 bytes of content: a 100 000-byte budget reads the first and stops the second.
        string content = "BT /F1 10 Tf 100 700 Td (Page) Tj ET" + new string(' ', 60_000);
        var b = new PdfBuilder();
        b.Add("<< /Type /Catalog /Pages 2 0 R >>");
        b.Add("<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>");
        b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + PdfBuilder.Helvetica + " /Contents 4 0 R >>");
        b.AddStream(string.Empty, content);
        b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + PdfBuilder.Helvetica + " /Contents 6 0 R >>");
        b.AddStream(string.Empty, content);
        using var doc = PdfDocument.Open(b.Build("/Root 1 0 R"), new PdfOpenOptions { MaxTotalDecompressedBytes = 100_000 });
        Assert.Equal("Page", PdfBuilder.Text(doc.GetPage(1)));
        var second = doc.GetPage(2);
        Assert.Empty(second.Letters);
        Assert.Contains(second.Warnings, w => w.Contains("limit", StringComparison.Ordinal));
    }

    [Fact]
    public void OnceTheTotalBudgetIsSpentLaterStreamsAreRefusedWithoutInflatingThem()
    {
        // Twenty pages share one Flate stream of 10 MB; a 25 MB budget reads two, then refuses the rest by the
        // total, not as a stream "larger than" what happened to be left.
        var plain = System.Text.Encoding.ASCII.GetBytes("BT /F1 10 Tf 100 700 Td (Page) Tj ET" + new string(' ', 10_000_000));
        using var ms = new MemoryStream();
        using (var z = new ZLibStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(plain);
        }

        var b = new PdfBuilder();
        b.Add("<< /Type /Catalog /Pages 2 0 R >>");
        b.Add("<< /Type /Pages /Kids [" + string.Join(' ', Enumerable.Range(0, 20).Select(i => $"{i + 4} 0 R")) + "] /Count 20 >>");
        b.AddStream("/Filter /FlateDecode", ms.ToArray());
        for (int i = 0; i < 20; i++)
        {
            b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + PdfBuilder.Helvetica + " /Contents 3 0 R >>");
        }

        using var doc = PdfDocument.Open(b.Build("/Root 1 0 R"), new PdfOpenOptions { MaxTotalDecompressedBytes = 25_000_000 });
        Assert.Equal("Page", PdfBuilder.Text(doc.GetPage(1)));
        Assert.Equal("Page", PdfBuilder.Text(doc.GetPage(2)));
        for (int n = 3; n <= 20; n++)
        {
            var page = doc.GetPage(n);
            Assert.Empty(page.Letters);
            Assert.Contains("limit exceeded, content stream 3 not read: more than 25000000 decoded bytes in total", page.Warnings);
        }
    }

    [Fact]
    public void FileSizeLimitAndCancellationFailOpen()
    {
        var data = PdfBuilder.OnePage("BT /F1 10 Tf 100 700 Td (A) Tj ET", PdfBuilder.Helvetica);
        var big = Assert.Throws<PdfReadException>(() => PdfDocument.Open(data, new PdfOpenOptions { MaxFileBytes = 100 }));
        Assert.Equal(PdfErrorKind.LimitExceeded, big.Kind);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var cancelled = Assert.Throws<PdfReadException>(() => PdfDocument.Open(data, new PdfOpenOptions { CancellationToken = cts.Token }));
        Assert.Equal(PdfErrorKind.Timeout, cancelled.Kind);
    }

    [Fact]
    public void TooManyPagesIsALimit()
    {
        var data = PdfBuilder.OnePage("BT ET", PdfBuilder.Helvetica);
        var e = Assert.Throws<PdfReadException>(() => PdfDocument.Open(data, new PdfOpenOptions { MaxPages = 0 }));
        Assert.Equal(PdfErrorKind.LimitExceeded, e.Kind);
    }

    [Fact]
    public void GarbageOperandsDoNotThrow()
    {
        var data = PdfBuilder.OnePage("q 1 2 3 4 5 6 7 8 9 cm Q /X Tf (s) 12 Td [1 (a)] Tj ] >> } { BT /F1 (10) Tf /F1 10 Tf 100 700 Td (ok) Tj ET Q Q Q EMC", PdfBuilder.Helvetica);
        using var doc = PdfDocument.Open(data);
        Assert.Equal("ok", PdfBuilder.Text(doc.GetPage(1)));
    }

    [Fact]
    public void LettersBeyondThePageLimitAreNotReadAndSaid()
    {
        var data = PdfBuilder.OnePage("BT /F1 10 Tf 100 700 Td (ABCDEFGH) Tj ET", PdfBuilder.Helvetica);
        using var doc = PdfDocument.Open(data, new PdfOpenOptions { MaxLettersPerPage = 3 });
        var page = doc.GetPage(1);
        Assert.Equal("ABC", PdfBuilder.Text(page));
        Assert.Single(page.Warnings, w => w == "more than 3 letters on the page; the rest are not read");
    }

    [Fact]
    public void GlyphsWithoutTextCountTowardsTheLimitToo()
    {
        // Codes 1 and 2 map to no text (no ToUnicode, no encoding name): they are kept for word breaking only,
        // and a long string of them must not grow that list without bound.
        var content = "BT /F1 10 Tf 100 700 Td (" + new string('\u0001', 5000) + ") Tj ET";
        var data = PdfBuilder.OnePage(content, "<< /Font << /F1 << /Type /Font /Subtype /Type3 /FontMatrix [0.001 0 0 0.001 0 0] /FontBBox [0 0 1000 1000] /CharProcs << >> /Encoding << /Differences [1 /g1] >> /FirstChar 1 /LastChar 1 /Widths [500] /Resources << >> >> >> >>");
        using var doc = PdfDocument.Open(data, new PdfOpenOptions { MaxLettersPerPage = 100 });
        var page = doc.GetPage(1);
        Assert.Contains("more than 100 letters on the page; the rest are not read", page.Warnings);
    }

    [Fact]
    public void RulingsBeyondThePageLimitAreNotReadAndSaid()
    {
        var data = PdfBuilder.OnePage("0 0 m 100 0 l S 0 10 m 100 10 l S 0 20 m 100 20 l S 0 30 m 100 30 l S", PdfBuilder.Helvetica);
        using var doc = PdfDocument.Open(data, new PdfOpenOptions { MaxSegmentsPerPage = 2 });
        var page = doc.GetPage(1);
        Assert.Equal(2, page.Segments.Count);
        Assert.Single(page.Warnings, w => w == "more than 2 rulings on the page; the rest are not read");
    }

    [Fact]
    public void RulingsWithInfiniteEndsAreDropped()
    {
        // The matrix overflows to infinity: no ruling can be placed there.
        const string huge = "100000000000000000000000000000000000000";
        var overflow = string.Concat(Enumerable.Repeat($"{huge} 0 0 {huge} 0 0 cm ", 9));
        var data = PdfBuilder.OnePage($"q {overflow} 0 0 m 1 0 l S Q 0 0 m 100 0 l S", PdfBuilder.Helvetica);
        using var doc = PdfDocument.Open(data);
        var page = doc.GetPage(1);
        Assert.Single(page.Segments);
        Assert.All(page.Segments, s => Assert.True(double.IsFinite(s.Start.X + s.End.X)));
    }

    [Fact]
    public void TheTimeBudgetIsCheckedInsideALongString()
    {
        // One Tj of 20 million codes in a font whose CMap has 100 four-byte codespace ranges, none matching:
        // each code walks them all (about a microsecond), and the whole string took far longer than the budget.
        var ranges = string.Concat(Enumerable.Range(0, 100).Select(i => $"<FF{i:X2}0000> <FF{i:X2}FFFF> "));
        var b = new PdfBuilder();
        b.Add("<< /Type /Catalog /Pages 2 0 R >>");
        b.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>");
        b.AddStream(string.Empty, "BT /F1 1 Tf 0 0 Td (" + new string('a', 20_000_000) + ") Tj ET");
        b.Add("<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding 6 0 R /DescendantFonts [7 0 R] >>");
        b.AddStream(string.Empty, $"100 begincodespacerange {ranges} endcodespacerange");
        b.Add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>");
        using var doc = PdfDocument.Open(b.Build("/Root 1 0 R"), new PdfOpenOptions { Timeout = TimeSpan.FromMilliseconds(500), MaxLettersPerPage = 10 });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var page = doc.GetPage(1);
        Assert.Contains("page read partly: time budget spent", page.Warnings);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void PageNumberOutOfRangeIsAnArgumentError()
    {
        using var doc = PdfDocument.Open(PdfBuilder.OnePage("BT ET", PdfBuilder.Helvetica));
        Assert.Throws<ArgumentOutOfRangeException>(() => doc.GetPage(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => doc.GetPage(0));
    }
}
