using System.Globalization;
using Extractor.Grammar;
using Extractor.Layout;
using Sprache;
using Extractor.Domain;

namespace Extractor.Tests.Grammar;

/// <summary>The pieces row rules are made of: Tab, Gap, CellText, Cell, and TryParse on a RowLine.</summary>
public class RowGrammarCellTests
{
    [Fact]
    public void TabReadsATab()
    {
        Assert.Equal('\t', ParseAssert.Whole(RowGrammar.Tab.TryParse("\t")));
    }

    [Fact]
    public void TabFailsOnText()
    {
        ParseAssert.FailsAt(RowGrammar.Tab.TryParse("a"), 0, "tab");
    }

    [Theory]
    [InlineData("\t\t\tx", 3)]
    [InlineData("\tx", 1)]
    [InlineData("x", 0)]
    [InlineData("", 0)]
    public void GapReadsAnyNumberOfEmptyCells(string input, int count)
    {
        Assert.Equal(count, ParseAssert.StopsAt(RowGrammar.Gap.TryParse(input), count).Count());
    }

    [Theory]
    [InlineData("党群中心\t5", "党群中心", 4)]
    [InlineData("11,999,665.86", "11,999,665.86", 13)]
    [InlineData("偏差原因分析及 改进措施\t", "偏差原因分析及 改进措施", 12)]
    public void CellTextReadsUpToTheNextTab(string input, string expected, int position)
    {
        Assert.Equal(expected, ParseAssert.StopsAt(RowGrammar.CellText.TryParse(input), position));
    }

    [Theory]
    [InlineData("\t5")]
    [InlineData("")]
    public void CellTextNeedsText(string input)
    {
        ParseAssert.FailsAt(RowGrammar.CellText.TryParse(input), 0, "cell text");
    }

    [Fact]
    public void CellGivesTheValueAndTheColumn()
    {
        var cell = ParseAssert.StopsAt(RowGrammar.Cell(CellGrammar.Number).TryParse("11,999,665.86\t10"), 13);
        Assert.Equal(0, cell.Column);
        Assert.Equal("11999665.86", cell.Value.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void CellCountsTheColumnFromTheTabsBeforeIt()
    {
        var rule = from gap in RowGrammar.Gap from cell in RowGrammar.Cell(CellGrammar.PointsCell) select cell;
        Assert.Equal(new Located<decimal>(3, 10m), ParseAssert.Whole(rule.TryParse("\t\t\t10")));
    }

    [Fact]
    public void CellNeedsTheContentToFillTheCell()
    {
        ParseAssert.FailsAt(RowGrammar.Cell(CellGrammar.Number).TryParse("10元\t5"), 2, "end of input");
    }

    [Fact]
    public void CellPlacesTheContentFailureInTheRow()
    {
        var rule = from gap in RowGrammar.Gap from cell in RowGrammar.Cell(CellGrammar.PercentCell) select cell;
        var result = rule.TryParse("\t\t45.17\t10");
        ParseAssert.FailsAt(result, 7);
        Assert.Contains(result.Expectations, e => e.Contains('%', StringComparison.Ordinal));
    }

    [Fact]
    public void CellSaysWhatTheContentExpectedAtTheCellStart()
    {
        ParseAssert.FailsAt(RowGrammar.Cell(CellGrammar.NumberCell).TryParse("规范\t5"), 0, "number");
    }

    [Fact]
    public void CellOfAnEmptyCellFails()
    {
        ParseAssert.FailsAt(RowGrammar.Cell(CellGrammar.Number).TryParse("\t10"), 0, "cell text");
    }

    [Fact]
    public void CellRefusesNull()
    {
        Assert.Throws<ArgumentNullException>(() => RowGrammar.Cell<int>(null!));
    }

    [Fact]
    public void TryParseReadsARowLineWithItsColumns()
    {
        var line = new RowLine(36, 3, [new RowCell(0, "总分", []), new RowCell(6, "100", []), new RowCell(7, "96", [])]);
        var row = RowGrammar.TryParse(RowGrammar.TotalRow, line);
        Assert.True(row.WasSuccessful);
        Assert.Equal<Located<decimal>>([new(6, 100m), new(7, 96m)], row.Value.Values);
    }

    [Fact]
    public void TryParseReportsAFailureOnARowLine()
    {
        var line = new RowLine(8, 1, [new RowCell(1, "年度资金总额", []), new RowCell(2, "11134477.99", [])]);
        ParseAssert.FailsAt(RowGrammar.TryParse(RowGrammar.TitleRow, line), 1, "title (…自评表)");
    }

    [Fact]
    public void TryParseRefusesNull()
    {
        var line = new RowLine(1, 1, [new RowCell(0, "总分", [])]);
        Assert.Throws<ArgumentNullException>(() => RowGrammar.TryParse<TotalRow>(null!, line));
        Assert.Throws<ArgumentNullException>(() => RowGrammar.TryParse(RowGrammar.TotalRow, null!));
    }
}
