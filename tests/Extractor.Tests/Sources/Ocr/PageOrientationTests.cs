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
}
