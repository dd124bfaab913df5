using System.Collections.Immutable;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Sources;
using Extractor.Geometry;

namespace Extractor.Tests.Layout;

/// <summary>Ruled tables to rows: merged cells, vertical text, text outside the table, reading order.</summary>
public sealed class LatticeLayoutTests
{
    private static Glyph G(string text, double left, double bottom, double size = 10) =>
        new(text, left, bottom, left + (size * text.Length), bottom + size, size, new PageBox(1, left, bottom, left + (size * text.Length), bottom + size));

    // A table with columns at x = 0, 50, 150, 250 and rows at y = 300, 280, 260, 240; the left column of the
    // two lower rows is one merged cell (no ruling between them at x 0..50).
    private static readonly ImmutableArray<Ruling> Rulings =
    [
        new(0, 300, 250, 300), new(0, 280, 250, 280), new(50, 260, 250, 260), new(0, 240, 250, 240),
        new(0, 240, 0, 300), new(50, 240, 50, 300), new(150, 240, 150, 300), new(250, 240, 250, 300),
    ];

    [Fact]
    public void GridCellsIncludeTheMergedCell()
    {
        var table = Assert.Single(LatticeTables.Find(Rulings));

        Assert.Equal([0d, 50, 150, 250], table.Xs.ToArray());
        Assert.Equal([300d, 280, 260, 240], table.Ys.ToArray());
        Assert.Equal(8, table.Cells.Length);
        var merged = Assert.Single(table.Cells, c => c.RowSpan == 2);
        Assert.Equal((1, 0, 1), (merged.Row, merged.Column, merged.ColumnSpan));
        Assert.Equal((0d, 240d, 50d, 280d), (merged.Left, merged.Bottom, merged.Right, merged.Top));
    }

    [Fact]
    public void RowsComeOutWithMergedTextOnTheirFirstRowAndTitleAbove()
    {
        var glyphs = ImmutableArray.Create(
            G("自评表", 90, 320),
            G("一级", 60, 285), G("三级", 160, 285),
            G("产", 20, 266), G("出", 20, 254),
            G("名称A", 60, 265), G("5", 160, 265),
            G("名称B", 60, 245), G("6", 160, 245));
        var rows = LayoutReader.Read([new PageContent(1, 600, 800, glyphs, Rulings)]);

        Assert.Equal(
            ["自评表", "\t一级\t三级", "产出\t名称A\t5", "\t名称B\t6"],
            rows.Lines.Select(l => l.ToTabText()));
        Assert.Equal([1, 2, 3, 4], rows.Lines.Select(l => l.Number));
        var box = rows.Lines[2].Cells[0].Boxes.Single();
        Assert.Equal(new PageBox(1, 20, 254, 30, 276), box);
    }

    [Fact]
    public void PagesAreKeptApartAndNumberedAsPrinted()
    {
        var page1 = new PageContent(1, 600, 800, [G("第一页", 10, 700)], []);
        var page2 = new PageContent(2, 600, 800, [G("第二页", 10, 700), G("下一行", 10, 680)], []);
        var rows = LayoutReader.Read([page1, page2]);

        Assert.Equal([(1, 1), (3, 2), (4, 2)], rows.Lines.Select(l => (l.Number, l.Page)));
        Assert.Equal("第一页\n\n第二页\n下一行\n", rows.ToTabText());
    }

    [Fact]
    public void WideGapsOutsideTablesSplitCellsAndNarrowGapsAreSpaces()
    {
        var glyphs = ImmutableArray.Create(G("单位", 10, 700), G("万元", 80, 700), G("10", 200, 700), G("km", 224, 700));
        var rows = LayoutReader.Read([new PageContent(1, 600, 800, glyphs, [])]);

        Assert.Equal(["单位", "万元", "10 km"], rows.Lines.Single().Cells.Select(c => c.Text));
    }

    [Fact]
    public void ARowAPageBreakCutFromItsTableIsATableWithAnOpenTop()
    {
        // The top of the next page: the rest of a row whose top the break cut off, its side walls and the
        // column walls running up from its bottom ruling, no ruling over it (效益指|标 and 社会效益|指标).
        var tables = LatticeTables.Find([new(50, 700, 550, 700), new(50, 700, 50, 716), new(200, 700, 200, 716), new(550, 700, 550, 716)]);
        var table = Assert.Single(tables);
        Assert.True(table.OpenTop);
        Assert.False(table.OpenBottom);
        Assert.Equal(2, table.Cells.Length);
        Assert.All(table.Cells, c => Assert.Equal((0, 1, 700.0, 716.0), (c.Row, c.RowSpan, c.Bottom, c.Top)));

        // Ticks a few points long on a lone line (a signature's line, an underline) are no row.
        Assert.Empty(LatticeTables.Find([new(50, 700, 550, 700), new(50, 700, 50, 703), new(550, 700, 550, 703)]));

        // Nor are walls that end on the line without running past it.
        Assert.Empty(LatticeTables.Find([new(50, 700, 550, 700), new(50, 700, 50, 700), new(550, 700, 550, 700)]));
    }

    [Fact]
    public void LinesThatDoNotTouchMakeNoTable()
    {
        Assert.Empty(LatticeTables.Find([new(0, 100, 100, 100), new(0, 50, 100, 50), new(200, 0, 200, 100), new(300, 0, 300, 100)]));
    }
}
