using Extractor.Sources.Ocr.Paddle;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

public sealed class PageOrientationTests
{
    private static TextRegion Box(float width, float height) => new(Quad.FromRect(new Rect2f(0, 0, width, height)), 0.9f);

    [Fact]
    public void APageOnItsSideIsToldByTheLengthOfItsTallLinesNotByHowManyThereAre()
    {
        // Turned a quarter: 25 long label and value lines run down the page; 28 short boxes run across it
        // (the numbers of neighbouring rows joined, a label printed one character a line). More wide boxes
        // than tall ones, but the tall ones hold the text.
        var tall = Enumerable.Range(0, 25).Select(_ => Box(37, 180)).ToList();
        var wide = Enumerable.Range(0, 28).Select(_ => Box(73, 37)).ToList();
        Assert.True(wide.Count > tall.Count);
        Assert.True(PageOrientation.IsSideways(wide, tall));
    }

    [Fact]
    public void AnUprightFormWithAFewLabelsPrintedDownwardsIsNotOnItsSide()
    {
        // Upright: a hundred lines across, a vertical 一级指标 label or two (measured at most 0.05 of the wide length).
        var wide = Enumerable.Range(0, 100).Select(i => Box(80 + (i % 7 * 60), 36)).ToList();
        var tall = new[] { Box(36, 150), Box(36, 120), Box(30, 80) };
        Assert.False(PageOrientation.IsSideways(wide, tall));
    }

    [Fact]
    public void APageOfTallLinesOnlyIsOnItsSide()
    {
        Assert.True(PageOrientation.IsSideways([], [Box(36, 400), Box(36, 300), Box(36, 250)]));
        Assert.False(PageOrientation.IsSideways([Box(400, 36), Box(300, 36), Box(250, 36)], []));
    }

    [Fact]
    public void APageWhoseSideIsInDoubtTakesTheSideOfTheDocumentsPagesBeforeIt()
    {
        // A page on its side with a table of narrow wrapped columns: its stacked lines detected as many short
        // wide boxes, its tall lines 0.16 of their length (the last page of a long form turned a quarter).
        var doubtfulWide = Enumerable.Range(0, 119).Select(_ => Box(110, 36)).ToList();
        var doubtfulTall = Enumerable.Range(0, 43).Select(_ => Box(36, 70)).ToList();
        Assert.True(PageOrientation.IsDoubtful(doubtfulWide, doubtfulTall));
        Assert.False(PageOrientation.IsSideways(doubtfulWide, doubtfulTall));

        // The document's first page showed its side plainly (tall lines 1.8 times the wide ones).
        var document = new DocumentSide();
        var plainWide = Enumerable.Range(0, 44).Select(_ => Box(100, 36)).ToList();
        var plainTall = Enumerable.Range(0, 66).Select(_ => Box(36, 154)).ToList();
        Assert.True(PageOrientation.IsSideways(plainWide, plainTall, document));
        Assert.True(document.Sideways);
        Assert.True(PageOrientation.IsSideways(doubtfulWide, doubtfulTall, document));

        // Alone, or after an upright page, the doubtful page is read by its own lines.
        Assert.False(PageOrientation.IsSideways(doubtfulWide, doubtfulTall, new DocumentSide()));
        var upright = new DocumentSide();
        Assert.False(PageOrientation.IsSideways([.. Enumerable.Range(0, 100).Select(_ => Box(300, 36))], [Box(36, 150)], upright));
        Assert.False(PageOrientation.IsSideways(doubtfulWide, doubtfulTall, upright));
    }

    [Fact]
    public void AnUprightPageIsNeverInDoubt()
    {
        // Upright pages' tall lines came to 0.05 of the wide ones at most: no document's side is taken for them.
        var wide = Enumerable.Range(0, 100).Select(i => Box(80 + (i % 7 * 60), 36)).ToList();
        var tall = new[] { Box(36, 150), Box(36, 120), Box(30, 80) };
        Assert.False(PageOrientation.IsDoubtful(wide, tall));
        var document = new DocumentSide();
        document.Saw(true);
        Assert.False(PageOrientation.IsSideways(wide, tall, document));
    }
}
