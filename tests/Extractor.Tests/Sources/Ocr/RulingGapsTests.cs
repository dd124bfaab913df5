using Extractor.Sources.Ocr;
using Extractor.Sources.Ocr.Imaging;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

public sealed class RulingGapsTests
{
    private const double Reach = 8;
    private const int MaxGap = 300;

    // A table's walls at x = 100, 400, 700 and 1000, from y = 50 to 650.
    private static readonly Ruling[] Walls = [.. Enumerable.Range(0, 4).Select(i => new Ruling(false, 50, 650, 100 + (300 * i), 2))];

    [Fact]
    public void PiecesOfOneLineWithGapsNoWallBoundsAreJoined()
    {
        Ruling[] pieces = [Piece(100, 240, 200.4), Piece(300, 520, 200.9), Piece(610, 1000, 200.6)];
        var joined = Assert.Single(RulingGaps.Join([.. pieces], Walls, Reach, MaxGap));
        Assert.Equal(100, joined.From);
        Assert.Equal(1000, joined.To);
        Assert.InRange(joined.At, 200.4, 200.9);
    }

    [Fact]
    public void AGapFromWallToWallIsAMergedCellsAndStaysOpen()
    {
        // The line stops at the wall at 400 and starts again at the one at 700: the cell between spans two rows.
        var lines = RulingGaps.Join([Piece(100, 400, 200), Piece(700, 1000, 200)], Walls, Reach, MaxGap);
        Assert.Equal(2, lines.Count);
        Assert.Equal([400, 1000], lines.Select(l => l.To).Order());
    }

    [Fact]
    public void AMergedCellsGapStaysOpenWhenAPieceRunsOnPastItsWall()
    {
        // Other ink touching the line (a seal's ring) ran the first piece on 12 pixels past the wall at 400.
        var lines = RulingGaps.Join([Piece(100, 412, 200), Piece(700, 1000, 200)], Walls, Reach, MaxGap);
        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public void AGapWithOneEndAtAWallIsJoined()
    {
        // Lost from 520 to the wall at 700, where the line crosses it: a cell's line ends at a wall at both ends.
        var joined = Assert.Single(RulingGaps.Join([Piece(100, 520, 200), Piece(700, 1000, 200)], Walls, Reach, MaxGap));
        Assert.Equal((100, 1000), (joined.From, joined.To));
    }

    [Fact]
    public void PiecesMeetingNoLineAcrossAreLeftApart()
    {
        // Two underlines of a signature row below the table: no wall reaches them.
        var lines = RulingGaps.Join([Piece(150, 380, 800), Piece(450, 700, 800)], Walls, Reach, MaxGap);
        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public void AGapLongerThanAPieceBesideItOrTheLimitIsLeftOpen()
    {
        Assert.Equal(2, RulingGaps.Join([Piece(100, 150, 200), Piece(250, 1000, 200)], Walls, Reach, MaxGap).Count);
        Assert.Equal(2, RulingGaps.Join([Piece(100, 450, 200), Piece(651, 1000, 200)], Walls, Reach, maxGap: 150).Count);
    }

    [Fact]
    public void ADoubleBorderStaysTwoLines()
    {
        var lines = RulingGaps.Join([Piece(100, 1000, 200), Piece(100, 1000, 202.5)], Walls, Reach, MaxGap);
        Assert.Equal([200, 202.5], lines.Select(l => l.At).Order());
    }

    [Fact]
    public void PiecesApartAcrossAreNotOneLine()
    {
        var lines = RulingGaps.Join([Piece(100, 500, 200), Piece(560, 1000, 206)], Walls, Reach, MaxGap);
        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public void AVerticalWallLostBetweenRowsIsJoinedButNotAcrossAMergedCellsRow()
    {
        Ruling[] rows = [.. Enumerable.Range(0, 5).Select(i => new Ruling(true, 100, 1000, 50 + (100 * i), 2))];

        // Lost from 180 to 220, inside a row: joined.
        var joined = Assert.Single(RulingGaps.Join([new Ruling(false, 50, 180, 400, 2), new Ruling(false, 220, 450, 400, 2)], rows, Reach, MaxGap));
        Assert.Equal((50, 450), (joined.From, joined.To));

        // Absent from the row between 250 and 350 (a cell spanning two columns): left open.
        Assert.Equal(2, RulingGaps.Join([new Ruling(false, 50, 250, 400, 2), new Ruling(false, 350, 450, 400, 2)], rows, Reach, MaxGap).Count);
    }

    [Fact]
    public void AFaxInStandardModeHasItsThinRulingsFoundWholeAndAMergedCellLeftOpen()
    {
        // A table faxed at 204 × 98 dpi, 0.3° askew: its thin row lines (0.2 mm) fall between two rows of the fax
        // wherever they cross from one to the next, and are lost there for millimetres at a time. The row at 5 (of
        // rows 0–8) has a cell spanning it and the row below between the second and third walls.
        using var fax = Fax();
        using var square = ImageResolution.Square(fax, new StatedResolution(204, 98))!;
        var skew = Deskew.EstimateDegrees(square);
        using var straight = Deskew.Rotate(square, skew);
        var found = RulingFinder.Find(straight);
        var walls = found.Where(r => !r.IsHorizontal).Select(r => r.At).Order().ToList();
        Assert.Equal(4, walls.Count);

        // Each of the nine row lines is one ruling from the first wall to the last, but the one broken by the merged cell.
        var rows = new List<List<Ruling>>();
        foreach (var h in found.Where(r => r.IsHorizontal).OrderBy(r => r.At))
        {
            if (rows.Count == 0 || h.At - rows[^1][^1].At > 10)
            {
                rows.Add([]);
            }

            rows[^1].Add(h);
        }


        Assert.Equal(9, rows.Count);
        var merged = (walls[1] + walls[2]) / 2;
        foreach (var (row, index) in rows.Select((g, i) => (g, i)))
        {
            if (index == 5)
            {
                Assert.Equal(2, row.Count);
                Assert.DoesNotContain(row, h => h.From < merged && h.To > merged);
                continue;
            }

            var line = Assert.Single(row);
            Assert.InRange(line.From, walls[0] - 6, walls[0] + 12);
            Assert.InRange(line.To, walls[^1] - 12, walls[^1] + 6);
        }
    }

    private static Ruling Piece(int from, int to, double at) => new(true, from, to, at, 2.5);

    /// <summary>
    /// A bitonal fax page (1,700 × 1,100 pixels at 204 × 98 dpi, 0.3° askew) with a table of eight rows and four
    /// columns: walls two pixels wide, row lines 0.9 of a fax row thick, inked where they cover half a row or more.
    /// </summary>
    private static Mat Fax()
    {
        const double Slope = 0.3 * Math.PI / 180;
        const int Top = 150;
        const int Bottom = 950;
        double[] rowLines = [.. Enumerable.Range(0, 9).Select(i => Top + (i * 100.0))];
        int[] walls = [150, 600, 1000, 1550];
        var page = new Mat(1100, 1700, MatType.CV_8UC1, Scalar.All(255));
        foreach (var (y0, index) in rowLines.Select((y, i) => (y, i)))
        {
            for (var x = walls[0]; x <= walls[^1]; x++)
            {
                if (index == 5 && x > walls[1] + 1 && x < walls[2] - 1)
                {
                    continue;
                }

                // The line's middle in fax rows at this column; the slope in rows a column is the skew's, scaled by the
                // resolutions' ratio.
                var middle = y0 + (x * Math.Tan(Slope) * 98 / 204);
                var (top, bottom) = (middle - 0.45, middle + 0.45);
                for (var row = (int)Math.Floor(top); row <= (int)Math.Floor(bottom); row++)
                {
                    if (Math.Min(bottom, row + 1) - Math.Max(top, row) >= 0.5)
                    {
                        page.Set(row, x, (byte)0);
                    }
                }
            }
        }

        foreach (var x0 in walls)
        {
            for (var row = Top; row <= Bottom; row++)
            {
                var x = (int)Math.Round(x0 - (row * Math.Tan(Slope) * 204 / 98));
                page.Set(row, x, (byte)0);
                page.Set(row, x + 1, (byte)0);
            }
        }

        return page;
    }
}
