using Extractor.Pdf.Tests.Support;

namespace Extractor.Pdf.Tests.Parsing;

/// <summary>Structures the reader repairs or cuts short are reported, once each: nothing is dropped without a word.</summary>
public class StructureWarningTests
{
    [Fact]
    public void APageTreeLoopIsReadOnceAndReported()
    {
        // Pages 2 and 5 are each other's kid; page 3 is listed by 5.
        var b = new PdfBuilder();
        b.Add("<< /Type /Catalog /Pages 2 0 R >>");
        b.Add("<< /Type /Pages /Kids [5 0 R] /Count 1 >>");
        b.Add("<< /Type /Page /Parent 5 0 R /MediaBox [0 0 612 792] /Resources " + PdfBuilder.Helvetica + " /Contents 4 0 R >>");
        b.AddStream(string.Empty, "BT /F1 10 Tf 100 700 Td (Looped) Tj ET");
        b.Add("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 /Parent 2 0 R >>");
        using var doc = PdfDocument.Open(b.Build("/Root 1 0 R"));
        Assert.Equal(1, doc.NumberOfPages);
        Assert.Equal("Looped", PdfBuilder.Text(doc.GetPage(1)));
        Assert.Contains(doc.Warnings, w => w.Contains("page tree lists object 2 more than once", StringComparison.Ordinal));
    }

    [Fact]
    public void APageTreeDeeperThanTheLimitIsReported()
    {
        var b = new PdfBuilder();
        b.Add("<< /Type /Catalog /Pages 5 0 R >>");
        b.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + PdfBuilder.Helvetica + " /Contents 4 0 R >>");
        b.AddStream(string.Empty, "BT /F1 10 Tf 100 700 Td (Deep) Tj ET");
        for (int n = 5; n < 1005; n++)
        {
            b.Add($"<< /Type /Pages /Kids [{(n == 1004 ? 2 : n + 1)} 0 R] /Count 1 >>");
        }

        using var doc = PdfDocument.Open(b.Build("/Root 1 0 R"));
        Assert.Contains(doc.Warnings, w => w.Contains("page tree deeper than 256 levels", StringComparison.Ordinal));
    }

    [Fact]
    public void AChainOfReferencesCutShortIsReported()
    {
        // The second content stream sits at the end of a chain of 100 references.
        var b = new PdfBuilder();
        b.Add("<< /Type /Catalog /Pages 2 0 R >>");
        b.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + PdfBuilder.Helvetica + " /Contents [4 0 R 5 0 R] >>");
        b.AddStream(string.Empty, "BT /F1 10 Tf 100 700 Td (Start) Tj ET");
        for (int n = 5; n < 105; n++)
        {
            b.Add($"{n + 1} 0 R");
        }

        b.AddStream(string.Empty, "BT /F1 10 Tf 100 600 Td (End) Tj ET");
        using var doc = PdfDocument.Open(b.Build("/Root 1 0 R"));
        var page = doc.GetPage(1);
        Assert.Equal("Start", PdfBuilder.Text(page));
        Assert.Contains(page.Warnings, w => w.Contains("a chain of references longer than 32 (or a cycle)", StringComparison.Ordinal));
    }

    [Fact]
    public void ARepeatedProblemIsToldOnceAndProblemsAreCapped()
    {
        // 300 pages whose content streams sit at wrong offsets: one warning per object, capped.
        var b = new PdfBuilder();
        b.Add("<< /Type /Catalog /Pages 2 0 R >>");
        var kids = string.Join(' ', Enumerable.Range(0, 300).Select(i => $"{3 + (2 * i)} 0 R"));
        b.Add($"<< /Type /Pages /Kids [{kids}] /Count 300 >>");
        for (int i = 0; i < 300; i++)
        {
            b.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources {PdfBuilder.Helvetica} /Contents {4 + (2 * i)} 0 R >>");
            b.AddStream(string.Empty, $"BT /F1 10 Tf 100 700 Td (P{i}) Tj ET");
        }

        var data = b.Build("/Root 1 0 R", out var offsets);

        // Shift every content stream's xref offset by one byte.
        var text = System.Text.Encoding.Latin1.GetString(data);
        for (int i = 0; i < 300; i++)
        {
            var wrong = (offsets[3 + (2 * i)] + 1).ToString("D10", System.Globalization.CultureInfo.InvariantCulture) + " 00000 n";
            var right = offsets[3 + (2 * i)].ToString("D10", System.Globalization.CultureInfo.InvariantCulture) + " 00000 n";
            text = text.Replace(right, wrong, StringComparison.Ordinal);
        }

        using var doc = PdfDocument.Open(System.Text.Encoding.Latin1.GetBytes(text));
        for (int n = 1; n <= doc.NumberOfPages; n++)
        {
            Assert.Equal($"P{n - 1}", PdfBuilder.Text(doc.GetPage(n)));
        }

        Assert.Equal(101, doc.Warnings.Count);
        Assert.Equal(doc.Warnings.Count, doc.Warnings.Distinct().Count());
        Assert.Contains("more than 100 problems", doc.Warnings[^1], StringComparison.Ordinal);
    }
}
