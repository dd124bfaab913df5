using System.Globalization;
using System.Text;
using Extractor.Conversion;
using Extractor.Model;

namespace Extractor.Fuzz.Tests;

/// <summary>The limits one conversion runs under: time, letters, decoded bytes. Each stop is an error or warning that says why.</summary>
public sealed class ConversionLimitTests
{
    private static string Repeat(string s, int count) => new StringBuilder(s.Length * count).Insert(0, s, count).ToString();

    /// <summary>Pages of 2,000,000 operators each: reading them takes seconds.</summary>
    private static byte[] SlowPdf(int pages)
    {
        var pdf = new PdfWriter();
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        var kids = string.Join(' ', Enumerable.Range(0, pages).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i + 4} 0 R")));
        pdf.Add($"<< /Type /Pages /Kids [{kids}] /Count {pages} >>");
        pdf.AddFlateStream(string.Empty, Encoding.ASCII.GetBytes(Repeat("q Q ", 1_000_000)));
        for (var i = 0; i < pages; i++)
        {
            pdf.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {PdfWriter.Helvetica} /Contents 3 0 R >>");
        }

        return pdf.Build("/Root 1 0 R");
    }

    [Fact]
    public void AConversionOverItsTimeLimitStopsWithATimeoutError()
    {
        // Before, the limit applied to each page on its own, so 40 slow pages took 40 times the limit.
        var options = ExtractorOptions.Default with { Timeout = TimeSpan.FromMilliseconds(500) };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var document = DocumentConverter.Convert("slow.pdf", SlowPdf(40), options);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        var error = Assert.Single(document.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.Timeout, error.Code);
        Assert.StartsWith("slow.pdf: timed out after 0.5 s, reading page ", error.Message, StringComparison.Ordinal);
        Assert.Empty(document.Forms);
    }

    [Fact]
    public void TheCallersCancellationIsThrownNotReported()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => DocumentConverter.Convert("slow.pdf", SlowPdf(1), ExtractorOptions.Default, cancel.Token));
    }

    [Fact]
    public void LettersBeyondTheDocumentLimitStopReadingWithAnError()
    {
        var pdf = new PdfWriter();
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add("<< /Type /Pages /Kids [4 0 R 5 0 R 6 0 R] /Count 3 >>");
        pdf.AddStream(string.Empty, "BT /F1 10 Tf 72 700 Td (ABCDEFGHIJ) Tj ET"u8.ToArray());
        for (var i = 0; i < 3; i++)
        {
            pdf.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {PdfWriter.Helvetica} /Contents 3 0 R >>");
        }

        var options = ExtractorOptions.Default with { MaxLettersPerDocument = 25 };
        var document = DocumentConverter.Convert("letters.pdf", pdf.Build("/Root 1 0 R"), options);
        Assert.Contains(document.Diagnostics, d => d.Severity == Severity.Error && d.Code == DiagnosticCodes.Unreadable
            && d.Message == "letters.pdf: more than 25 letters in the document; reading stopped at page 3 of 3");
        Assert.Equal(2, document.Diagnostics.Count(d => d.Code == DiagnosticCodes.UnplacedText && d.Text == "ABCDEFGHIJ"));
    }

    [Fact]
    public void LettersBeyondThePageLimitAreLeftOutWithAWarning()
    {
        var options = ExtractorOptions.Default with { MaxLettersPerPage = 4 };
        var document = DocumentConverter.Convert("page.pdf", PdfWriter.OnePage("BT /F1 10 Tf 72 700 Td (ABCDEFGHIJ) Tj ET"), options);
        Assert.Contains(document.Diagnostics, d => d.Severity == Severity.Warning && d.Code == DiagnosticCodes.Unreadable && d.Message == "page.pdf: more than 4 letters on the page; the rest are not read (page 1)");
        Assert.Contains(document.Diagnostics, d => d.Code == DiagnosticCodes.UnplacedText && d.Text == "ABCD");
    }

    [Fact]
    public void AStreamInflatingBeyondTheConversionsLimitIsCutWithAWarning()
    {
        // 40 MB of spaces from about 40 KB: the reader's own default would inflate up to 256 MB.
        var spaces = new byte[40 << 20];
        spaces.AsSpan().Fill((byte)' ');
        var bomb = Mutator.Deflate(spaces, System.IO.Compression.CompressionLevel.Optimal);
        var pdf = PdfWriter.OnePage("BT /F1 10 Tf 72 700 Td (Kept) Tj ET", pageEntries: "/Contents [4 0 R 5 0 R]", extra: w => w.AddStream("/Filter /FlateDecode", bomb));
        var document = DocumentConverter.Convert("bomb.pdf", pdf);
        Assert.Contains(document.Diagnostics, d => d.Severity == Severity.Warning && d.Message.Contains("decoded stream larger than 16777216 bytes", StringComparison.Ordinal));
    }
}
