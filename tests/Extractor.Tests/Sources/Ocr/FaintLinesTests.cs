using Extractor.Sources.Ocr.Paddle;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

/// <summary>Detected lines far fainter than the page's text are dropped; text lit unevenly is not.</summary>
public sealed class FaintLinesTests
{
    [Fact]
    public void PrintShowingThroughFromTheBackIsDroppedAndThePrintKept()
    {
        using var page = new Mat(1000, 800, MatType.CV_8UC1, Scalar.All(245));
        var printed = Lines(page, 10, 40, ink: 30);
        // The back's print, mirrored and faint: a fifth of the print's depth under the paper.
        var through = Lines(page, 4, 740, ink: 205);

        var kept = FaintLines.Without(page, [.. printed, .. through]);
        Assert.Equal(printed, kept);
    }

    [Fact]
    public void TextInTheShadowOfTheSpineIsKept()
    {
        // The lower half of the page in shadow: paper at 130, its print at 25.
        using var page = new Mat(1000, 800, MatType.CV_8UC1, Scalar.All(245));
        Cv2.Rectangle(page, new Rect(0, 500, 800, 500), Scalar.All(130), -1);
        var lit = Lines(page, 6, 40, ink: 30);
        var shaded = Lines(page, 6, 520, ink: 25);

        var all = lit.Concat(shaded).ToList();
        Assert.Equal(all, FaintLines.Without(page, all));
    }

    [Fact]
    public void APageOfFewLinesKeepsThemAll()
    {
        using var page = new Mat(400, 800, MatType.CV_8UC1, Scalar.All(245));
        var lines = Lines(page, 3, 40, ink: 30).Concat(Lines(page, 2, 200, ink: 215)).ToList();
        Assert.Equal(lines, FaintLines.Without(page, lines));
    }

    /// <summary><paramref name="count"/> lines of text drawn at grey <paramref name="ink"/> from row <paramref name="top"/> down, 70 pixels apart, and their boxes.</summary>
    private static List<TextRegion> Lines(Mat page, int count, int top, int ink)
    {
        var regions = new List<TextRegion>();
        for (var i = 0; i < count; i++)
        {
            var baseline = top + 30 + (i * 70);
            Cv2.PutText(page, $"Line {i} of text 1,850,000.00", new Point(60, baseline), HersheyFonts.HersheySimplex, 1.0, Scalar.All(ink), 2);
            regions.Add(new TextRegion(Quad.FromRect(new Rect2f(55, baseline - 30, 520, 40)), 0.9f));
        }

        return regions;
    }
}
