using System.Collections.Concurrent;
using System.Text;
using Extractor.Model;
using Extractor.Pdf;
using Extractor.Tests.Support;
using Extractor.Sources.Ocr;

namespace Extractor.Tests.Ocr;

/// <summary>The pixel budget of a page's rendering: large pages at a lower resolution, absurd ones not at all.</summary>
public sealed class PageSizeTests
{
    /// <summary>Records what it is asked to run and fails pdftoppm, so nothing is rendered.</summary>
    private sealed class RecordingRunner : IToolRunner
    {
        public ConcurrentBag<string> Runs { get; } = [];

        public ToolResult Run(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
        {
            Runs.Add(program + " " + string.Join(' ', arguments));
            return new ToolResult(1, string.Empty, "not rendered in this test");
        }
    }

    /// <summary>The image-only scan with its /MediaBox (842.04 × 595.44 pt) replaced by one of the same length.</summary>
    private static PdfDocument WithMediaBox(string box)
    {
        var bytes = File.ReadAllBytes(RepoPaths.Combine("fixtures", "scans", "split-target-image-200.pdf"));
        var text = Encoding.Latin1.GetString(bytes).Replace("/MediaBox [ 0 0 842.04 595.44 ]", $"/MediaBox [ 0 0 {box} ]", StringComparison.Ordinal);
        return PdfDocument.Open(Encoding.Latin1.GetBytes(text));
    }

    [Theory]
    [InlineData("842.04 595.44", 200)] // A4 landscape: the set resolution
    [InlineData("2999.0 2999.0", 107)] // 41.7 inches square: √(20,000,000 / 1,735) = 107 dpi
    public void LargePagesAreRenderedWithinThePixelBudget(string box, int dpi)
    {
        using var pdf = WithMediaBox(box);
        var runner = new RecordingRunner();
        var (image, _, problem) = PdfPageRenderer.Render(runner, "scan.pdf", pdf.GetPage(1), TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Null(image);
        Assert.Contains("not rendered in this test", problem, StringComparison.Ordinal);
        var render = Assert.Single(runner.Runs, r => r.StartsWith(OcrTools.Pdftoppm, StringComparison.Ordinal));
        Assert.StartsWith($"{OcrTools.Pdftoppm} -r {dpi} ", render, StringComparison.Ordinal);
    }

    [Fact]
    public void APageTooLargeToRenderIsNotReadAndSaysWhy()
    {
        using var pdf = WithMediaBox("9999.0 9999.0");
        var runner = new RecordingRunner();
        var (image, _, problem) = PdfPageRenderer.Render(runner, "scan.pdf", pdf.GetPage(1), TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Null(image);
        Assert.Empty(runner.Runs);
        Assert.Equal("the page is 138.9 × 138.9 inches, too large to render for OCR", problem);
    }
}
