using Extractor.Sources.Ocr;
using Extractor.Sources.Ocr.Paddle;
using PixelRuling = Extractor.Sources.Ocr.Imaging.Ruling;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

/// <summary>Runs of character-sized ink that no detected line covers.</summary>
public sealed class UndetectedInkTests
{
    private const double LineHeight = 30;

    /// <summary>A 400 × 200 ink mask with the blocks given drawn as ink.</summary>
    private static Mat Ink(params Rect[] blocks)
    {
        var ink = new Mat(200, 400, MatType.CV_8UC1, Scalar.All(0));
        foreach (var block in blocks)
        {
            ink.Rectangle(block, Scalar.All(255), -1);
        }

        return ink;
    }

    [Fact]
    public void ALoneFigureNoLineCoversIsFound()
    {
        // A detected line of three characters, and a lone figure (13 × 22, a score's 5 at 200 dpi) far right.
        using var ink = Ink(new Rect(20, 40, 20, 22), new Rect(45, 40, 20, 22), new Rect(70, 40, 20, 22), new Rect(300, 41, 13, 22));
        var regions = UndetectedInk.Find(ink, [new Rect2f(16, 36, 78, 30)], LineHeight);
        var region = Assert.Single(regions);
        var box = region.Quad.Bounds;
        Assert.True(box.Left < 300 && box.Right > 313 && box.Top < 41 && box.Bottom > 63, $"{box}");
        Assert.True(box.Width < 2 * LineHeight, $"{box}");
        Assert.Equal(0, region.Score);
    }

    [Fact]
    public void CharactersSideBySideAreOneRunAndLinesApartAreTwo()
    {
        using var ink = Ink(
            new Rect(20, 40, 22, 22), new Rect(46, 40, 22, 22), new Rect(72, 44, 6, 18), new Rect(84, 40, 22, 22),
            new Rect(20, 100, 22, 22), new Rect(200, 100, 22, 22));
        var regions = UndetectedInk.Find(ink, [], LineHeight);
        Assert.Equal(3, regions.Count);
        var first = regions[0].Quad.Bounds;
        Assert.True(first.Left < 20 && first.Right > 106 && first.Bottom < 80, $"{first}");

        // In page order: the second line's two runs (a line and more apart) after the first.
        Assert.True(regions[1].Quad.Bounds.Right < 60 && regions[2].Quad.Bounds.Left > 150);
    }

    [Fact]
    public void SpecksRulingRemainsEdgesAndCoveredInkAreNot()
    {
        using var ink = Ink(
            new Rect(100, 100, 3, 3),      // a speck
            new Rect(150, 90, 2, 30),      // what erasing a column ruling left beside it
            new Rect(170, 120, 4, 26),     // a ruling's stub a line high, too short to be found as a ruling
            new Rect(0, 50, 14, 22),       // ink cut by the image's edge
            new Rect(200, 40, 30, 8),      // a dash: under a third of a line high
            new Rect(250, 40, 14, 22),     // a figure inside a detected line's margin
            new Rect(300, 30, 90, 60));    // a blot over two lines wide
        Assert.Empty(UndetectedInk.Find(ink, [new Rect2f(266, 36, 30, 30)], LineHeight));
    }

    [Fact]
    public void InkFarFainterThanThePagesTextIsNoRun()
    {
        // The grey page: a detected line printed black (grey 60 on paper 245), a figure as dark beside it, and
        // a piece of a red seal's ring as its red channel leaves it (grey 215). All three are ink to the mask.
        Rect[] line = [new Rect(20, 40, 20, 22), new Rect(45, 40, 20, 22)];
        var (figure, seal) = (new Rect(200, 41, 13, 22), new Rect(300, 41, 16, 22));
        using var ink = Ink([.. line, figure, seal]);
        using var grey = new Mat(200, 400, MatType.CV_8UC1, Scalar.All(245));
        foreach (var block in line.Append(figure))
        {
            grey.Rectangle(block, Scalar.All(60), -1);
        }

        grey.Rectangle(seal, Scalar.All(215), -1);
        var region = Assert.Single(UndetectedInk.Find(ink, [new Rect2f(16, 36, 52, 30)], LineHeight, grey));
        Assert.True(region.Quad.Bounds.Left < 200 && region.Quad.Bounds.Right < 250, $"{region.Quad.Bounds}");

        // Without the grey, both are runs.
        Assert.Equal(2, UndetectedInk.Find(ink, [new Rect2f(16, 36, 52, 30)], LineHeight).Count);
    }

    [Fact]
    public void EachFigureIsFoundOnceWhereverTheBandsOfRowsMeet()
    {
        // The ink is labelled a band of rows at a time: figures whose tops step across where bands meet
        // (row 196 and 392 for this line height) are each one run, whole.
        using var ink = new Mat(700, 1000, MatType.CV_8UC1, Scalar.All(0));
        var tops = Enumerable.Range(0, 21).Select(i => 176 + (2 * i)).Concat(Enumerable.Range(0, 21).Select(i => 372 + (2 * i))).ToList();
        for (var i = 0; i < tops.Count; i++)
        {
            ink.Rectangle(new Rect(10 + ((i % 21) * 45), tops[i], 13, 22), Scalar.All(255), -1);
        }

        var regions = UndetectedInk.Find(ink, [], LineHeight);
        Assert.Equal(tops.Count, regions.Count);
        Assert.All(regions, r => Assert.InRange(r.Quad.Bounds.Height, 22, 30));
    }

    [Fact]
    public void AnEmptyCellIsReadRoundItsInkAsBeforeAndOnlyInkElsewhereIsAnUndetectedRun()
    {
        // A ruled table of two cells (x 100–300–500, y 100–200) and a figure in each, the left one under a
        // detected line; a figure below the table, and one in the empty right cell, boxed by nothing.
        using var ink = new Mat(400, 600, MatType.CV_8UC1, Scalar.All(0));
        foreach (var block in new[] { new Rect(190, 140, 14, 22), new Rect(390, 140, 14, 22), new Rect(250, 300, 14, 22) })
        {
            ink.Rectangle(block, Scalar.All(255), -1);
        }

        PixelRuling[] rulings =
        [
            new(true, 100, 500, 100, 2), new(true, 100, 500, 200, 2),
            new(false, 100, 200, 100, 2), new(false, 100, 200, 300, 2), new(false, 100, 200, 500, 2),
        ];
        var frame = new ScanFrame(1, 600, 400, 1, 0, 0, (x, y) => (x, 400 - y));
        var detected = new TextRegion(Quad.FromRect(new Rect2f(180, 135, 34, 32)), 0.9f);
        var layout = ScanCells.Find(frame, [detected], rulings, ink);

        // The right cell's figure is read round its ink as any empty cell's is, held to no surer reading.
        var right = Assert.Single(layout.Pieces, p => p.Cell is { } c && c.Column == 1);
        Assert.False(right.Undetected);
        var below = Assert.Single(layout.Pieces, p => p.Cell is null);
        Assert.True(below.Undetected);
        Assert.True(below.Region.Quad.Bounds.Top < 300 && below.Region.Quad.Bounds.Bottom > 322);
    }

    [Fact]
    public void APageOfBlotsIsBoundedAndNothingIsFoundWithoutALineHeight()
    {
        using var ink = new Mat(2000, 2000, MatType.CV_8UC1, Scalar.All(0));
        for (var y = 10; y < 1980; y += 40)
        {
            for (var x = 10; x < 1980; x += 60)
            {
                ink.Rectangle(new Rect(x, y, 14, 22), Scalar.All(255), -1);
            }
        }

        Assert.Equal(UndetectedInk.MaxRuns, UndetectedInk.Find(ink, [], LineHeight).Count);
        Assert.Empty(UndetectedInk.Find(ink, [], 0));
    }
}
