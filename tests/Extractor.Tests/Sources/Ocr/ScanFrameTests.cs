using Extractor.Sources.Ocr;

namespace Extractor.Tests.Sources.Ocr;

/// <summary>Positions on a prepared page taken back to the scan and to the source's points.</summary>
public sealed class ScanFrameTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public void ACornerOfThePreparedPageIsTheCornerOfTheScanItCameFrom(int turn)
    {
        // A 200 × 100 scan turned by `turn`, no skew: the prepared page's top-left corner is the scan's
        // corner the turn brought there.
        var frame = new ScanFrame(1, 200, 100, 2, turn, 0, (x, y) => (x, y));
        var expected = turn switch
        {
            90 => (0.0, 100.0),
            180 => (200.0, 100.0),
            270 => (200.0, 0.0),
            _ => (0.0, 0.0),
        };
        Assert.Equal(expected, frame.ToScan(0, 0));
        Assert.Equal(turn is 90 or 270 ? (100, 200) : (200, 100), (frame.Width, frame.Height));
    }

    [Fact]
    public void AFlattenedPagesPositionGoesBackThroughTheTurnAndThenTheFlattening()
    {
        // A 200 × 100 page taken out of its picture at (10, 20) and at half size, then turned 90°: the prepared
        // page's top-left corner is the flattened page's bottom-left (0, 100), which lies at (10, 70) in the picture.
        var frame = new ScanFrame(1, 200, 100, 2, 90, 0, (x, y) => (x, y)) { Flattening = [0.5, 0, 10, 0, 0.5, 20, 0, 0, 1] };
        Assert.Equal((10.0, 70.0), frame.ToScan(0, 0));
    }

    [Fact]
    public void TheSkewIsUndoneAboutThePagesCentre()
    {
        var frame = new ScanFrame(1, 200, 100, 1, 0, 90, (x, y) => (x, y));
        // The centre stays where it is; a point right of the centre, turned 90° as OpenCV turns a picture
        // (anticlockwise as seen, y downwards), goes above it, and the inverse turn brings it back.
        var (cx, cy) = frame.ToScan(100, 50);
        Assert.Equal(100, cx, 6);
        Assert.Equal(50, cy, 6);
        var (x, y) = ScanFrame.Rotate(110, 50, 100, 50, 90);
        Assert.Equal((100.0, 40.0), (Math.Round(x, 6), Math.Round(y, 6)));
        var (bx, by) = ScanFrame.Rotate(x, y, 100, 50, -90);
        Assert.Equal((110.0, 50.0), (Math.Round(bx, 6), Math.Round(by, 6)));
    }

    [Fact]
    public void DisplayPointsHaveTheirOriginAtTheBottomLeft()
    {
        var frame = new ScanFrame(3, 1654, 2339, 200 / 72.0, 0, 0, (x, y) => (x / (200 / 72.0), (2339 - y) / (200 / 72.0)));
        var (x, y) = frame.ToDisplay(0, 0);
        Assert.Equal(0, x, 6);
        Assert.Equal(2339 / (200 / 72.0), y, 6);
        var (px, py) = frame.ToPixels(x, y);
        Assert.Equal((0.0, 0.0), (Math.Round(px, 6), Math.Round(py, 6)));

        var box = frame.ToSourceBox(200, 300, 400, 350);
        Assert.Equal(3, box.Page);
        Assert.Equal((72.0, 144.0), (box.X0, box.X1));
        Assert.Equal(Math.Round((2339 - 350) * 0.36, 2), box.Y0);
        Assert.Equal(Math.Round((2339 - 300) * 0.36, 2), box.Y1);
    }
}
