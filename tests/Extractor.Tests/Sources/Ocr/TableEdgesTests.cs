using Extractor.Sources.Ocr;
using PixelRuling = Extractor.Sources.Ocr.Imaging.Ruling;

namespace Extractor.Tests.Sources.Ocr;

public sealed class TableEdgesTests
{
    private static readonly PixelRuling[] Rows = [H(10, 10, 500), H(50, 12, 498), H(90, 10, 501), H(130, 11, 500)];

    [Fact]
    public void ATableWithoutItsRightWallIsClosedWhereItsRowsEnd()
    {
        PixelRuling[] rulings = [.. Rows, V(10, 10, 130), V(300, 10, 130)];
        var closed = TableEdges.Close(rulings, 6);

        var added = Assert.Single(closed.Except(rulings));
        Assert.False(added.IsHorizontal);
        Assert.InRange(added.At, 498, 501);
        Assert.Equal((10, 130), (added.From, added.To));
    }

    [Fact]
    public void ATableWithoutItsLeftWallIsClosedToo()
    {
        PixelRuling[] rulings = [.. Rows, V(300, 10, 130), V(500, 10, 130)];
        var added = Assert.Single(TableEdges.Close(rulings, 6).Except(rulings));
        Assert.InRange(added.At, 10, 12);
    }

    [Fact]
    public void AClosedTableAndRowsStoppingShortOfAWallAreLeftAlone()
    {
        PixelRuling[] closed = [.. Rows, V(10, 10, 130), V(300, 10, 130), V(500, 10, 130)];
        Assert.Same(closed, TableEdges.Close(closed, 6));

        // Rows that end at 300 while the table's wall stands at 500: an inner boundary, not an open side.
        PixelRuling[] inner = [H(10, 10, 300), H(50, 10, 300), H(90, 10, 300), H(0, 10, 500), H(140, 10, 500), V(10, 0, 140), V(500, 0, 140)];
        Assert.DoesNotContain(TableEdges.Close(inner, 6).Except(inner), r => r.At > 250 && r.At < 350);

        // Lines alone, no table: nothing to close.
        PixelRuling[] lines = [.. Rows];
        Assert.Same(lines, TableEdges.Close(lines, 6));
    }

    private static PixelRuling H(int y, int from, int to) => new(true, from, to, y, 2);

    private static PixelRuling V(int x, int from, int to) => new(false, from, to, x, 2);
}
