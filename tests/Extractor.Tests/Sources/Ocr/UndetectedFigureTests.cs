using System.Globalization;
using Extractor.Sources.Ocr;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

/// <summary>A lone figure the detector misses on a grainy scan is read from its ink.</summary>
[Collection(PaddleEngineGroup.Name)]
public sealed class UndetectedFigureTests(PaddleEngineFixture fixture)
{
    [Fact]
    public void TheScoresOfAColumnWithoutRulingsAreReadOnAGrainyScan()
    {
        // Page 2 of a form printed without rulings, at 200 dpi with seeded Gaussian grain (σ 15 grey levels):
        // the detector boxes the 分值 column's lone figures but not most of the 得分 column's beside them.
        var pdf = Rendering.Form("seed-libreoffice-borderless-noto-sans-a4");
        using var page = Rendering.Page(pdf, 2, 200);
        Cv2.SetTheRNG(7);
        using var noise = new Mat(page.Size(), MatType.CV_16SC1);
        Cv2.Randn(noise, Scalar.All(0), Scalar.All(15));
        using var wide = new Mat();
        page.ConvertTo(wide, MatType.CV_16SC1);
        Cv2.Add(wide, noise, wide);
        using var grainy = new Mat();
        wide.ConvertTo(grainy, MatType.CV_8UC1);

        // The 得分 column as printed: its figures top to bottom, from the page's text layer.
        var (from, to) = (415.0, 432.0);
        var printed = string.Concat(Rendering.Lines(pdf, 2).Where(l => Centre(l.Box.Left, l.Box.Right) is var x && x > from && x < to).OrderBy(l => l.Box.Top).Select(l => l.Text));
        Assert.Equal("5555555543396", printed);

        var pixelsPerPoint = 200 / 72.0;
        var height = grainy.Rows / pixelsPerPoint;
        var result = ScanReader.Read(fixture.Engine, grainy, 2, pixelsPerPoint, (x, y) => (x / pixelsPerPoint, height - (y / pixelsPerPoint)), CancellationToken.None);
        var read = string.Concat(result.Content!.Glyphs.Where(g => Centre(g.Left, g.Right) is var x && x > from && x < to).OrderByDescending(g => g.Top).Select(g => g.Text));
        Assert.Equal(printed, read);
    }

    private static double Centre(double left, double right) => (left + right) / 2;
}
