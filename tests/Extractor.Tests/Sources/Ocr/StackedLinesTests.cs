using Extractor.Sources.Ocr;
using Extractor.Sources.Ocr.Paddle;
using Extractor.Tests.Support;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

[Collection(PaddleEngineGroup.Name)]
public sealed class StackedLinesTests(PaddleEngineFixture fixture)
{
    private static readonly string NarrowColumn = RepoPaths.Combine("fixtures", "family", "pages", "narrow-name-column.pdf");

    [Fact]
    public void AnUprightPageWhoseNamesAreStackedInANarrowColumnIsReadUpright()
    {
        // The names' stacks (监控系统竣工验收合格率 one character a line) are the page's longest lines: by their
        // length alone the page lies on its side.
        using var page = Rendering.Page(NarrowColumn, 1, 200);
        var regions = fixture.Engine.Detect(page);
        var (wide, tall) = PageOrientation.Sides(regions);
        Assert.True(PageOrientation.IsSideways(wide, tall));

        Assert.True(StackedLines.ReadUpright(fixture.Engine, page, tall, wide));
        Assert.Equal(0, PageOrientation.UprightTurn(fixture.Engine, page, regions));
    }

    [Theory]
    [InlineData(RotateFlags.Rotate90Clockwise, 270)]
    [InlineData(RotateFlags.Rotate90Counterclockwise, 90)]
    public void ThePagesTurnedAQuarterAreStillOnTheirSide(RotateFlags scanned, int upright)
    {
        // Turned, the page's lines across become tall boxes of characters on their side: read as stacks they are
        // no text, and the page is turned back.
        // Every page of the two-form fixture too: one of them turned 270° reads as text cut into squares (its
        // wide lines do not).
        var twoForms = RepoPaths.Combine("fixtures", "variants", "two-forms.pdf");
        foreach (var (pdf, number) in new[] { (NarrowColumn, 1), (RepoPaths.Combine("fixtures", "variants", "funds-ab.pdf"), 1) }.Concat(Enumerable.Range(1, 4).Select(n => (twoForms, n))))
        {
            using var page = Rendering.Page(pdf, number, 200);
            using var turned = new Mat();
            Cv2.Rotate(page, turned, scanned);
            var regions = fixture.Engine.Detect(turned);
            var (wide, tall) = PageOrientation.Sides(regions);
            Assert.False(StackedLines.ReadUpright(fixture.Engine, turned, tall, wide));
            Assert.Equal(upright, PageOrientation.UprightTurn(fixture.Engine, turned, regions));
        }
    }

    [Theory]
    [InlineData(150)]
    [InlineData(200)]
    public void TheStackedNamesAreReadOnceEachCharacter(int dpi)
    {
        // The detector boxes a few characters of each stack and misses the rest: each line of ink left is read
        // on its own, a character whose parts stand one over the other (监, 装) as one line, and a character the
        // box of the ones above cuts (报 under 紧急) on its own. They had read 监监控…, 紧急警装装置与公公安….
        using var page = Rendering.Page(NarrowColumn, 1, dpi);
        var pixelsPerPoint = dpi / 72.0;
        var height = page.Rows / pixelsPerPoint;
        var result = ScanReader.Read(fixture.Engine, page, 1, pixelsPerPoint, (x, y) => (x / pixelsPerPoint, height - (y / pixelsPerPoint)), CancellationToken.None);

        // The name column, one character wide (x 106.6–115.6 pt in the text layer), top to bottom.
        var column = string.Concat(result.Content!.Glyphs.Where(g => (g.Left + g.Right) / 2 is > 100 and < 122).OrderByDescending(g => g.Top).Select(g => g.Text));
        // As printed (the page's text layer): 监控系统竣工验收合格率, 紧急报警装置与公安机关联网率, 前端设备平均无故障运行时间.
        // 竣 reads 峻 in this font at every resolution tried, alone or in its stack; every other character is right.
        Assert.Equal("监控系统峻工验收合格率紧急报警装置与公安机关联网率前端设备平均无故障运行时间", column);
    }

    [Fact]
    public void AStackIsCutIntoSquaresLaidSideBySide()
    {
        // A box 20 wide and 61 tall standing on a blank page: three squares of 20, laid left to right.
        using var page = new Mat(200, 200, MatType.CV_8UC1, Scalar.All(255));
        page.Rectangle(new Rect(50, 10, 20, 20), Scalar.All(0), -1);
        page.Rectangle(new Rect(50, 51, 20, 20), Scalar.All(100), -1);
        using var laid = StackedLines.Laid(page, Quad.FromRect(new Rect2f(50, 10, 20, 61)));
        Assert.Equal(new Size(60, 20), laid.Size());
        Assert.Equal(0, laid.At<byte>(10, 10));
        Assert.Equal(255, laid.At<byte>(10, 30));
        Assert.Equal(100, laid.At<byte>(10, 50));
    }
}
