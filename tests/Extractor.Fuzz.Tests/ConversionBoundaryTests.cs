using Extractor.Conversion;
using Extractor.Model;
using Extractor.Sources.Ocr;

namespace Extractor.Fuzz.Tests;

/// <summary>Whatever goes wrong inside a conversion comes back as the file's error, never as an exception.</summary>
public sealed class ConversionBoundaryTests
{
    /// <summary>A tool runner with a bug: it throws what no caller expects.</summary>
    private sealed class BrokenRunner : IToolRunner
    {
        public ToolResult Run(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the runner is broken");
    }

    [Fact]
    public void AnUnexpectedExceptionBecomesAnUnreadableErrorNamingTheFileAndTheException()
    {
        var options = ExtractorOptions.Default with { Ocr = OcrMode.Always, OcrToolRunner = new BrokenRunner() };
        var document = DocumentConverter.Convert("scan.pdf", PdfWriter.OnePage("BT /F1 10 Tf 72 700 Td (Text) Tj ET"), options);
        var error = Assert.Single(document.Diagnostics);
        Assert.Equal((DiagnosticCodes.Unreadable, Severity.Error), (error.Code, error.Severity));
        Assert.Equal("scan.pdf: internal error: InvalidOperationException: the runner is broken", error.Message);
        Assert.Equal("scan.pdf", document.Source.Path);
    }
}
