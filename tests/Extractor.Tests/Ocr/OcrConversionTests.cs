using Extractor.Conversion;
using Extractor.Model;
using Extractor.Pdf;
using Extractor.Tests.Support;
using Extractor.Sources.Ocr;

namespace Extractor.Tests.Ocr;

public sealed class OcrConversionTests
{
    /// <summary>A models folder that does not exist.</summary>
    private static readonly string MissingModels = Path.Combine(Path.GetTempPath(), "extractor-no-models-here");

    private static string Scan(string name) => RepoPaths.Combine("fixtures", "scans", name + ".pdf");

    public static TheoryData<string> BornDigital()
    {
        var data = new TheoryData<string>();
        foreach (var pdf in Directory.GetFiles(RepoPaths.Combine("fixtures", "forms", "pdf"), "*.pdf")
            .Concat(Directory.GetFiles(RepoPaths.Combine("fixtures", "variants"), "*.pdf"))
            .Order(StringComparer.Ordinal))
        {
            data.Add(pdf);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BornDigital))]
    public void PagesWithATextLayerAreNeverOcrd(string pdf)
    {
        var runner = new CountingRunner();
        var document = DocumentConverter.ConvertFile(pdf, ExtractorOptions.Default with { OcrToolRunner = runner, OcrModels = MissingModels });
        Assert.Empty(runner.Runs);
        Assert.DoesNotContain(document.Diagnostics, d => d.Code == DiagnosticCodes.OcrUnavailable);
        Assert.Equal(SourceKinds.Pdf, document.Source.Kind);
    }

    [Fact]
    public void ImageOnlyPagesAndPoorTesseractLayersNeedOcrInAuto()
    {
        using (var image = PdfDocument.Open(Scan("split-target-image-200")))
        {
            Assert.All(image.GetPages(), p => Assert.Equal(OcrNeed.NoTextLayer, OcrDecision.Decide(p, OcrMode.Auto)));
            Assert.All(image.GetPages(), p => Assert.Equal(OcrNeed.None, OcrDecision.Decide(p, OcrMode.Never)));
        }

        using var layer = PdfDocument.Open(Scan("two-forms-ocr-200"));
        Assert.All(layer.GetPages(), p => Assert.Equal(OcrNeed.PoorTextLayer, OcrDecision.Decide(p, OcrMode.Auto)));
    }

    [Fact]
    public void APageWithTooLittleTextToJudgeIsReadLikeTheRestOfItsScan()
    {
        // The last page holds only the 总分 row: too few characters to judge its layer on its own.
        using var pdf = PdfDocument.Open(Scan("long-libreoffice-ocr-150"));
        var pages = pdf.GetPages().ToList();
        Assert.Equal(OcrNeed.None, OcrDecision.Decide(pages[^1], OcrMode.Auto));
        Assert.All(OcrDecision.DecideAll(pages, OcrMode.Auto), need => Assert.Equal(OcrNeed.PoorTextLayer, need));

        // Born-digital pages stay as they are whatever else the document holds.
        using var born = PdfDocument.Open(RepoPaths.Combine("fixtures", "variants", "two-forms.pdf"));
        Assert.All(OcrDecision.DecideAll([.. born.GetPages(), pages[0]], OcrMode.Auto).SkipLast(1), need => Assert.Equal(OcrNeed.None, need));
    }

    [Fact]
    public void MissingModelsGiveOcrUnavailableNamingTheInstallCommand()
    {
        var runner = new CountingRunner();
        var document = DocumentConverter.ConvertFile(Scan("funds-ab-image-150"), ExtractorOptions.Default with { OcrToolRunner = runner, OcrModels = MissingModels });
        var unavailable = document.Diagnostics.Where(d => d.Code == DiagnosticCodes.OcrUnavailable).ToList();
        Assert.Equal([1, 2], unavailable.Select(d => d.Page!.Value));
        Assert.All(unavailable, d =>
        {
            Assert.Equal(Severity.Error, d.Severity);
            Assert.Contains("bash scripts/install-models.sh", d.Message, StringComparison.Ordinal);
            Assert.Contains(MissingModels, d.Message, StringComparison.Ordinal);
        });
        Assert.Equal(SourceKinds.Pdf, document.Source.Kind);

        // Nothing is rendered for models that are not there.
        Assert.Empty(runner.Runs);
    }

    [Fact]
    public void AnImageFileWithoutModelsFailsWithOcrUnavailable()
    {
        using var page = new OpenCvSharp.Mat(400, 300, OpenCvSharp.MatType.CV_8UC1, OpenCvSharp.Scalar.All(255));
        OpenCvSharp.Cv2.ImEncode(".png", page, out var png);
        var document = DocumentConverter.Convert("scan.png", png, ExtractorOptions.Default with { OcrModels = MissingModels });
        var error = Assert.Single(document.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.OcrUnavailable, error.Code);
        Assert.Contains("bash scripts/install-models.sh", error.Message, StringComparison.Ordinal);
        Assert.Equal(SourceKinds.ImageOcr, document.Source.Kind);
    }

    [Fact]
    public void AnImageTooSmallToBeAPageIsUnreadable()
    {
        using var icon = new OpenCvSharp.Mat(16, 16, OpenCvSharp.MatType.CV_8UC1, OpenCvSharp.Scalar.All(255));
        OpenCvSharp.Cv2.ImEncode(".png", icon, out var png);
        var document = DocumentConverter.Convert("icon.png", png);
        var error = Assert.Single(document.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.Unreadable, error.Code);
        Assert.Equal("icon.png: a PNG image: page 1 is 16 × 16 pixels, too small to be a scanned page", error.Message);
    }

    [Fact]
    public void MissingPdftoppmGivesOcrUnavailableNamingItsPackage()
    {
        var runner = new CountingRunner(missing: true);
        var document = DocumentConverter.ConvertFile(Scan("funds-ab-image-150"), ExtractorOptions.Default with { OcrToolRunner = runner });
        var unavailable = document.Diagnostics.Where(d => d.Code == DiagnosticCodes.OcrUnavailable).ToList();
        Assert.Equal([1, 2], unavailable.Select(d => d.Page!.Value));
        Assert.All(unavailable, d => Assert.Contains("pdftoppm is not installed (install poppler-utils)", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void AScannedLayerKeepsItsTextWithAWarningWhenTheModelsAreMissing()
    {
        var document = DocumentConverter.ConvertFile(Scan("score-first-ocr-150"), ExtractorOptions.Default with { OcrModels = MissingModels });
        Assert.Contains(document.Diagnostics, d => d.Code == DiagnosticCodes.OcrUnavailable && d.Severity == Severity.Warning);
        Assert.DoesNotContain(document.Diagnostics, d => d.Code == DiagnosticCodes.OcrUnavailable && d.Severity == Severity.Error);
    }

    [Fact]
    public void NeverLeavesScansToTheirLayerAndReportsImageOnlyPages()
    {
        var runner = new CountingRunner();
        var document = DocumentConverter.ConvertFile(Scan("split-target-image-200"), ExtractorOptions.Default with { Ocr = OcrMode.Never, OcrToolRunner = runner });
        Assert.Empty(runner.Runs);
        Assert.Equal(3, document.Diagnostics.Count(d => d.Code == DiagnosticCodes.NoTextLayer));
    }
}
