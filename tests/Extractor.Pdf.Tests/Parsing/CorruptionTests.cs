using Extractor.Pdf.Tests.Support;

namespace Extractor.Pdf.Tests.Parsing;

/// <summary>Damaged inputs: whatever the bytes, only <see cref="PdfReadException"/> may leave the public API.</summary>
public class CorruptionTests
{
    public static IEnumerable<object[]> Seeds() => Enumerable.Range(0, 12).Select(i => new object[] { i });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MutatedFilesOpenOrFailWithPdfReadException(int seed)
    {
        var sources = new[]
        {
            RepoPaths.TestData("pdf", "libreoffice-table.pdf"),
            RepoPaths.TestData("pdf", "tesseract-searchable.pdf"),
            RepoPaths.TestData("pdf", "ghostscript-ps2pdf.pdf"),
            RepoPaths.TestData("encrypted", "aes-128.pdf"),
        };
        var random = new Random(seed);
        var original = File.ReadAllBytes(sources[seed % sources.Length]);
        int opened = 0, rejected = 0;
        for (int round = 0; round < 25; round++)
        {
            var data = Mutate(original, random);
            try
            {
                using var doc = PdfDocument.Open(data, new PdfOpenOptions { Timeout = TimeSpan.FromSeconds(20) });
                foreach (var page in doc.GetPages())
                {
                    Assert.NotNull(page.Letters);
                }

                opened++;
            }
            catch (PdfReadException)
            {
                rejected++;
            }
        }

        Assert.Equal(25, opened + rejected);
    }

    [Fact]
    public void ChainsOfLengthReferencesAndCyclesDoNotExhaustTheStack()
    {
        // Object 5 is the page content; its /Length points at a stream whose /Length points at the next, 20 000 deep.
        var b = new PdfBuilder();
        b.Add("<< /Type /Catalog /Pages 2 0 R >>");
        b.Add("<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 1 >>");
        b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + PdfBuilder.Helvetica + " /Contents 4 0 R >>");
        const string content = "BT /F1 10 Tf 100 700 Td (Deep) Tj ET";
        b.Add($"<< /Length 5 0 R >>\nstream\n{content}\nendstream");
        for (int n = 5; n < 20_005; n++)
        {
            b.Add($"<< /Length {n + 1} 0 R >>\nstream\nx\nendstream");
        }

        b.Add("<< /Length 20005 0 R >>\nstream\nx\nendstream");
        using var doc = PdfDocument.Open(b.Build("/Root 1 0 R"));
        Assert.Equal(1, doc.NumberOfPages);
        Assert.Equal("Deep", PdfBuilder.Text(doc.GetPage(1)));
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var data = (byte[])original.Clone();
        switch (random.Next(4))
        {
            case 0:
                // Flip a few bytes anywhere.
                for (int i = random.Next(1, 40); i > 0; i--)
                {
                    data[random.Next(data.Length)] = (byte)random.Next(256);
                }

                return data;
            case 1:
                // Truncate.
                return data.AsSpan(0, random.Next(1, data.Length)).ToArray();
            case 2:
                // Overwrite a block with digits and delimiters, the bytes the parser cares about.
                const string alphabet = "0123456789 <>[]()/RobjendstreamxrefQqTjTJ\n";
                int start = random.Next(data.Length);
                for (int i = start; i < Math.Min(data.Length, start + random.Next(1, 200)); i++)
                {
                    data[i] = (byte)alphabet[random.Next(alphabet.Length)];
                }

                return data;
            default:
                // Duplicate a chunk in place of another.
                int from = random.Next(data.Length);
                int to = random.Next(data.Length);
                int length = Math.Min(random.Next(1, 4096), Math.Min(data.Length - from, data.Length - to));
                Array.Copy(original, from, data, to, length);
                return data;
        }
    }
}
