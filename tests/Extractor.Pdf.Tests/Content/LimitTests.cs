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
    public void PageNumberOutOfRangeIsAnArgumentError()
    {
        using var doc = PdfDocument.Open(PdfBuilder.OnePage("BT ET", PdfBuilder.Helvetica));
        Assert.Throws<ArgumentOutOfRangeException>(() => doc.GetPage(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => doc.GetPage(0));
    }
}
