using System.Text;
using Extractor.Pdf.Tests.Support;

namespace Extractor.Pdf.Tests.Differential;

/// <summary>
/// Text in non-embedded CID fonts (no ToUnicode) whose /Encoding names a predefined CMap, one PDF per Adobe
/// collection in <c>TestData/cmaps</c> (written by its <c>make.py</c>): per page, the lines the reader gives must
/// be those of <c>pdftotext -raw</c>, recorded beside each PDF.
/// </summary>
public class PredefinedCMapTextTests
{
    public static TheoryData<string> Collections() => new() { "adobe-gb1", "adobe-cns1", "adobe-japan1", "adobe-korea1" };

    [Theory]
    [MemberData(nameof(Collections))]
    public void TextEqualsTheRecordedPdftotextOutput(string name)
    {
        var expected = File.ReadAllText(RepoPaths.TestData("cmaps", name + ".txt"), Encoding.UTF8).Split('\f');
        using var doc = PdfDocument.Open(RepoPaths.TestData("cmaps", name + ".pdf"));
        // pdftotext ends every page with a form feed.
        Assert.Equal(expected.Length - 1, doc.NumberOfPages);
        for (int n = 1; n <= doc.NumberOfPages; n++)
        {
            var page = doc.GetPage(n);
            Assert.Empty(page.Warnings);
            Assert.Equal($"page {n}\n" + Normalize(expected[n - 1].Split('\n')), $"page {n}\n" + Normalize(LinesOf(page)));
        }
    }

    [Theory]
    [MemberData(nameof(Collections))]
    public void GlyphBoxesAgreeWithPoppler(string name)
    {
        PopplerReference.Require();
        var results = DifferentialCheck.CompareFile(RepoPaths.TestData("cmaps", name + ".pdf"));
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.True(r.Passed, $"page {r.PageNumber}: {r.Detail}"));
    }

    /// <summary>
    /// The letters in content order as <c>pdftotext -raw</c> puts them: a new line where the baseline moves by more
    /// than half the font size (each glyph of a vertical line is a line of its own there), a space where a gap of
    /// more than a tenth of the font size is left (glyphs without Unicode leave one, and poppler ends the word).
    /// </summary>
    private static List<string> LinesOf(PdfPage page)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        Letter? previous = null;
        foreach (var letter in page.Letters)
        {
            if (previous is not null && Math.Abs(letter.StartBaseLine.Y - previous.StartBaseLine.Y) > previous.FontSize / 2)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            else if (previous is not null && letter.StartBaseLine.X - previous.EndBaseLine.X > previous.FontSize / 10)
            {
                line.Append(' ');
            }

            line.Append(letter.Value);
            previous = letter;
        }

        lines.Add(line.ToString());
        return lines;
    }

    /// <summary>Lines with runs of white space as one space, trimmed, empty ones left out.</summary>
    private static string Normalize(IEnumerable<string> lines) => string.Join("\n", lines
        .Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
        .Where(l => l.Length > 0));
}
