using Extractor.Conversion;
using Extractor.Layout;
using Extractor.Model;

namespace Extractor.Tests.Conversion;

/// <summary>Rows read by OCR carry their lowest cell confidence; those under the threshold are marked for review.</summary>
public sealed class LowConfidenceTests
{
    /// <summary>The seed as if read by OCR: every cell sure (0.99) but those of the line holding <paramref name="doubtful"/> (0.42).</summary>
    private static Document Read(string doubtful)
    {
        var rows = RowTextReader.Read(SeedFile.Text);
        rows = rows with
        {
            Lines = [.. rows.Lines.Select(l => l with
            {
                Cells = [.. l.Cells.Select(c => c with { Confidence = l.Cells.Any(x => x.Text == doubtful) ? (c.Text == doubtful ? 0.42 : 0.97) : 0.99 })],
            })],
        };
        return DocumentConverter.FromRowText(rows, new SourceInfo("scan.pdf", "0", SourceKinds.PdfOcr, rows.PageCount));
    }

    [Fact]
    public void EachRowCarriesItsLowestCellConfidence()
    {
        var document = Read("规范");
        var indicators = document.Forms.SelectMany(f => f.Indicators).ToList();
        Assert.All(indicators, i => Assert.NotNull(i.Source.Confidence));
        Assert.Contains(indicators, i => i.Source.Confidence == 0.42);
        Assert.Contains(indicators, i => i.Source.Confidence == 0.99);
        Assert.All(document.Forms.SelectMany(f => f.Funds.Rows), r => Assert.Equal(0.99, r.Source.Confidence));
    }

    [Fact]
    public void ARowUnderTheThresholdGetsAWarningWithItsJsonPath()
    {
        var document = Read("规范");
        var marked = LowConfidence.Mark(document, 0.8);
        var warnings = marked.Diagnostics.Where(d => d.Code == DiagnosticCodes.OcrLowConfidence).ToList();
        Assert.NotEmpty(warnings);
        foreach (var warning in warnings)
        {
            Assert.Equal(Severity.Warning, warning.Severity);
            var parts = warning.Path!.Split('/');
            Assert.Equal(["", "forms", parts[2], "indicators", parts[4]], parts);
            var indicator = marked.Forms[int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)].Indicators[int.Parse(parts[4], System.Globalization.CultureInfo.InvariantCulture)];
            Assert.Equal(0.42, indicator.Source.Confidence);
            Assert.Equal(indicator.Name, warning.Text);
            Assert.Contains("confidence of 0.42, under 0.80", warning.Message, StringComparison.Ordinal);
        }

        Assert.Equal(marked.Forms.SelectMany(f => f.Indicators).Count(i => i.Source.Confidence < 0.8), warnings.Count);
        Assert.Equal(DocumentStatus.Review, marked.Status);
        Assert.True(marked.StatusReasons[DiagnosticCodes.OcrLowConfidence] >= 1);

        // Sure rows, or rows with no confidence (a text layer), are not marked.
        Assert.Same(document, LowConfidence.Mark(document, 0.4));
        var text = DocumentConverter.FromRowText(RowTextReader.Read(SeedFile.Text), new SourceInfo("seed.txt", "0", SourceKinds.Text, 1));
        Assert.Same(text, LowConfidence.Mark(text, 0.99));
    }
}
