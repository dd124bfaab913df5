using Extractor.Sources.Ocr.Imaging;
using Extractor.Sources.Ocr.Paddle;

namespace Extractor.Tests.Sources.Ocr;

/// <summary>The skew of pages without rulings, measured near the angle of their detected lines.</summary>
[Collection(PaddleEngineGroup.Name)]
public sealed class PagePreparationSkewTests(PaddleEngineFixture fixture)
{
    [Theory]
    // fixtures/scans/README.md: borderless-seed-chromium-image-250, pages 1–3 rotated by −0.50, −0.68, −0.38°.
    [InlineData(1, -0.50)]
    [InlineData(2, -0.68)]
    [InlineData(3, -0.38)]
    public void AScannedTableWithoutRulingsIsStraightenedByTheAngleItWasScannedAt(int page, double skew)
    {
        using var scan = Rendering.Page(Rendering.Scan("borderless-seed-chromium-image-250"), page, 250);
        using var ink = Binarization.Otsu(scan);
        Assert.Null(Deskew.FromRulings(ink));

        using var prepared = PagePreparation.Prepare(fixture.Engine, scan, findOrientation: false);
        Assert.InRange(prepared.SkewDegrees, skew - 0.15, skew + 0.15);
    }

    [Fact]
    public void TheRowsOfATableWithoutRulingsMisleadTheProfileFarFromTheLinesAngle()
    {
        // Page 2 of that scan: the profile searched over ±5° peaks at 1.38° (the columns' text lines up
        // at that angle too); searched within half a degree of its lines' angle, at the scan's.
        using var scan = Rendering.Page(Rendering.Scan("borderless-seed-chromium-image-250"), 2, 250);
        using var ink = Binarization.Otsu(scan);
        Assert.True(Math.Abs(Deskew.FromTextRows(ink) - -0.68) > 1, "the whole-range profile is misled");
        Assert.InRange(Deskew.FromTextRows(ink, near: -0.6), -0.83, -0.53);
    }
}
