using Extractor.Conversion;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Sources.Office;
using static Extractor.Tests.Support.OfficeFiles;

namespace Extractor.Tests.Sources.Office;

/// <summary>Workbooks read as the sheet prints: cell text as shown, merged cells, hidden rows, columns and sheets, provenance.</summary>
public sealed class SheetReaderTests
{
    private static RowText Rows(byte[] xlsx)
    {
        var result = RowTextExtractor.Extract("book.xlsx", xlsx);
        Assert.True(result.Rows is not null, result.Error?.Message);
        Assert.Equal(SourceKinds.Xlsx, result.Source.Kind);
        return result.Rows;
    }

    private static string[] Texts(RowText rows) => [.. rows.Lines.Select(l => l.ToTabText())];

    [Fact]
    public void NumbersShowAsTheirFormatSaysAndTextAsItIs()
    {
        var rows = Rows(Xlsx(("Sheet1", Sheet([
            Row(1, Cell("A1", 1260, 1), Cell("B1", 0.9526, 2), Cell("C1", 11999665.86), Cell("D1", 0.1 + 0.2)),
            Row(2, Cell("A2", 3.14159, 3), Cell("B2", 7, 4), Cell("C2", "=39 人"), Cell("D2", 45292, 5)),
            Row(3, Cell("A3", "年度\n指标值"), Cell("B3", "a\r\nb  c")),
        ]), false)));

        Assert.Equal(["1,260.00\t95.26%\t11999665.86\t0.3", "3.1416\t7\t=39人\t2024年1月1日", "年度指标值\ta b c"], Texts(rows));
    }

    [Fact]
    public void AMergedCellsTextIsOnTheFirstRowItSpansAndEmptyCellsAreMarked()
    {
        var rows = Rows(Xlsx(("Sheet1", Sheet(
            [
                Row(1, Cell("A1", "财政项目支出绩效自评表")),
                Row(2, Cell("A2", "产出指标"), Cell("B2", "数量指标"), Cell("C2", "指标一")),
                Row(3, Cell("B3", "质量指标"), Cell("C3", "指标二")),
                Row(4, Cell("C4", "指标三")),
            ],
            ["A1:C1", "A2:A4", "B3:B4"]), false)));

        Assert.Equal(["财政项目支出绩效自评表", "产出指标\t数量指标\t指标一", "\t质量指标\t指标二", "\t\t指标三"], Texts(rows));

        // Row 4: A4 and B4 are covered by the merges above, so no cell begins there; D is outside the used columns.
        Assert.Empty(rows.Lines[3].EmptyCells);
        Assert.Equal(["A2", "B2", "C2"], rows.Lines[1].Cells.Select(c => c.Place!.Cell));
        Assert.All(rows.Lines.SelectMany(l => l.Cells), c => Assert.Equal("Sheet1", c.Place!.Sheet));
    }

    [Fact]
    public void AnEmptyCellThatBeginsOnARowIsMarkedEmpty()
    {
        var rows = Rows(Xlsx(("Sheet1", Sheet(
            [
                Row(1, Cell("A1", "一级指标"), Cell("B1", "二级指标"), Cell("C1", "三级指标")),
                Row(2, Cell("C2", "指标一")),
            ]), false)));

        Assert.Equal([0, 1], rows.Lines[1].EmptyCells.ToArray());
    }

    [Fact]
    public void HiddenRowsAndColumnsAreNotReadAndColumnsCountTheVisibleOnes()
    {
        var rows = Rows(Xlsx(("Sheet1", Sheet(
            [
                Row(1, Cell("B1", "项目名称"), Cell("C1", "隐藏列"), Cell("D1", "测试项目")),
                Row(2, true, Cell("B2", "隐藏行"), Cell("D2", "合并")),
                Row(3, Cell("B3", "主管部门"), Cell("D3", "部门")),
            ],
            ["D2:D4"],
            hiddenColumns: [3]), false)));

        // Column A is unused and C hidden: B is column 0, D column 1. D2's merged text shows on row 3, its first visible row.
        Assert.Equal(["项目名称\t测试项目", "主管部门\t合并"], Texts(rows));
        Assert.Equal("D2", rows.Lines[1].Cells[1].Place!.Cell);
        Assert.DoesNotContain(rows.Lines, l => l.Cells.Any(c => c.Text == "部门"));
    }

    [Fact]
    public void SheetsArePagesAndHiddenSheetsAreNotRead()
    {
        var result = RowTextExtractor.Extract("book.xlsx", Xlsx(
            ("表一", Sheet([Row(1, Cell("A1", "第一张"))]), false),
            ("隐藏", Sheet([Row(1, Cell("A1", "看不见"))]), true),
            ("表三", Sheet([Row(2, Cell("B2", "第三张"))]), false)));

        var rows = result.Rows!;
        Assert.Equal(2, result.Source.Pages);
        Assert.Equal(2, rows.PageCount);
        Assert.Equal([(1, 1, "第一张", "表一", "A1"), (3, 2, "第三张", "表三", "B2")], rows.Lines.Select(l => (l.Number, l.Page, l.Cells[0].Text, l.Cells[0].Place!.Sheet, l.Cells[0].Place!.Cell)));
        Assert.Equal("第一张\n\n第三张\n", rows.ToTabText());
    }

    [Fact]
    public void ASheetOverTheRowLimitIsSkippedWithAnErrorAndTheRestIsRead()
    {
        var limits = OfficeLimits.Default with { MaxRows = 10 };
        var reading = OfficeReader.Read("book.xlsx", Xlsx(
            ("大表", Sheet([Row(1, Cell("A1", "x")), Row(11, Cell("A11", "y"))]), false),
            ("小表", Sheet([Row(1, Cell("A1", "z"))]), false)), limits, TimeSpan.FromSeconds(30), default);

        var grid = reading.Grid!;
        Assert.Equal(["z"], grid.Rows.SelectMany(r => r.Cells).Select(c => c.Text));
        var error = Assert.Single(grid.Diagnostics);
        Assert.Equal((DiagnosticCodes.Unreadable, Severity.Error), (error.Code, error.Severity));
        Assert.Contains("sheet '大表' has 11 rows, more than the limit of 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreCellsThanTheLimitStopTheWorkbook()
    {
        var limits = OfficeLimits.Default with { MaxCells = 3 };
        var reading = OfficeReader.Read("book.xlsx", Xlsx(("Sheet1", Sheet([Row(1, Cell("A1", 1), Cell("B1", 2), Cell("C1", 3), Cell("D1", 4))]), false)), limits, TimeSpan.FromSeconds(30), default);

        Assert.Null(reading.Grid);
        Assert.Equal(DiagnosticCodes.Unreadable, reading.Code);
        Assert.Contains("more than 3 cells", reading.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OverlappingMergedRangesAreDamage()
    {
        var limits = OfficeLimits.Default with { MaxSheetArea = 100 };
        var reading = OfficeReader.Read("book.xlsx", Xlsx(("Sheet1", Sheet([Row(1, Cell("A1", "x")), Row(10, Cell("J10", "y"))], Enumerable.Repeat("A1:J10", 3)), false)), limits, TimeSpan.FromSeconds(30), default);

        Assert.Null(reading.Grid);
        Assert.Contains("merged ranges overlap", reading.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0, "A1")]
    [InlineData(11, 2, "C12")]
    [InlineData(0, 25, "Z1")]
    [InlineData(0, 26, "AA1")]
    [InlineData(99, 16383, "XFD100")]
    public void CellsAreNamedInA1Style(int row, int column, string expected) =>
        Assert.Equal(expected, SheetGrid.Reference(row, column));
}
