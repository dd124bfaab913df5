namespace Extractor.Pdf.Tests.Content;

public class GeometryTests
{
    [Fact]
    public void RectangleHelpers()
    {
        var a = new PdfRectangle(10, 20, 30, 60);
        Assert.Equal(20, a.Width);
        Assert.Equal(40, a.Height);
        Assert.Equal(new PdfPoint(20, 40), a.Centre);
        Assert.Equal(new PdfRectangle(0, 20, 30, 70), a.Union(new PdfRectangle(0, 25, 5, 70)));
        Assert.True(a.Contains(new PdfPoint(30, 60)));
        Assert.False(a.Contains(new PdfPoint(30.1, 60)));
        Assert.True(a.Contains(new PdfRectangle(9.5, 20, 30, 60.5), tolerance: 1));
        Assert.False(a.Contains(new PdfRectangle(8.5, 20, 30, 60)));
        Assert.True(a.Intersects(new PdfRectangle(30, 60, 40, 70)));
        Assert.False(a.Intersects(new PdfRectangle(31, 60, 40, 70)));
        Assert.Equal(new PdfRectangle(1, 2, 5, 6), PdfRectangle.FromPoints(new PdfPoint(5, 2), new PdfPoint(1, 6)));
    }

    [Fact]
    public void SegmentOrientation()
    {
        var h = new Segment(new PdfPoint(0, 10), new PdfPoint(100, 10.3), 0.5);
        Assert.True(h.IsHorizontal);
        Assert.False(h.IsVertical);
        var v = new Segment(new PdfPoint(5, 0), new PdfPoint(5, 30), 1);
        Assert.True(v.IsVertical);
        Assert.Equal(30, v.Length, 9);
        Assert.False(new Segment(new PdfPoint(0, 0), new PdfPoint(10, 10), 1).IsHorizontal);
    }

    [Theory]
    [InlineData(0, 100, 700, 80, 690)]
    [InlineData(90, 100, 700, 690, 420)]
    [InlineData(180, 100, 700, 420, 80)]
    [InlineData(270, 100, 700, 80, 80)]
    public void DisplaySpaceFollowsRotationAndCropBox(int rotation, double x, double y, double dx, double dy)
    {
        // Crop box [20 10 520 780]: 500 wide, 770 high; (100, 700) is (80, 690) from its corner. The page turns
        // clockwise as a viewer shows it: 90° maps (x, y) to (y, 500 − x), 180° to (500 − x, 770 − y), 270° to (770 − y, x).
        var data = Support.PdfBuilder.OnePage("BT ET", Support.PdfBuilder.Helvetica, pageExtra: $"/CropBox [20 10 520 780] /Rotate {rotation}");
        using var doc = PdfDocument.Open(data);
        var page = doc.GetPage(1);
        Assert.Equal(new PdfPoint(dx, dy), page.ToDisplay(new PdfPoint(x, y)));
        Assert.Equal(rotation is 90 or 270 ? 770 : 500, page.DisplayWidth);
    }
}
