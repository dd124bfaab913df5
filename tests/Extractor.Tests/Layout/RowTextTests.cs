using Extractor.Layout;

namespace Extractor.Tests.Layout;

/// <summary>Printing rows back in the seed's shape: RowLine.ToTabText, RowLine.CellAt, RowText.ToTabText.</summary>
public class RowTextTests
{
    private static RowLine Line(int number, int page, params (int Column, string Text)[] cells) =>
        new(number, page, [.. cells.Select(c => new RowCell(c.Column, c.Text, []))]);

    [Fact]
    public void RowLineToTabTextKeepsEmptyCells()
    {
        var line = Line(8, 1, (1, "年度资金总额"), (2, "11134477.99"), (4, "10"));
        Assert.Equal("\t年度资金总额\t11134477.99\t\t10", line.ToTabText());
    }

    [Fact]
    public void RowLineWithoutCellsIsEmptyText()
    {
        Assert.Equal(string.Empty, Line(1, 1).ToTabText());
    }

    [Fact]
    public void CellAtFindsACellByColumn()
    {
        var line = Line(8, 1, (1, "年度资金总额"), (2, "11134477.99"));
        Assert.Equal("11134477.99", line.CellAt(2)?.Text);
        Assert.Null(line.CellAt(0));
        Assert.Null(line.CellAt(3));
    }

    [Fact]
    public void RowTextToTabTextPutsABlankLineBetweenPages()
    {
        var text = new RowText([Line(1, 1, (0, "a")), Line(2, 1, (1, "b")), Line(4, 2, (0, "c"))], 2);
        Assert.Equal("a\n\tb\n\nc\n", text.ToTabText());
    }

    [Fact]
    public void TheSeedReadsBackTheSameFromItsPrintedForm()
    {
        var seed = RowTextReader.Read(SeedFile.Text);
        var again = RowTextReader.Read(seed.ToTabText());
        Assert.Equal(seed.PageCount, again.PageCount);
        Assert.Equal(
            seed.Lines.Select(l => (l.Page, l.ToTabText())),
            again.Lines.Select(l => (l.Page, l.ToTabText())));
    }
}
