using Extractor.Pdf.Tests.Support;

namespace Extractor.Pdf.Tests.Parsing;

public class ConcurrencyTests
{
    [Fact]
    public void DocumentsReadInParallelGiveTheSameText()
    {
        // Shared caches (predefined CMaps, glyph list, standard fonts) must be safe for the batch runner's threads.
        var files = Directory.GetFiles(RepoPaths.TestData("pdf"), "*.pdf").Order(StringComparer.Ordinal).ToArray();
        static string ReadAll(string f)
        {
            using var doc = PdfDocument.Open(f);
            return string.Concat(doc.GetPages().SelectMany(p => p.Letters).Select(l => l.Value));
        }

        var sequential = files.Select(ReadAll).ToArray();
        var parallel = new string[files.Length * 4];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = ReadAll(files[i % files.Length]));
        for (int i = 0; i < parallel.Length; i++)
        {
            Assert.Equal(sequential[i % files.Length], parallel[i]);
        }

        Assert.All(sequential, s => Assert.NotEmpty(s));
    }
}
