using Extractor.Layout;
using Extractor.Pdf;
using Extractor.Sources.Ocr.Imaging;
using OpenCvSharp;
using Extractor.Sources.Pdf;

namespace Extractor.Tests.Sources.Ocr;

public sealed class RulingFinderTests
{
    private const int Dpi = 150;
    private const double Scale = Dpi / 72.0;

    [Theory]
    [InlineData("seed-chromium-ar-pl-uming-a4", false)]
    [InlineData("seed-libreoffice-noto-serif-a4l", false)]
    [InlineData("seed-chromium-ar-pl-uming-a4", true)]
    [InlineData("seed-libreoffice-noto-serif-a4l", true)]
    public void TheRulingsOfARenderedFormAreFoundWhereThePdfDrawsThem(string form, bool byNeighbourhood)
    {
        var pdf = Rendering.Form(form);
        using var document = PdfDocument.Open(pdf);
        var content = PdfPageContent.From(document.GetPage(1));
        using var page = Rendering.Page(pdf, 1, Dpi);
        // Found in the ink of one threshold for the page, or of one by neighbourhood as a scan's are read: lines
        // a pixel or two thick at 150 dpi, each measured for its depth under the paper against the others.
        using var adaptive = byNeighbourhood ? Found(page) : null;
        var found = adaptive?.Rulings ?? RulingFinder.Find(page);

        // Where the PDF draws lines, in pixels from the top (display space has its origin bottom-left).
        var expectedRows = Distinct(content.Rulings.Where(r => r.IsHorizontal && Math.Abs(r.X1 - r.X0) > 40).Select(r => (content.Height - r.Y0) * Scale));
        var expectedColumns = Distinct(content.Rulings.Where(r => r.IsVertical && Math.Abs(r.Y1 - r.Y0) > 20).Select(r => r.X0 * Scale));
        var rows = Distinct(found.Where(r => r.IsHorizontal).Select(r => r.At));
        var columns = Distinct(found.Where(r => !r.IsHorizontal).Select(r => r.At));

        Assert.True(expectedRows.Count > 10, "the fixture has a ruled table");
        Assert.All(expectedRows, y => Assert.Contains(rows, f => Math.Abs(f - y) <= 2));
        Assert.All(rows, y => Assert.Contains(expectedRows, e => Math.Abs(e - y) <= 2));
        Assert.All(expectedColumns, x => Assert.Contains(columns, f => Math.Abs(f - x) <= 2));
        Assert.All(columns, x => Assert.Contains(expectedColumns, e => Math.Abs(e - x) <= 2));
    }

    [Fact]
    public void GridLinesAreFoundAndStrokesOfTextAreNot()
    {
        using var page = Grid();

        // Text-sized strokes inside the cells: a dash, a 丨, a 十.
        Cv2.Line(page, new Point(150, 200), new Point(175, 200), Scalar.All(0), 3);
        Cv2.Line(page, new Point(250, 180), new Point(250, 205), Scalar.All(0), 3);
        Cv2.Line(page, new Point(500, 400), new Point(520, 400), Scalar.All(0), 3);
        Cv2.Line(page, new Point(510, 390), new Point(510, 410), Scalar.All(0), 3);

        var found = RulingFinder.Find(page);
        Assert.Equal([100, 300, 500], found.Where(r => r.IsHorizontal).Select(r => (int)Math.Round(r.At)));
        Assert.Equal([100, 450, 800], found.Where(r => !r.IsHorizontal).Select(r => (int)Math.Round(r.At)));
        Assert.All(found.Where(r => r.IsHorizontal), r => Assert.InRange(r.From, 98, 102));
        Assert.All(found, r => Assert.InRange(r.Thickness, 2.9, 3.1));
    }

    [Fact]
    public void StrokesOfATitleStandingOnTheTopRulingAreNoRulingsWhileALineHangingFromARulingIs()
    {
        using var page = Grid();

        // A large title printed on the top ruling: the long strokes of 目 and 评, longer than the vertical
        // kernel (20 pixels here), their feet on the ruling and their tops free.
        foreach (var x in new[] { 300, 322, 360 })
        {
            Cv2.Rectangle(page, new Rect(x - 1, 72, 3, 28), Scalar.All(0), -1);
        }

        // A cell's line hanging from the bottom ruling, the ruling below it lost in the scan.
        Cv2.Rectangle(page, new Rect(599, 500, 3, 60), Scalar.All(0), -1);

        var found = RulingFinder.Find(page);
        Assert.Equal([100, 450, 600, 800], found.Where(r => !r.IsHorizontal).Select(r => (int)Math.Round(r.At)));
    }

    [Fact]
    public void TheWallsOfARowCutFromItsTableByAPageBreakAreRulings()
    {
        // The top of the next page: the rest of a cut row alone, its bottom ruling and the walls standing on it
        // (side walls at its ends, a column wall between), their tops free, level, longer than the kernel.
        using var page = new Mat(1200, 900, MatType.CV_8UC1, Scalar.All(255));
        Cv2.Rectangle(page, new Rect(100, 149, 701, 3), Scalar.All(0), -1);
        foreach (var x in new[] { 100, 450, 800 })
        {
            Cv2.Rectangle(page, new Rect(x - 1, 110, 3, 41), Scalar.All(0), -1);
        }

        var found = RulingFinder.Find(page);
        Assert.Equal([100, 450, 800], found.Where(r => !r.IsHorizontal).Select(r => (int)Math.Round(r.At)));

        // Two walls standing so are not enough (strokes of a title can meet an end), nor walls that stand inside
        // the ruling without reaching its ends.
        using var two = new Mat(1200, 900, MatType.CV_8UC1, Scalar.All(255));
        Cv2.Rectangle(two, new Rect(100, 149, 701, 3), Scalar.All(0), -1);
        foreach (var x in new[] { 100, 450 })
        {
            Cv2.Rectangle(two, new Rect(x - 1, 110, 3, 41), Scalar.All(0), -1);
        }

        Assert.DoesNotContain(RulingFinder.Find(two), r => !r.IsHorizontal);
    }

    [Fact]
    public void OnALandscapePageAStrokeOfACharacterUnderARulingIsNoRuling()
    {
        // A landscape page 1,600 pixels wide: its text is the size a portrait page 900 wide has, and so are the
        // kernels. A character's upright stroke of 24 pixels hangs 6 pixels under a ruling (the first line of a cell).
        using var page = new Mat(900, 1600, MatType.CV_8UC1, Scalar.All(255));
        foreach (var y in new[] { 100, 300, 500 })
        {
            Cv2.Rectangle(page, new Rect(99, y - 1, 1303, 3), Scalar.All(0), -1);
        }

        foreach (var x in new[] { 100, 800, 1400 })
        {
            Cv2.Rectangle(page, new Rect(x - 1, 99, 3, 403), Scalar.All(0), -1);
        }

        Cv2.Rectangle(page, new Rect(300, 107, 3, 24), Scalar.All(0), -1);
        Cv2.Rectangle(page, new Rect(290, 118, 24, 3), Scalar.All(0), -1);

        var found = RulingFinder.Find(page);
        Assert.Equal([100, 800, 1400], found.Where(r => !r.IsHorizontal).Select(r => (int)Math.Round(r.At)));
        Assert.Equal([100, 300, 500], found.Where(r => r.IsHorizontal).Select(r => (int)Math.Round(r.At)));
    }

    [Fact]
    public void RulingsEndWhereTheirInkEndsWhateverThePagesSize()
    {
        // 2,280 rows: a sixtieth of the page is 38 pixels, an even kernel, which OpenCV's morphology anchors off
        // its middle; the lines kept must not move for it.
        using var page = new Mat(2280, 1612, MatType.CV_8UC1, Scalar.All(255));
        Cv2.Rectangle(page, new Rect(199, 299, 1003, 3), Scalar.All(0), -1);
        Cv2.Rectangle(page, new Rect(199, 899, 1003, 3), Scalar.All(0), -1);
        foreach (var x in new[] { 200, 700, 1200 })
        {
            Cv2.Rectangle(page, new Rect(x - 1, 299, 3, 603), Scalar.All(0), -1);
        }

        var found = RulingFinder.Find(page);
        Assert.All(found.Where(r => !r.IsHorizontal), r => Assert.Equal((299, 901), (r.From, r.To)));
        Assert.All(found.Where(r => r.IsHorizontal), r => Assert.Equal((199, 1201), (r.From, r.To)));
        Assert.Equal([200, 700, 1200], found.Where(r => !r.IsHorizontal).Select(r => (int)Math.Round(r.At)));
    }

    [Fact]
    public void ErasingLeavesTheTextBetweenTheRulings()
    {
        using var page = new Mat(400, 600, MatType.CV_8UC1, Scalar.All(255));
        Cv2.Line(page, new Point(50, 100), new Point(550, 100), Scalar.All(0), 3);
        Cv2.Line(page, new Point(300, 50), new Point(300, 350), Scalar.All(0), 3);
        Cv2.Rectangle(page, new Rect(100, 150, 20, 20), Scalar.All(0), -1);
        using var erased = RulingFinder.Erase(page, RulingFinder.Find(page));
        Assert.Equal(255, erased.At<byte>(100, 200));
        Assert.Equal(255, erased.At<byte>(200, 300));
        Assert.Equal(0, erased.At<byte>(160, 110));
    }

    [Fact]
    public void AFoldsCreaseIsNoRulingWhereTheFormsRulingsAre()
    {
        // A rendered form folded in three and in half: soft grey creases across the page and down its middle,
        // found in the ink a threshold by neighbourhood gives, as a scan's rulings are.
        using var page = Rendering.Page(Rendering.Form("seed-chromium-noto-sans-a4"), 1, Dpi);
        using var plain = Found(page);
        using var creases = new Mat(page.Size(), MatType.CV_8UC1, Scalar.All(255));
        foreach (var y in new[] { page.Rows / 3, 2 * page.Rows / 3 })
        {
            Cv2.Line(creases, new Point(0, y), new Point(page.Cols, y), Scalar.All(185), 3);
        }

        Cv2.Line(creases, new Point(page.Cols / 2, 0), new Point(page.Cols / 2, page.Rows), Scalar.All(185), 3);
        Cv2.GaussianBlur(creases, creases, new Size(0, 0), 2);
        using var folded = new Mat();
        Cv2.Multiply(page, creases, folded, 1 / 255.0);
        using var withCreases = Found(folded);

        var expected = Distinct(plain.Rulings.Where(r => r.IsHorizontal).Select(r => r.At));
        Assert.True(expected.Count > 10, "the form has a ruled table");
        Assert.Equal(expected.Count, Distinct(withCreases.Rulings.Where(r => r.IsHorizontal).Select(r => r.At)).Count);
        Assert.Equal(Distinct(plain.Rulings.Where(r => !r.IsHorizontal).Select(r => r.At)).Count, Distinct(withCreases.Rulings.Where(r => !r.IsHorizontal).Select(r => r.At)).Count);
        Assert.DoesNotContain(withCreases.Rulings, r => r.IsHorizontal && Math.Abs(r.At - (page.Rows / 3.0)) < 4 && !plain.Rulings.Any(p => p.IsHorizontal && Math.Abs(p.At - r.At) < 4));
    }

    [Fact]
    public void ATemplatesGreyInnerLinesAreRulingsBesideItsBlackOuterOnes()
    {
        // Outer lines black, inner ones a third of the way to white (a spreadsheet's grey borders).
        using var page = new Mat(1200, 900, MatType.CV_8UC1, Scalar.All(245));
        foreach (var (y, shade) in new[] { (100, 0), (300, 160), (400, 160), (500, 0) })
        {
            Cv2.Rectangle(page, new Rect(99, y - 1, 703, 3), Scalar.All(shade), -1);
        }

        foreach (var (x, shade) in new[] { (100, 0), (300, 160), (450, 160), (600, 160), (800, 0) })
        {
            Cv2.Rectangle(page, new Rect(x - 1, 99, 3, 403), Scalar.All(shade), -1);
        }

        using var found = Found(page);
        Assert.Equal([100, 300, 400, 500], found.Rulings.Where(r => r.IsHorizontal).Select(r => (int)Math.Round(r.At)));
        Assert.Equal([100, 300, 450, 600, 800], found.Rulings.Where(r => !r.IsHorizontal).Select(r => (int)Math.Round(r.At)));
    }

    [Fact]
    public void LinesAPixelThickBesideLinesTwoPixelsThickAreRulings()
    {
        // A 150-dpi scan's grid: outer lines two pixels thick, inner ones one, as dark.
        using var page = new Mat(1200, 900, MatType.CV_8UC1, Scalar.All(242));
        foreach (var (y, thick) in new[] { (100, 2), (255, 1), (300, 1), (455, 1), (500, 2) })
        {
            Cv2.Rectangle(page, new Rect(99, y, 703, thick), Scalar.All(30), -1);
        }

        foreach (var (x, thick) in new[] { (100, 2), (241, 1), (450, 1), (805, 2) })
        {
            Cv2.Rectangle(page, new Rect(x, 99, thick, 403), Scalar.All(30), -1);
        }

        // As scanned: each line's edge a little grey on the rows beside it.
        Cv2.GaussianBlur(page, page, new Size(0, 0), 0.6);
        using var found = Found(page);
        Assert.Equal(5, found.Rulings.Count(r => r.IsHorizontal));
        Assert.Equal(4, found.Rulings.Count(r => !r.IsHorizontal));
    }

    /// <summary>The rulings of a grey page found in the ink a threshold by neighbourhood gives, as a scan's are read.</summary>
    private static FoundRulings Found(Mat grey)
    {
        var ink = Binarization.Adaptive(grey, Binarization.BlockFor(grey.Cols), Extractor.Sources.Ocr.ScanReader.AdaptiveOffset);
        return new FoundRulings(ink, RulingFinder.FindInInk(ink, grey));
    }

    private sealed record FoundRulings(Mat Ink, IReadOnlyList<Ruling> Rulings) : IDisposable
    {
        public void Dispose() => Ink.Dispose();
    }

    /// <summary>A white page with a grid of lines three pixels thick centred on rows 100, 300, 500 and columns 100, 450, 800.</summary>
    private static Mat Grid()
    {
        var page = new Mat(1200, 900, MatType.CV_8UC1, Scalar.All(255));
        foreach (var y in new[] { 100, 300, 500 })
        {
            Cv2.Rectangle(page, new Rect(99, y - 1, 703, 3), Scalar.All(0), -1);
        }

        foreach (var x in new[] { 100, 450, 800 })
        {
            Cv2.Rectangle(page, new Rect(x - 1, 99, 3, 403), Scalar.All(0), -1);
        }

        return page;
    }

    private static List<double> Distinct(IEnumerable<double> values)
    {
        var result = new List<double>();
        foreach (var v in values.Order())
        {
            if (result.Count == 0 || v - result[^1] > 3)
            {
                result.Add(v);
            }
        }

        return result;
    }
}
