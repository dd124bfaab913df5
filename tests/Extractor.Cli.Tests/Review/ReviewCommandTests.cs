using System.Buffers.Binary;
using System.Text.Json;
using System.Text.RegularExpressions;
using Extractor.Cli.Tests.Support;

namespace Extractor.Cli.Tests.Review;

/// <summary><c>extractor review</c> as a process: the page of a PDF, of row text, without pdftoppm, and its usage errors.</summary>
public sealed partial class ReviewCommandTests(ReviewedPdf reviewed) : IClassFixture<ReviewedPdf>, IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("extractor-review-cli-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void APdfGivesEveryPageAsAnImageWithEveryRowBoxed()
    {
        var html = reviewed.Html;
        Assert.Equal(string.Empty, reviewed.Run.Stdout);
        Assert.Contains("3 forms, 71 indicators, 8 page images", reviewed.Run.Stderr, StringComparison.Ordinal);

        // Eight page images, inline PNGs whose longest side is the default 1400 pixels (A4 upright: 990 × 1400).
        var images = Image().Matches(html).Select(m => Convert.FromBase64String(m.Groups["png"].Value)).ToList();
        Assert.Equal(8, images.Count);
        Assert.All(images, png => Assert.Equal((990, 1400), Size(png)));

        // Every fund row and indicator has its box, and nothing else has one.
        var boxed = Box().Matches(html).Select(m => m.Groups["path"].Value).ToHashSet();
        Assert.Equal(reviewed.IndicatorPaths.Concat(reviewed.FundRowPaths).Order(), boxed.Order());
        Assert.Equal(71, reviewed.IndicatorPaths.Count);

        // The first indicator's values beside its box; form 3's missed targets given full marks are marked.
        Assert.Contains("<b>发放劳务费的居民区书记及社工总人数</b> 目标 =39人 · 实际 39人 · 分值 5 · 得分 5</span>", html, StringComparison.Ordinal);
        var marked = Box().Matches(html).Where(m => m.Groups["marks"].Value.Contains("check-info", StringComparison.Ordinal)).Select(m => m.Groups["path"].Value).ToHashSet();
        Assert.Equal(["forms[2].indicators[30]", "forms[2].indicators[4]", "forms[2].indicators[7]"], marked.Order(StringComparer.Ordinal));
        Assert.Contains("forms[1].total.score <b>total-score-missing</b>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(Url(), html);
    }

    [Fact]
    public void PageCountAndImageSizeAreBounded()
    {
        var page = Path.Combine(temp, "two.html");
        var run = ExtractorProcess.Run("review", reviewed.Pdf, "-o", page, "--max-pages", "2", "--image-size", "300");

        Assert.Equal(0, run.ExitCode);
        var html = File.ReadAllText(page);
        var images = Image().Matches(html).Select(m => Convert.FromBase64String(m.Groups["png"].Value)).ToList();
        Assert.Equal([(213, 300), (213, 300)], images.Select(Size));
        Assert.Contains("pages 3–8 not drawn: only the first 2 pages are (--max-pages)", html, StringComparison.Ordinal);
        Assert.Contains("pages 3–8 not drawn", run.Stderr, StringComparison.Ordinal);

        // Form 1 is on pages 1–2: its rows are drawn; forms 2 and 3 (pages 3–8) are only in the table of rows.
        var boxed = Box().Matches(html).Select(m => m.Groups["path"].Value).Distinct().ToList();
        Assert.Equal(4 + 18, boxed.Count);
        Assert.All(boxed, path => Assert.StartsWith("forms[0].", path, StringComparison.Ordinal));
        Assert.Contains("<summary>Rows read (83), 61 not drawn on a page image</summary>", html, StringComparison.Ordinal);
        Assert.Equal(83, Record().Count(html));
    }

    [Fact]
    public void RowTextGivesTheTableOfRowsAndOfTheText()
    {
        var page = Path.Combine(temp, "seed.html");
        var run = ExtractorProcess.Run("review", TestFiles.Seed, "-o", page);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        var html = File.ReadAllText(page);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("This input (text) has no page images", html, StringComparison.Ordinal);

        var records = Record().Matches(html).Select(m => m.Groups["path"].Value).ToList();
        Assert.Equal(TestFiles.SeedIndicators, records.Count(p => p.Contains(".indicators[", StringComparison.Ordinal)));
        Assert.Contains("forms[2].indicators[30]", records);

        // The row text, line by line as in the file, the lines read marked with the rows read from them.
        var lines = File.ReadAllText(TestFiles.Seed).TrimEnd('\n').Split('\n').Length;
        Assert.Contains($"<summary>Row text ({lines} lines)</summary>", html, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(ExtractorProcess.Run("convert", TestFiles.Seed).Stdout);
        var first = json.RootElement.GetProperty("forms")[0].GetProperty("indicators")[0].GetProperty("source").GetProperty("lines")[0].GetInt32();
        Assert.Matches($"<tr class=\"read\" data-paths=\"forms\\[0\\]\\.indicators\\[0\\]\" title=\"[^\"]*\"><th>{first}</th>(<td>[^<]*</td>)*<td>发放劳务费的居民区书记及社工总人数</td><td>=39人</td>", html);
    }

    [Fact]
    public void WithoutPdftoppmThePageIsTheTableAndSaysWhatToInstall()
    {
        var empty = Directory.CreateDirectory(Path.Combine(temp, "no-tools")).FullName;
        var page = Path.Combine(temp, "fallback.html");
        var run = ExtractorProcess.RunWith(new Dictionary<string, string?> { ["PATH"] = empty }, "review", reviewed.Pdf, "-o", page);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("pdftoppm could not be started", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("apt-get install poppler-utils", run.Stderr, StringComparison.Ordinal);
        var html = File.ReadAllText(page);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("install the package poppler-utils", html, StringComparison.Ordinal);
        Assert.Contains("<details open><summary>Rows read (83)", html, StringComparison.Ordinal);
        Assert.Contains("<summary>Row text (", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--max-pages", "0")]
    [InlineData("--image-size", "10000")]
    public void BadBoundsAreUsageErrors(string option, string value)
    {
        var run = ExtractorProcess.Run("review", TestFiles.Seed, "-o", Path.Combine(temp, "x.html"), option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp, "x.html")));
    }

    [Fact]
    public void WithoutAnOutputOrAnInputItIsAUsageError()
    {
        Assert.Equal(2, ExtractorProcess.Run("review", TestFiles.Seed).ExitCode);
        var missing = ExtractorProcess.Run("review", Path.Combine(temp, "nothing.pdf"), "-o", Path.Combine(temp, "y.html"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such file", missing.Stderr, StringComparison.Ordinal);
    }

    private static (int Width, int Height) Size(byte[] png) =>
        ((int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(16)), (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(20)));

    [GeneratedRegex("<img alt=\"page \\d+\" src=\"data:image/png;base64,(?<png>[A-Za-z0-9+/=]+)\">")]
    private static partial Regex Image();

    [GeneratedRegex("<a class=\"box(?<marks>[^\"]*)\"[^>]* data-path=\"(?<path>[^\"]+)\"")]
    private static partial Regex Box();

    [GeneratedRegex("<tr class=\"record[^\"]*\" id=\"[^\"]+\" data-path=\"(?<path>[^\"]+)\"")]
    private static partial Regex Record();

    [GeneratedRegex("(?i)(https?|ftp|wss?)://")]
    private static partial Regex Url();
}
