using Extractor.Pdf.Tests.Support;
using Xunit.Abstractions;

namespace Extractor.Pdf.Tests.Differential;

/// <summary>
/// Differential tests against poppler over every PDF of <c>fixtures/pdf-corpus/</c> and of this project's own
/// TestData: per page, the non-space characters must equal pdftotext's and every letter must sit inside the box of a
/// poppler word holding it (1 pt tolerance).
/// </summary>
public class CorpusTests
{
    private readonly ITestOutputHelper output;

    public CorpusTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    public static IEnumerable<object[]> Files()
    {
        foreach (var f in CorpusFiles())
        {
            yield return [Path.GetRelativePath(RepoPaths.Root, f)];
        }
    }

    internal static List<string> CorpusFiles()
    {
        var files = new List<string>();
        if (Directory.Exists(RepoPaths.CorpusDirectory))
        {
            files.AddRange(Directory.GetFiles(RepoPaths.CorpusDirectory, "*.pdf", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        }

        files.AddRange(Directory.GetFiles(RepoPaths.TestData("pdf"), "*.pdf").Order(StringComparer.Ordinal));
        return files;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryPageAgreesWithPoppler(string relativePath)
    {
        PopplerReference.Require();
        var path = Path.Combine(RepoPaths.Root, relativePath);
        var expected = CorpusManifest.Expectation(path);
        if (expected == "encrypted")
        {
            // The corpus marks files that need a password: they must fail with the Encrypted kind.
            var e = Assert.Throws<PdfReadException>(() => PdfDocument.Open(path));
            Assert.Equal(PdfErrorKind.Encrypted, e.Kind);
            return;
        }

        var results = DifferentialCheck.CompareFile(path);
        if (results.Count == 0)
        {
            // pdftotext cannot read it: nothing to compare, but our reader must still fail cleanly or read every page.
            output.WriteLine("pdftotext cannot read this file");
            try
            {
                using var doc = PdfDocument.Open(path);
                Assert.All(doc.GetPages(), p => Assert.NotNull(p.Letters));
            }
            catch (PdfReadException e)
            {
                output.WriteLine($"Extractor.Pdf: {e.Kind}: {e.Message}");
            }

            return;
        }

        foreach (var r in results)
        {
            output.WriteLine($"page {r.PageNumber}: {(r.Passed ? "pass" : "FAIL " + r.Detail)}");
        }

        var failed = results.Where(r => !r.Passed).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} of {results.Count} pages differ from poppler: " +
            string.Join(" | ", failed.Take(3).Select(f => $"page {f.PageNumber}: {f.Detail}")));
    }

    [Fact]
    public void PopplerIsInstalled()
    {
        // Without pdftotext the differential tests cannot run; say so plainly.
        PopplerReference.Require();
        Assert.True(PopplerReference.IsAvailable);
    }
}
