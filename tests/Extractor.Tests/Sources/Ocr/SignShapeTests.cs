using Extractor.Sources.Ocr.Imaging;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

public sealed class SignShapeTests
{
    private const double LineHeight = 40;

    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 0)]
    [InlineData(2, 6)]
    public void ChevronsAloneAreGreaterAndLess(int thickness, int shift)
    {
        Assert.Equal('>', Read(ink => Chevron(ink, right: true, thickness, shift)));
        Assert.Equal('<', Read(ink => Chevron(ink, right: false, thickness, shift)));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void AChevronOverALevelBarIsGreaterOrEqual(int thickness)
    {
        Assert.Equal('≥', Read(ink =>
        {
            Chevron(ink, right: true, thickness, 0);
            Cv2.Line(ink, new Point(16, 48), new Point(44, 48), Scalar.All(255), thickness);
        }));
        Assert.Equal('≤', Read(ink =>
        {
            Chevron(ink, right: false, thickness, 0);
            Cv2.Line(ink, new Point(16, 48), new Point(44, 48), Scalar.All(255), thickness);
        }));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(3)]
    public void ABarSlantedUnderTheLowerArmIsGreaterOrEqualEvenWhenTheyTouch(int gap)
    {
        // ⩾ as CJK fonts draw ≥: the bar runs beside the lower arm; scanned small, the two run together.
        Assert.Equal('≥', Read(ink =>
        {
            Chevron(ink, right: true, 2, 0);
            Cv2.Line(ink, new Point(44, 25 + gap), new Point(16, 40 + gap), Scalar.All(255), 2);
        }));
        Assert.Equal('≤', Read(ink =>
        {
            Chevron(ink, right: false, 2, 0);
            Cv2.Line(ink, new Point(16, 25 + gap), new Point(44, 40 + gap), Scalar.All(255), 2);
        }));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void AChevronOverTwoLevelBarsIsTheDoubleBarredSign(int thickness)
    {
        // ≧ and ≦ as CJK fonts draw them (WenQuanYi, SimSun): an = under the chevron.
        Assert.Equal('≧', Read(ink =>
        {
            Chevron(ink, right: true, thickness, 0);
            Cv2.Line(ink, new Point(16, 46), new Point(44, 46), Scalar.All(255), thickness);
            Cv2.Line(ink, new Point(16, 53), new Point(44, 53), Scalar.All(255), thickness);
        }));
        Assert.Equal('≦', Read(ink =>
        {
            Chevron(ink, right: false, thickness, 0);
            Cv2.Line(ink, new Point(16, 46), new Point(44, 46), Scalar.All(255), thickness);
            Cv2.Line(ink, new Point(16, 53), new Point(44, 53), Scalar.All(255), thickness);
        }));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void AStrokeSlantedOneWayIsNoChevron(int thickness)
    {
        // The / or \ of a cell with nothing to report: its edge reaches furthest at its foot, and no arm comes back.
        Assert.Null(Read(ink => Cv2.Line(ink, new Point(40, 8), new Point(20, 48), Scalar.All(255), thickness)));
        Assert.Null(Read(ink => Cv2.Line(ink, new Point(20, 8), new Point(40, 48), Scalar.All(255), thickness)));
        Assert.Null(Read(ink => Cv2.Line(ink, new Point(44, 20), new Point(16, 40), Scalar.All(255), thickness)));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void AStrokeLeaningRightIsASlashAndUprightOrBarredInkIsNot(int thickness)
    {
        static bool Slash(Action<Mat> draw) => OnInk(draw, SignShape.IsSlash);

        Assert.True(Slash(ink => Cv2.Line(ink, new Point(38, 10), new Point(24, 46), Scalar.All(255), thickness)));
        Assert.False(Slash(ink => Cv2.Line(ink, new Point(24, 10), new Point(38, 46), Scalar.All(255), thickness)), "a backslash leans the other way");
        Assert.False(Slash(ink => Cv2.Line(ink, new Point(30, 10), new Point(30, 46), Scalar.All(255), thickness)), "a 1 stands upright");
        Assert.False(Slash(ink => Cv2.Line(ink, new Point(38, 26), new Point(30, 30), Scalar.All(255), thickness)), "a speck or tick is too short");
        Assert.False(Slash(ink => Chevron(ink, right: false, thickness, 0)), "a chevron has two arms");
        Assert.False(Slash(ink =>
        {
            Cv2.Line(ink, new Point(38, 10), new Point(24, 46), Scalar.All(255), thickness);
            Cv2.Line(ink, new Point(10, 30), new Point(20, 30), Scalar.All(255), thickness);
        }), "more than one piece of ink");
    }

    [Fact]
    public void TwoLevelBarsOneOverTheOtherAreEquals()
    {
        Assert.Equal('=', Read(ink =>
        {
            Cv2.Line(ink, new Point(15, 22), new Point(45, 22), Scalar.All(255), 2);
            Cv2.Line(ink, new Point(15, 32), new Point(45, 32), Scalar.All(255), 2);
        }));
    }

    [Fact]
    public void OtherInkIsNoSign()
    {
        Assert.Null(Read(_ => { }));
        Assert.Null(Read(ink => Cv2.Line(ink, new Point(15, 30), new Point(45, 30), Scalar.All(255), 2)));
        Assert.Null(Read(ink => Cv2.PutText(ink, "4", new Point(18, 45), HersheyFonts.HersheySimplex, 1.2, Scalar.All(255), 3)));
        Assert.Null(Read(ink => Cv2.PutText(ink, "0", new Point(18, 45), HersheyFonts.HersheySimplex, 1.2, Scalar.All(255), 3)));
        Assert.Null(Read(ink => Cv2.PutText(ink, "12", new Point(2, 45), HersheyFonts.HersheySimplex, 1.2, Scalar.All(255), 3)));

        // A chevron with a bar beside it rather than under it (a 7 or a K's pieces) is no sign either.
        Assert.Null(Read(ink =>
        {
            Chevron(ink, right: true, 2, 0);
            Cv2.Line(ink, new Point(50, 5), new Point(50, 45), Scalar.All(255), 2);
        }));
    }

    [Fact]
    public void TheSignsOfAScannedFormsNatureColumnAreRead()
    {
        // fixtures/scans/two-forms-ocr-200, page 1: the 指标性质 cells of the first six indicators, printed ⩾ ⩾ = ⩾ = ⩽.
        using var page = Rendering.Page(Rendering.Scan("two-forms-ocr-200"), 1, 200);
        using var ink = Binarization.Adaptive(page, Binarization.BlockFor(page.Cols), 12);
        int[] tops = [1137, 1192, 1252, 1307, 1364, 1420];
        var read = string.Concat(tops.Select(y => SignShape.Read(ink, new Rect(1020, y, 80, 46), LineHeight)?.ToString() ?? "?"));
        Assert.Equal("≥≥=≥=≤", read);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    public void TheSameSignsBlurredUntilTheirBarsMergeAreReadFromTheirGreyImage(double sigma)
    {
        // The page blurred as a poor scanner does: the slanted bar of each ⩾ runs into its lower arm, and the ink
        // mask shows a chevron with one thick arm. The grey image still weighs the bar.
        using var page = Rendering.Page(Rendering.Scan("two-forms-ocr-200"), 1, 200);
        using var blurred = new Mat();
        Cv2.GaussianBlur(page, blurred, new Size(0, 0), sigma);
        using var ink = Binarization.Adaptive(blurred, Binarization.BlockFor(blurred.Cols), 12);
        int[] tops = [1137, 1192, 1307, 1420];
        var read = string.Concat(tops.Select(y => SignShape.Read(ink, new Rect(1020, y, 80, 46), LineHeight, blurred)?.ToString() ?? "?"));
        Assert.Equal("≥≥≥≤", read);
    }

    [Fact]
    public void ABlurredChevronOrBracketIsNoSignWithABar()
    {
        static char? ReadBlurred(Action<Mat> draw)
        {
            using var grey = new Mat(60, 60, MatType.CV_8UC1, Scalar.All(240));
            draw(grey);
            Cv2.GaussianBlur(grey, grey, new Size(0, 0), 1.5);
            using var ink = Binarization.Adaptive(grey, 15, 12);
            return SignShape.Read(ink, new Rect(0, 0, 60, 60), LineHeight, grey);
        }

        Assert.Equal('>', ReadBlurred(g =>
        {
            Cv2.Line(g, new Point(16, 10), new Point(44, 25), Scalar.All(60), 3);
            Cv2.Line(g, new Point(44, 25), new Point(16, 40), Scalar.All(60), 3);
        }));

        // The bar merged into the lower arm: twice its ink below the point.
        Assert.Equal('≥', ReadBlurred(g =>
        {
            Cv2.Line(g, new Point(16, 10), new Point(44, 25), Scalar.All(60), 3);
            Cv2.Line(g, new Point(44, 25), new Point(16, 40), Scalar.All(60), 3);
            Cv2.Line(g, new Point(44, 29), new Point(18, 44), Scalar.All(60), 3);
        }));

        // A closing bracket read as a sign reaches furthest over many rows: it stays what its ink says, no ≥.
        Assert.NotEqual('≥', ReadBlurred(g => Cv2.Ellipse(g, new Point(20, 27), new Size(18, 18), 0, -70, 70, Scalar.All(60), 3)));
    }

    [Fact]
    public void ASmallSansSignWhoseBarRunsIntoItsArmIsRead()
    {
        // fixtures/scans/split-target-image-200, page 1: ≥ in a sans font, 18 pixels wide, its level bar joined
        // to the lower arm's end; and the = two rows above it.
        using var page = Rendering.Page(Rendering.Scan("split-target-image-200"), 1, 200);
        using var ink = Binarization.Adaptive(page, Binarization.BlockFor(page.Cols), 12);
        Assert.Equal('≥', SignShape.Read(ink, new Rect(960, 1308, 80, 34), LineHeight));
        Assert.Equal('=', SignShape.Read(ink, new Rect(960, 1250, 80, 34), LineHeight));
    }

    [Fact]
    public void AFlatBarAloneIsADashAndADigitOrSignIsNot()
    {
        static bool Dash(Action<Mat> draw) => OnInk(draw, SignShape.IsDash);

        Assert.True(Dash(ink => Cv2.Line(ink, new Point(15, 30), new Point(40, 30), Scalar.All(255), 2)));
        Assert.False(Dash(ink => Cv2.Line(ink, new Point(30, 15), new Point(30, 45), Scalar.All(255), 3)), "a 1 stands upright");
        Assert.False(Dash(ink => Cv2.Line(ink, new Point(25, 30), new Point(30, 30), Scalar.All(255), 2)), "a speck is no dash");
        Assert.False(Dash(ink =>
        {
            Cv2.Line(ink, new Point(15, 22), new Point(45, 22), Scalar.All(255), 2);
            Cv2.Line(ink, new Point(15, 32), new Point(45, 32), Scalar.All(255), 2);
        }), "two bars are =");
    }

    [Fact]
    public void ADigitsHeightRingIsAZeroAndASmallOneIsNot()
    {
        static bool Zero(Action<Mat> draw) => OnInk(draw, SignShape.IsZero);

        Assert.True(Zero(ink => Cv2.Ellipse(ink, new Point(30, 30), new Size(8, 14), 0, 0, 360, Scalar.All(255), 2)));
        Assert.True(Zero(ink => Cv2.Ellipse(ink, new Point(30, 30), new Size(6, 11), 0, 0, 360, Scalar.All(255), 3)));
        Assert.False(Zero(ink => Cv2.Ellipse(ink, new Point(30, 40), new Size(5, 5), 0, 0, 360, Scalar.All(255), 2)), "。 is a small ring");
        Assert.False(Zero(ink => Cv2.Ellipse(ink, new Point(30, 30), new Size(8, 14), 0, 0, 360, Scalar.All(255), -1)), "a blot has no hole");
        Assert.False(Zero(ink => Cv2.Ellipse(ink, new Point(30, 30), new Size(8, 14), 0, 20, 340, Scalar.All(255), 2)), "a C is open");
        Assert.False(Zero(ink => Cv2.Ellipse(ink, new Point(30, 30), new Size(14, 14), 0, 0, 360, Scalar.All(255), 2)), "a round O is no digit 0");
    }

    [Fact]
    public void ASmallEqualsWhoseBarsTheInkRanTogetherIsReadFromItsGrey()
    {
        // A ﹦ of a 9-point CJK font scanned at 200 dpi, row by row as measured on such a scan: two bars 12
        // pixels long darkening their rows to grey 125–160, the row between them 185. Binarised, the row between
        // counts as ink and the sign is one low block; its grey still shows two bars.
        static (char? WithGrey, char? InkOnly, int Pieces) Small(params (int Row, byte Grey)[] rows)
        {
            using var grey = new Mat(60, 60, MatType.CV_8UC1, Scalar.All(240));
            foreach (var (row, value) in rows)
            {
                Cv2.Line(grey, new Point(24, row), new Point(35, row), Scalar.All(value), 1);
            }

            using var ink = Binarization.Adaptive(grey, 15, 12);
            var area = new Rect(0, 0, 60, 60);
            return (SignShape.Read(ink, area, 30, grey), SignShape.Read(ink, area, 30), ConnectedPieces(ink));
        }

        var small = Small((26, 220), (27, 160), (28, 125), (29, 185), (30, 175), (31, 130), (32, 185), (33, 225));
        Assert.Equal(1, small.Pieces);
        Assert.Equal(('=', (char?)null), (small.WithGrey, small.InkOnly));

        // A block as low and as wide, its rows evenly dark (a thick dash, a blot), is no =.
        var block = Small((27, 140), (28, 130), (29, 130), (30, 130), (31, 140));
        Assert.Equal(1, block.Pieces);
        Assert.Null(block.WithGrey);
    }

    [Fact]
    public void ABlurredDoubleBarredSignWhoseBarsTheInkRanTogetherIsReadFromItsGrey()
    {
        // A ≧ of a 8-point font under heavy blur (σ 1 at 200 dpi): the ink mask shows a chevron over one thick bar;
        // the grey, row by row as measured on such a scan, two dark rows with a lighter one between them.
        static char? Sign(bool twoBarsInGrey)
        {
            using var ink = new Mat(60, 60, MatType.CV_8UC1, Scalar.All(0));
            Cv2.Line(ink, new Point(22, 8), new Point(40, 17), Scalar.All(255), 2);
            Cv2.Line(ink, new Point(40, 17), new Point(22, 26), Scalar.All(255), 2);
            Cv2.Rectangle(ink, new Rect(22, 31, 19, 7), Scalar.All(255), -1);
            using var grey = new Mat(60, 60, MatType.CV_8UC1, Scalar.All(245));
            byte[] rows = twoBarsInGrey ? [206, 163, 144, 178, 209, 192, 151, 155, 233] : [206, 163, 144, 146, 150, 148, 151, 155, 233];
            for (var y = 0; y < rows.Length; y++)
            {
                Cv2.Line(grey, new Point(22, 30 + y), new Point(40, 30 + y), Scalar.All(rows[y]), 1);
            }

            return SignShape.Read(ink, new Rect(0, 0, 60, 60), 30, grey);
        }

        Assert.Equal('≧', Sign(twoBarsInGrey: true));
        Assert.Equal('≥', Sign(twoBarsInGrey: false));
    }

    [Fact]
    public void TwoBarsInTheGreyAreTwoDarkRowsAlikeWithPaperBetween()
    {
        // Rows' darkness (255 less the grey) as measured round low blocks of ink on 200-dpi scans, the block's
        // rows between a row above and a row below: a ﹦; a dash, whose row above its blur is darker than the
        // row just under it; and grain in an empty cell of a heavily noised scan. The last two were read = until
        // both bars had to be dark and alike.
        static bool Bars(params int[] darkness)
        {
            using var grey = new Mat(darkness.Length, 12, MatType.CV_8UC1);
            for (var y = 0; y < darkness.Length; y++)
            {
                Cv2.Line(grey, new Point(0, y), new Point(11, y), Scalar.All(255 - darkness[y]), 1);
            }

            return SignShape.TwoBarsInGrey(grey, new Rect(0, 1, 12, darkness.Length - 2));
        }

        Assert.True(Bars(22, 72, 127, 98, 75, 119, 102, 33, 9));
        Assert.False(Bars(21, 14, 66, 129, 59, 13));
        Assert.False(Bars(19, 9, 17, 25, 24, 14));
        Assert.False(Bars(22, 72, 127, 127, 120, 119, 102, 33, 9), "no lighter row between the bars");
    }

    private static int ConnectedPieces(Mat ink)
    {
        using var labels = new Mat();
        return Cv2.ConnectedComponents(ink, labels) - 1;
    }

    private static char? Read(Action<Mat> draw) => OnInk(draw, (ink, area, lineHeight) => SignShape.Read(ink, area, lineHeight));

    /// <summary>What <paramref name="test"/> makes of a 60 × 60 ink mask with <paramref name="draw"/> drawn on it.</summary>
    private static T OnInk<T>(Action<Mat> draw, Func<Mat, Rect, double, T> test)
    {
        using var ink = new Mat(60, 60, MatType.CV_8UC1, Scalar.All(0));
        draw(ink);
        return test(ink, new Rect(0, 0, 60, 60), LineHeight);
    }

    private static void Chevron(Mat ink, bool right, int thickness, int shift)
    {
        var (tip, ends) = right ? (44 + shift, 16 + shift) : (16 + shift, 44 + shift);
        Cv2.Line(ink, new Point(ends, 10), new Point(tip, 25), Scalar.All(255), thickness);
        Cv2.Line(ink, new Point(tip, 25), new Point(ends, 40), Scalar.All(255), thickness);
    }
}
