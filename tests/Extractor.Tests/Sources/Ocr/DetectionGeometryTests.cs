using Extractor.Sources.Ocr.Paddle;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

public sealed class DetectionGeometryTests
{
    private static readonly PaddleOcrOptions Defaults = new();

    [Fact]
    public void KernelsOfTheMapBecomeBoxesGrownBackAndScaledToTheImage()
    {
        // A 200 × 100 map of a 400 × 200 image: one confident line kernel, one faint blob.
        var map = new float[200 * 100];
        Fill(map, 200, new Rect(20, 40, 100, 10), 0.9f);
        Fill(map, 200, new Rect(150, 70, 20, 8), 0.4f);

        var box = Assert.Single(DbPostProcessor.Boxes(map, 200, 100, 400, 200, Defaults));

        // The kernel's smallest rectangle is 99 × 9 (pixel centres); grown by 99·9·1.5/216 ≈ 6.19 a side.
        var bounds = box.Quad.Bounds;
        Assert.InRange(bounds.Left, 2 * (20 - 6.5), 2 * (20 - 5.9));
        Assert.InRange(bounds.Right, 2 * (119 + 5.9), 2 * (119 + 6.5));
        Assert.InRange(bounds.Top, 2 * (40 - 6.5), 2 * (40 - 5.9));
        Assert.InRange(bounds.Bottom, 2 * (49 + 5.9), 2 * (49 + 6.5));
        Assert.Equal(0.9f, box.Score, 3);
    }

    [Fact]
    public void BoxesTooThinAreDropped()
    {
        var map = new float[100 * 50];
        Fill(map, 100, new Rect(10, 10, 60, 2), 0.9f);
        Assert.Empty(DbPostProcessor.Boxes(map, 100, 50, 100, 50, Defaults));
    }

    [Fact]
    public void ABlobOfOneCharacterIsBoxedUprightWhateverItsSmallestRectangle()
    {
        // A diamond's smallest rectangle lies at 45°; a character's box must not.
        Point[] diamond = [new(50, 30), new(60, 40), new(50, 50), new(40, 40)];
        var box = DbPostProcessor.Level(Cv2.MinAreaRect(diamond), diamond, Defaults);
        Assert.Equal(0, box.Angle);
        Assert.Equal(new Size2f(20, 20), box.Size);

        Point[] line = [new(0, 0), new(100, 5), new(99, 15), new(-1, 10)];
        var tilted = DbPostProcessor.Level(Cv2.MinAreaRect(line), line, Defaults);
        Assert.NotEqual(0, tilted.Angle % 90);
    }

    [Fact]
    public void UnclippingGrowsEachSideByAreaTimesRatioOverPerimeter()
    {
        var grown = DbPostProcessor.Unclip(new RotatedRect(new Point2f(0, 0), new Size2f(30, 10), 0), 1.5f);
        Assert.Equal(30 + (2 * 5.625f), grown.Size.Width, 3);
        Assert.Equal(10 + (2 * 5.625f), grown.Size.Height, 3);
    }

    [Fact]
    public void TheDetectorSeesPagesAtMultiplesOf32WithinTheLimit()
    {
        Assert.Equal(new Size(672, 960), LineDetector.InputSize(1240, 1754, 960));
        Assert.Equal(new Size(320, 224), LineDetector.InputSize(330, 230, 960));
        Assert.Equal(new Size(32, 32), LineDetector.InputSize(5, 5, 960));
    }

    [Theory]
    [InlineData(672, 960, 330_000)]
    [InlineData(960, 672, 330_000)]
    [InlineData(960, 736, 480_000)]
    [InlineData(4000, 128, 330_000)]
    public void ALargeInputIsRunInStripsThatKeepEveryRowOnceWithContextRoundThem(int height, int width, int area)
    {
        var strips = LineDetector.Strips(height, width, area, LineDetector.StripMargin);

        Assert.True(strips.Count > 1);
        Assert.Equal(0, strips[0].KeepFrom);
        Assert.Equal(height, strips[^1].KeepTo);
        Assert.All(strips.Zip(strips.Skip(1)), p => Assert.Equal(p.First.KeepTo, p.Second.KeepFrom));
        Assert.All(strips, s =>
        {
            Assert.True(s.KeepFrom < s.KeepTo);
            Assert.Equal(Math.Max(0, s.KeepFrom - LineDetector.StripMargin), s.RunFrom);
            Assert.Equal(Math.Min(height, s.KeepTo + LineDetector.StripMargin), s.RunTo);
            Assert.Equal(0, s.RunFrom % 32);
            Assert.Equal(0, (s.RunTo - s.RunFrom) % 32);
            Assert.True((s.RunTo - s.RunFrom) * width <= area, $"{s} runs {(s.RunTo - s.RunFrom) * width} pixels");
        });
    }

    [Fact]
    public void AnInputWithinTheAreaIsRunWhole()
    {
        var strip = Assert.Single(LineDetector.Strips(320, 640, 330_000, LineDetector.StripMargin));
        Assert.Equal(new LineDetector.Strip(0, 320, 0, 320), strip);
    }

    [Fact]
    public void BoxesAreReadRowByRowFromTheLeft()
    {
        var boxes = new[]
        {
            Box(300, 12, 80, 20, "row 1 right"),
            Box(10, 10, 80, 20, "row 1 left"),
            Box(10, 40, 200, 18, "row 2"),
            Box(150, 15, 80, 22, "row 1 middle, lower"),
        };
        var ordered = ReadingOrder.Sort(boxes, b => b.Quad);
        Assert.Equal(["row 1 left", "row 1 middle, lower", "row 1 right", "row 2"], ordered.Select(b => b.Name));
    }

    [Fact]
    public void QuadsOrderTheirCornersAndInterpolate()
    {
        var quad = Quad.FromPoints([new(110, 20), new(10, 30), new(10, 10), new(110, 40)]);
        Assert.Equal(new Point2f(10, 10), quad.TopLeft);
        Assert.Equal(new Point2f(110, 20), quad.TopRight);
        Assert.Equal(new Point2f(110, 40), quad.BottomRight);
        Assert.Equal(new Point2f(10, 30), quad.BottomLeft);
        Assert.Equal(new Point2f(60, 25), quad.At(0.5, 0.5));
        var half = quad.Slice(0.5, 1);
        Assert.Equal(new Point2f(60, 15), half.TopLeft);
        Assert.Equal(quad.BottomRight, half.BottomRight);
    }

    private static (string Name, Quad Quad) Box(float x, float y, float w, float h, string name) => (name, Quad.FromRect(new Rect2f(x, y, w, h)));

    private static void Fill(float[] map, int width, Rect r, float value)
    {
        for (var y = r.Top; y < r.Bottom; y++)
        {
            for (var x = r.Left; x < r.Right; x++)
            {
                map[(y * width) + x] = value;
            }
        }
    }
}
