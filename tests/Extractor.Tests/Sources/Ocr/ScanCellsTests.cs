using Extractor.Geometry;
using Extractor.Sources.Ocr;
using Extractor.Sources.Ocr.Paddle;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

/// <summary>The boxes read in a scanned table's cells.</summary>
public sealed class ScanCellsTests
{
    private static readonly Rect2f Cell = new(0, 0, 120, 90);

    /// <summary>An ink mask (255 ink) 120 × 90 with the given rectangles inked.</summary>
    private static Mat Ink(params Rect[] marks)
    {
        var ink = new Mat(90, 120, MatType.CV_8UC1, Scalar.All(0));
        foreach (var m in marks)
        {
            Cv2.Rectangle(ink, m, Scalar.All(255), -1);
        }

        return ink;
    }

    [Fact]
    public void ABoxOverTwiceAsTallAsItsInkIsCutRoundIt()
    {
        // A digit 20 high in a box 60 high (a lone 4 in a score cell): cut to 1.8 × 20 round the digit's middle.
        using var ink = Ink(new Rect(50, 35, 12, 20));
        var fitted = ScanCells.FitToInk(ink, new Rect2f(30, 15, 60, 60), Cell, lineHeight: 40);
        Assert.Equal(30, fitted.Left);
        Assert.Equal(60, fitted.Width);
        Assert.Equal(36, fitted.Height, 1);
        Assert.Equal(45, fitted.Top + (fitted.Height / 2), 1);
    }

    [Fact]
    public void ABoxFittingItsInkADashAndSpecksAreLeftAsTheyAre()
    {
        var box = new Rect2f(30, 20, 60, 40);

        // Ink 20 high in a box 40 high: as the detector draws a line.
        using var line = Ink(new Rect(35, 30, 50, 20));
        Assert.Equal(box, ScanCells.FitToInk(line, box, Cell, 40));

        // A dash is less than a quarter of a line high: its box stays.
        using var dash = Ink(new Rect(40, 39, 30, 3));
        Assert.Equal(box, ScanCells.FitToInk(dash, box, Cell, 40));

        // Specks of noise at the box's edges do not count as ink: the digit alone decides.
        using var specks = Ink(new Rect(50, 32, 12, 16), new Rect(31, 21, 1, 1), new Rect(88, 58, 1, 1));
        var fitted = ScanCells.FitToInk(specks, new Rect2f(30, 15, 60, 60), Cell, 40);
        Assert.Equal(28.8, fitted.Height, 1);
    }

    [Fact]
    public void ACutBoxStaysInsideItsCell()
    {
        using var ink = Ink(new Rect(50, 2, 12, 14));
        var fitted = ScanCells.FitToInk(ink, new Rect2f(30, 0, 60, 60), Cell, 40);
        Assert.Equal(0, fitted.Top);
        Assert.InRange(fitted.Bottom, 20, 22);
    }

    [Fact]
    public void AShortRunOfInkGetsATightBoxAndALineNone()
    {
        // A lone digit 20 high in a detector's box 50 × 33: a box a quarter of its height round it.
        using var digit = Ink(new Rect(50, 30, 12, 20));
        var tight = ScanCells.TightBox(digit, new Rect2f(35, 22, 50, 33), Cell, lineHeight: 40);
        Assert.NotNull(tight);
        Assert.Equal(new Rect2f(45, 25, 22, 30), tight!.Value);

        // A line of text, many times as wide as high, is left to the first reading.
        using var line = Ink(new Rect(10, 30, 100, 20));
        Assert.Null(ScanCells.TightBox(line, new Rect2f(5, 22, 110, 33), Cell, 40));

        // A dash is too low to be a character's run.
        using var dash = Ink(new Rect(40, 39, 20, 3));
        Assert.Null(ScanCells.TightBox(dash, new Rect2f(35, 22, 50, 33), Cell, 40));
    }

    [Fact]
    public void ALineIsWidenedOverAnItemNumberTheDetectorLeftOutBesideIt()
    {
        // 1、肥料利用率 with the detector's box round 肥料利用率 only: the 1 and the 、 a word's gap to its left.
        var cell = new Rect2f(0, 0, 300, 90);
        using var ink = WideInk(new Rect(50, 30, 6, 20), new Rect(60, 44, 5, 6), new Rect(85, 30, 160, 20));
        var widened = Widen(ink, cell, new Rect2f(80, 25, 170, 30));
        Assert.InRange(widened.Left, 44, 46);
        Assert.Equal(250, widened.Right, 1);
        Assert.Equal(25, widened.Top, 1);
        Assert.Equal(30, widened.Height, 1);
    }

    [Fact]
    public void InkOnAnotherLineFarOffOrInAnotherPieceWidensNothing()
    {
        var cell = new Rect2f(0, 0, 300, 90);
        var box = new Rect2f(80, 25, 170, 30);

        // The next line of the cell, below the box: a line of its own, which the detector missed, gets a box.
        using var below = WideInk(new Rect(40, 62, 10, 20), new Rect(85, 30, 160, 20));
        var pieces = Pieces(below, cell, box);
        Assert.Equal(2, pieces.Count);
        Assert.Equal(box, pieces[0]);
        Assert.True(pieces[1].Left <= 40 && pieces[1].Right >= 50 && pieces[1].Top <= 62 && pieces[1].Bottom >= 82, pieces[1].ToString());

        // A mark more than a line's height away is no part of this line.
        using var far = WideInk(new Rect(20, 30, 6, 20), new Rect(85, 30, 160, 20));
        Assert.Equal(box, Widen(far, cell, box));

        // Ruling remains along the cell's wall.
        using var wall = WideInk(new Rect(2, 10, 2, 70), new Rect(85, 30, 160, 20));
        Assert.Equal(box, Widen(wall, cell, box));
    }

    [Fact]
    public void ACharacterABoxGrazesFromAboveIsReadOnItsOwnAndOneItCutsShortIsTheBoxs()
    {
        // A label one character a line (单位资金): the box of the characters above ends two pixels into the next
        // one, which is read on its own; a box that holds close to half of it (a line's digits above a box cut
        // too low) keeps it, and nothing is read twice.
        var cell = new Rect2f(0, 0, 40, 90);
        using var ink = WideInk(new Rect(10, 5, 16, 16), new Rect(10, 30, 16, 16));
        var grazed = Pieces(ink, cell, new Rect2f(8, 2, 24, 30));
        Assert.Equal(2, grazed.Count);
        Assert.True(grazed[1].Top <= 30 && grazed[1].Bottom >= 46, grazed[1].ToString());
        Assert.Single(Pieces(ink, cell, new Rect2f(8, 2, 24, 35)));
    }

    [Fact]
    public void ACharacterWhosePartsStandOneOverTheOtherIsOneLine()
    {
        // 监 under a boxed character: its stroke and its 皿 touch but do not overlap; read as two lines, each
        // had been read as the whole character (监监).
        var cell = new Rect2f(0, 0, 40, 90);
        using var ink = WideInk(new Rect(10, 5, 16, 14), new Rect(14, 35, 3, 8), new Rect(10, 43, 16, 7));
        var pieces = Pieces(ink, cell, new Rect2f(8, 2, 24, 20));
        Assert.Equal(2, pieces.Count);
        Assert.True(pieces[1].Top <= 35 && pieces[1].Bottom >= 50, pieces[1].ToString());
    }

    private static Mat WideInk(params Rect[] marks)
    {
        var ink = new Mat(90, 300, MatType.CV_8UC1, Scalar.All(0));
        foreach (var m in marks)
        {
            Cv2.Rectangle(ink, m, Scalar.All(255), -1);
        }

        return ink;
    }

    private static Rect2f Widen(Mat ink, Rect2f cellArea, Rect2f box) => Assert.Single(Pieces(ink, cellArea, box));

    private static List<Rect2f> Pieces(Mat ink, Rect2f cellArea, Rect2f box, params Rect2f[] more)
    {
        var cell = new GridCell(0, 0, 1, 1, 0, 0, 100, 30);
        var pieces = more.Prepend(box).Select(b => new ScanPiece(new TextRegion(Quad.FromRect(b), 0.9f), cell, cellArea)).ToList();
        return [.. PieceWidening.Widened(pieces, ink, lineHeight: 20).Select(p => p.Region.Quad.Bounds)];
    }

    [Fact]
    public void PiecesOfACellThatOverlapOnOneLineAreReadOnce()
    {
        // 得分 boxed whole and 得 boxed apart: one piece round both. A second line under them stays apart.
        var cell = new Rect2f(0, 0, 300, 90);
        using var ink = WideInk(new Rect(85, 30, 40, 20), new Rect(85, 62, 40, 20));
        var pieces = Pieces(ink, cell, new Rect2f(80, 25, 50, 30), new Rect2f(78, 27, 25, 28), new Rect2f(80, 58, 50, 28));
        Assert.Equal(2, pieces.Count);
        Assert.Equal(new Rect2f(78, 25, 53, 30), pieces[0]); // 得 grown over the 分 it cuts, to 6 pixels past its ink
        Assert.Equal(new Rect2f(80, 58, 50, 28), pieces[1]);
    }
}
