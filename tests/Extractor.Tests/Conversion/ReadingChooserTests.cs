using System.Collections.Immutable;
using Extractor.Conversion;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Pdf;
using Extractor.Tests.Support;
using Extractor.Sources;
using Extractor.Export;
using Extractor.Sources.Pdf;
using Extractor.Sources.Ocr;

namespace Extractor.Tests.Conversion;

/// <summary>
/// The checks choosing between readings, on the pages of a born-digital form (its 执行率 100.00%) with one
/// digit of the rate misread, as OCR would: the other readings offered for that glyph decide.
/// </summary>
public sealed class ReadingChooserTests
{
    private static readonly string Pdf = RepoPaths.Combine("fixtures", "forms", "pdf", "seed-chromium-ar-pl-uming-a4.pdf");
    private static readonly SourceInfo Source = new("seed.pdf", "0", SourceKinds.PdfOcr, 0);

    [Fact]
    public void TheReadingThatMendsTheCheckIsTakenAndReported()
    {
        var (pages, page, glyph) = PagesWithMisreadRate();
        var misread = Convert(pages);
        Assert.Equal(700.00m, misread.Forms[0].Funds.Rows[0].ExecutionRatePercent);
        Assert.Contains(misread.Forms[0].Checks, c => c.Code == CheckCodes.ExecutionRateMismatch && c.Path == "/funds/rows/0/executionRatePercent");

        // "4" leaves the rate wrong (400%), "1" is the reading the sums agree with.
        var readings = new OcrReadings([.. pages], [new OcrAlternative(page, glyph, ["4", "1"])], pages.Length, TimeSpan.FromSeconds(30));
        var chosen = ReadingChooser.Choose(misread, readings, Rebuild, TimeSpan.FromSeconds(30));

        Assert.Equal(100.00m, chosen.Forms[0].Funds.Rows[0].ExecutionRatePercent);
        Assert.DoesNotContain(chosen.Forms[0].Checks, c => ReadingChooser.ArithmeticChecks.Contains(c.Code));
        var repair = Assert.Single(chosen.Diagnostics, d => d.Message.Contains("another reading chosen by the checks", StringComparison.Ordinal));
        Assert.Equal(DiagnosticCodes.OcrRepair, repair.Code);
        Assert.Equal(page, repair.Page);
        Assert.Contains("'7' → '1'", repair.Message, StringComparison.Ordinal);
        Assert.Contains("execution-rate-mismatch at /forms/0/funds/rows/0/executionRatePercent", repair.Message, StringComparison.Ordinal);

        // Everything else is as the unchanged pages give it.
        var (original, _, _) = PagesWithMisreadRate(misread: false);
        Assert.Equal(DocumentJson.Serialize(Convert(original) with { Diagnostics = [] }), DocumentJson.Serialize(chosen with { Diagnostics = [] }));
    }

    [Fact]
    public void AReadingThatOnlyLosesTheNumberMendsNothing()
    {
        // "S" makes the rate unreadable: the check has nothing left to compare, which is no mend.
        var (pages, page, glyph) = PagesWithMisreadRate();
        var misread = Convert(pages);
        var readings = new OcrReadings([.. pages], [new OcrAlternative(page, glyph, ["S", "4"])], pages.Length, TimeSpan.FromSeconds(30));
        var chosen = ReadingChooser.Choose(misread, readings, Rebuild, TimeSpan.FromSeconds(30));

        Assert.Same(misread, chosen);
        Assert.Equal(700.00m, chosen.Forms[0].Funds.Rows[0].ExecutionRatePercent);
        Assert.Contains(chosen.Forms[0].Checks, c => c.Code == CheckCodes.ExecutionRateMismatch);
    }

    [Fact]
    public void NoTimeLeftMeansNoTrials()
    {
        var (pages, page, glyph) = PagesWithMisreadRate();
        var misread = Convert(pages);
        var readings = new OcrReadings([.. pages], [new OcrAlternative(page, glyph, ["1"])], pages.Length, TimeSpan.Zero);
        Assert.Same(misread, ReadingChooser.Choose(misread, readings, _ => throw new InvalidOperationException("no layout expected"), TimeSpan.Zero));
    }

    [Fact]
    public void ADocumentThatPassesItsChecksIsLeftAlone()
    {
        var (pages, page, glyph) = PagesWithMisreadRate(misread: false);
        var document = Convert(pages);
        var readings = new OcrReadings([.. pages], [new OcrAlternative(page, glyph, ["7"])], pages.Length, TimeSpan.FromSeconds(30));
        Assert.Same(document, ReadingChooser.Choose(document, readings, _ => throw new InvalidOperationException("no layout expected"), TimeSpan.FromSeconds(30)));
    }

    private static Document Rebuild(RowText rows) => DocumentConverter.FromRowText(rows, Source);

    private static Document Convert(PageContent[] pages) =>
        Rebuild(LayoutReader.Read(pages) with { PageCount = pages.Length });

    /// <summary>The form's pages with the first digit of its 执行率 (100.00%) read as 7, and where that glyph is.</summary>
    private static (PageContent[] Pages, int Page, int Glyph) PagesWithMisreadRate(bool misread = true)
    {
        using var pdf = PdfDocument.Open(Pdf);
        var pages = Enumerable.Range(1, pdf.NumberOfPages).Select(n => PdfPageContent.From(pdf.GetPage(n))).ToArray();
        var document = Convert(pages);
        var row = document.Forms[0].Funds.Rows[0];
        Assert.Equal(100.00m, row.ExecutionRatePercent);
        var box = row.Source.Boxes!.Value[0];
        var index = Array.FindIndex(pages, p => p.Number == box.Page);
        var glyphs = pages[index].Glyphs;

        // The rate is the row's rightmost "100.00%"; its first glyph is the "1".
        var inRow = Enumerable.Range(0, glyphs.Length)
            .Where(i => glyphs[i].Source.Page == box.Page && Inside(glyphs[i].Source, box))
            .OrderBy(i => glyphs[i].Left)
            .ToList();
        var text = string.Concat(inRow.Select(i => glyphs[i].Text));
        var at = text.LastIndexOf("100.00%", StringComparison.Ordinal);
        Assert.True(at >= 0, $"the row reads '{text}'");
        var glyph = inRow[at];
        if (misread)
        {
            pages[index] = pages[index] with { Glyphs = glyphs.SetItem(glyph, glyphs[glyph] with { Text = "7" }) };
        }

        return (pages, box.Page, glyph);
    }

    private static bool Inside(PageBox glyph, PageBox row)
    {
        var (x, y) = ((glyph.X0 + glyph.X1) / 2, (glyph.Y0 + glyph.Y1) / 2);
        return x >= row.X0 && x <= row.X1 && y >= row.Y0 && y <= row.Y1;
    }
}
