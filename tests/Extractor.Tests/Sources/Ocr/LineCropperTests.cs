using Extractor.Sources.Ocr.Paddle;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

public sealed class LineCropperTests
{
    [Fact]
    public void AnUprightBoxIsCopiedAsItIs()
    {
        using var page = Page();
        using var crop = LineCropper.Crop(page, Quad.FromRect(new Rect2f(100, 50, 200, 40)));
        Assert.Equal(new Size(200, 40), crop.Image.Size());
        Assert.Equal(new Vec3b(0, 0, 255), crop.Image.At<Vec3b>(20, 10));
        Assert.Equal(new Point2f(100, 50), crop.Source.TopLeft);
    }

    [Fact]
    public void ATiltedBoxIsWarpedToARectangle()
    {
        using var page = Page();
        var quad = new Quad(new(100, 50), new(300, 60), new(298, 100), new(98, 90));
        using var crop = LineCropper.Crop(page, quad);
        Assert.InRange(crop.Image.Cols, 200, 201);
        Assert.InRange(crop.Image.Rows, 40, 41);
    }

    [Fact]
    public void ATallBoxIsTurnedToReadAcrossAndItsCornersTurnWithIt()
    {
        using var page = Page();
        var quad = Quad.FromRect(new Rect2f(400, 50, 30, 120));
        using var crop = LineCropper.Crop(page, quad);
        Assert.Equal(new Size(120, 30), crop.Image.Size());

        // Turned anticlockwise: the crop starts at the box's top-right corner, and the box's top (red) is at its left.
        Assert.Equal(quad.TopRight, crop.Source.TopLeft);
        Assert.Equal(quad.BottomRight, crop.Source.TopRight);
        Assert.Equal(new Vec3b(0, 0, 255), crop.Image.At<Vec3b>(15, 2));

        crop.Flip();
        Assert.True(crop.Flipped);
        Assert.Equal(quad.BottomLeft, crop.Source.TopLeft);
        Assert.Equal(new Vec3b(0, 0, 255), crop.Image.At<Vec3b>(15, 117));
    }

    [Fact]
    public void AReadingIsPlacedOnThePageThroughTheCropsSource()
    {
        var source = Quad.FromRect(new Rect2f(100, 50, 200, 40));
        var spans = Spans.Place([new("甲", 0.9f, 1, 1, []), new("乙", 0.8f, 7, 8, [])], 0.1);
        var line = PaddleOcrEngine.ToLine(source, spans, 0.7f);
        Assert.Equal("甲乙", line.Text);
        Assert.Equal(new Point2f(130, 70), line.Characters[0].Centre);
        Assert.Equal(100, line.Characters[0].Box.TopLeft.X);
        Assert.Equal(line.Characters[0].Box.TopRight, line.Characters[1].Box.TopLeft);
        Assert.Equal(300, line.Characters[1].Box.TopRight.X);
    }

    [Fact]
    public void ALineCrossedByAColumnRulingIsCutBetweenItsCharacters()
    {
        // Four characters across 100–300: centres at 137.5, 187.5, 237.5, 287.5.
        var source = Quad.FromRect(new Rect2f(100, 50, 200, 40));
        var emissions = new CtcDecoder.Emission[] { new("1", 0.9f, 1, 1, []), new("0", 0.9f, 3, 3, []), new("5", 0.8f, 5, 5, []), new("%", 0.7f, 7, 7, []) };
        var line = PaddleOcrEngine.ToLine(source, Spans.Place(emissions, 0.125), 0.9f);
        var rulings = new[]
        {
            new Extractor.Sources.Ocr.Imaging.Ruling(false, 0, 200, 200, 2),
            new Extractor.Sources.Ocr.Imaging.Ruling(false, 0, 40, 250, 2),
        };

        var pieces = LineSplitter.Split(line, rulings);
        Assert.Equal(["10", "5%"], pieces.Select(p => p.Text));
        Assert.Equal(100, pieces[0].Quad.TopLeft.X);
        Assert.Equal(212.5, pieces[1].Quad.TopLeft.X, 3);
        Assert.Equal(0.75f, pieces[1].Confidence, 3);
        Assert.Same(line, Assert.Single(LineSplitter.SplitAt(line, [50, 400])));
    }

    [Fact]
    public void ABarReadOnARulingIsTheRulingAndGoes()
    {
        // "26|24" with the bar at 210, where a column ruling runs.
        var source = Quad.FromRect(new Rect2f(100, 50, 200, 40));
        var emissions = "26|24".Select((c, i) => new CtcDecoder.Emission(c.ToString(), 0.9f, (2 * i) + 1, (2 * i) + 1, [])).ToArray();
        var line = PaddleOcrEngine.ToLine(source, Spans.Place(emissions, 0.1), 0.9f);
        Assert.Equal(210, line.Characters[2].Centre.X);
        var pieces = LineSplitter.Split(line, [new Extractor.Sources.Ocr.Imaging.Ruling(false, 0, 200, 210.5, 2)]);
        Assert.Equal(["26", "24"], pieces.Select(p => p.Text));
    }

    // A white page with a red band at the top of a tall box and the top-left of a wide one.
    private static Mat Page()
    {
        var page = new Mat(300, 500, MatType.CV_8UC3, Scalar.All(255));
        Cv2.Rectangle(page, new Rect(100, 50, 40, 30), new Scalar(0, 0, 255), -1);
        Cv2.Rectangle(page, new Rect(400, 50, 30, 10), new Scalar(0, 0, 255), -1);
        return page;
    }
}
