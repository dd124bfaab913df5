using Extractor.Sources.Ocr.Imaging;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

public sealed class PageCurlTests
{
    private const int Dpi = 150;

    /// <summary>The page curled as a bound report's is: each column moved down by half a sine across the page.</summary>
    private static Mat Bowed(Mat page, double amplitude)
    {
        var (rows, cols) = (page.Rows, page.Cols);
        using var mapX = new Mat(rows, cols, MatType.CV_32FC1);
        using var mapY = new Mat(rows, cols, MatType.CV_32FC1);
        var xs = mapX.AsSpan<float>();
        var ys = mapY.AsSpan<float>();
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < cols; x++)
            {
                xs[(y * cols) + x] = x;
                ys[(y * cols) + x] = (float)(y - (amplitude * Math.Sin(Math.PI * x / cols)));
            }
        }

        var bowed = new Mat();
        Cv2.Remap(page, bowed, mapX, mapY, InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(255));
        return bowed;
    }

    private static List<Ruling> Long(Mat grey) =>
        [.. RulingFinder.Find(grey).Where(r => r.IsHorizontal && r.Length >= grey.Cols / 3).OrderBy(r => r.At)];

    [Theory]
    [InlineData("seed-chromium-noto-sans-a4")]
    [InlineData("long-libreoffice-noto-sans-a4l")]
    [InlineData("seed-libreoffice-wqy-zenhei-a4")]
    public void ABowedPageIsFlattenedToTheRulingsItHadFlat(string form)
    {
        using var page = Rendering.Page(Rendering.Form(form), 1, Dpi);
        var amplitude = page.Rows * 0.01;
        using var bowed = Bowed(page, amplitude);
        Assert.Null(PageCurl.Find(page));
        var curl = PageCurl.Find(bowed);
        Assert.NotNull(curl);
        Assert.InRange(curl.LargestOffset, 0.4 * amplitude, amplitude);

        // Flat, the long rulings are the page's, each as thin and as long, all moved down alike.
        using var flat = curl.Flatten(bowed);
        var (before, after) = (Long(page), Long(flat));
        Assert.Equal(before.Count, after.Count);
        var shifts = before.Zip(after, (b, a) => a.At - b.At).ToList();
        foreach (var (b, a) in before.Zip(after))
        {
            Assert.InRange(a.From, b.From - 4, b.From + 4);
            Assert.InRange(a.To, b.To - 4, b.To + 4);
            Assert.True(a.Thickness <= b.Thickness + 1.5, $"a ruling at {b.At:F0} is {a.Thickness:F1} thick flattened, {b.Thickness:F1} as printed");
        }

        Assert.True(shifts.Max() - shifts.Min() < 3, $"the rulings moved by {shifts.Min():F1} to {shifts.Max():F1}");
    }

    [Fact]
    public void ASkewedFlatPageIsNoCurl()
    {
        using var page = Rendering.Page(Rendering.Form("seed-chromium-ar-pl-uming-a4"), 1, Dpi);
        using var skewed = Deskew.Rotate(page, -1.0);
        Assert.Null(PageCurl.Find(skewed));
    }

    [Theory]
    [InlineData(0.6)]
    [InlineData(-0.4)]
    public void TheVerticalRulingsTellTheSkewOfACurledPage(double degrees)
    {
        using var page = Rendering.Page(Rendering.Form("seed-chromium-noto-sans-a4"), 1, Dpi);
        using var bowed = Bowed(page, page.Rows * 0.01);
        using var skewed = Deskew.Rotate(bowed, -degrees);
        var measured = Deskew.FromVerticalRulings(skewed);
        Assert.NotNull(measured);
        Assert.InRange(measured.Value, degrees - 0.05, degrees + 0.05);

        // The bowed horizontal rulings slope by the skew too, on the whole (a curl over a table off the page's
        // middle slopes them a little more).
        using var level = Deskew.Rotate(skewed, 0);
        var curl = PageCurl.Find(level);
        Assert.NotNull(curl);
        Assert.InRange(curl.TiltDegrees, degrees - 0.25, degrees + 0.25);
    }
}
