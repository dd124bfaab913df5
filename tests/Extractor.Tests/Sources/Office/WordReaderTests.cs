using Extractor.Conversion;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Sources.Office;
using static Extractor.Tests.Support.OfficeFiles;

namespace Extractor.Tests.Sources.Office;

/// <summary>Word documents read as they print: table grids, merged cells, paragraphs, hidden and deleted text, page breaks, provenance.</summary>
public sealed class WordReaderTests
{
    private static RowText Rows(byte[] docx)
    {
        var result = RowTextExtractor.Extract("form.docx", docx);
        Assert.True(result.Rows is not null, result.Error?.Message);
        Assert.Equal(SourceKinds.Docx, result.Source.Kind);
        return result.Rows;
    }

    private static string[] Texts(RowText rows) => [.. rows.Lines.Select(l => l.ToTabText())];

    [Fact]
    public void CellsSitAtTheirGridColumnAndAVerticallyMergedCellsTextIsOnItsFirstRow()
    {
        var rows = Rows(Docx(
            P(R("财政项目支出绩效自评表")) +
            Tbl(
                Tr(string.Empty, Tc("<w:gridSpan w:val=\"2\"/>", P(R("项目名称"))), Tc("测试项目")),
                Tr(string.Empty, Tc("<w:vMerge w:val=\"restart\"/>", P(R("产出指标"))), Tc("数量指标"), Tc("指标一")),
                Tr(string.Empty, Tc("<w:vMerge/>", P()), Tc(string.Empty, P()), Tc("指标二")),
                Tr("<w:gridBefore w:val=\"2\"/>", Tc("指标三")))));

        Assert.Equal(["财政项目支出绩效自评表", "项目名称\t\t测试项目", "产出指标\t数量指标\t指标一", "\t\t指标二", "\t\t指标三"], Texts(rows));

        // The continued merge begins nothing on row 3; the empty 二级 cell does.
        Assert.Equal([1], rows.Lines[3].EmptyCells.ToArray());
        Assert.Equal([(1, 2), (1, 2)], rows.Lines[2].Cells.Take(2).Select(c => (c.Place!.Table!.Value, c.Place.Row!.Value)));
        Assert.Null(rows.Lines[0].Cells[0].Place);
    }

    [Fact]
    public void ACellsParagraphsAndLineBreaksJoinByTheWhitespaceRule()
    {
        var rows = Rows(Docx(Tbl(Tr(string.Empty,
            Tc(string.Empty, P(R("年度")), P(R("指标值"))),
            Tc(string.Empty, P("<w:r><w:t>Total</w:t><w:br/><w:t>score</w:t><w:tab/><w:t>100</w:t></w:r>")),
            Tc(string.Empty, P(R("外层")), Tbl(Tr(string.Empty, Tc("内层一"), Tc("内层二"))))))));

        Assert.Equal(["年度指标值\tTotal score 100\t外层内层一内层二"], Texts(rows));
    }

    [Fact]
    public void SymbolsInsertedFromTheSymbolFontReadAsTheirCharacters()
    {
        var rows = Rows(Docx(P(
            "<w:r><w:sym w:font=\"Symbol\" w:char=\"F0B3\"/></w:r>", R("95%"),
            "<w:r><w:sym w:font=\"Symbol\" w:char=\"F0A3\"/></w:r>", "<w:r><w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/></w:r>",
            "<w:r><w:sym w:font=\"SimSun\" w:char=\"2265\"/></w:r>")));

        Assert.Equal(["≥95%≤≥"], Texts(rows));
    }

    [Fact]
    public void HiddenDeletedAndFieldCodeTextIsNotRead()
    {
        var rows = Rows(Docx(
            P(R("可见"), "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>", "<w:del><w:r><w:delText>删除</w:delText></w:r></w:del>",
              "<w:r><w:instrText> PAGE </w:instrText></w:r>", "<w:ins><w:r><w:t>插入</w:t></w:r></w:ins>") +
            Tbl(
                Tr("<w:hidden/>", Tc("隐藏行")),
                Tr(string.Empty, Tc("显示行")))));

        Assert.Equal(["可见插入", "显示行"], Texts(rows));
        Assert.Equal(2, rows.Lines[1].Cells[0].Place!.Row);
    }

    [Fact]
    public void ExplicitPageBreaksStartPagesAndTablesAreNumberedInOrder()
    {
        var result = RowTextExtractor.Extract("form.docx", Docx(
            P(R("表一")) + Tbl(Tr(string.Empty, Tc("甲"))) +
            P("<w:r><w:br w:type=\"page\"/></w:r>", R("表二")) + Tbl(Tr(string.Empty, Tc("乙")), Tr(string.Empty, Tc("丙"))) +
            "<w:p><w:pPr><w:pageBreakBefore/></w:pPr>" + R("表三") + "</w:p>"));

        var rows = result.Rows!;
        Assert.Equal(3, result.Source.Pages);
        Assert.Equal([1, 1, 2, 2, 2, 3], rows.Lines.Select(l => l.Page));
        Assert.Equal("表一\n甲\n\n表二\n乙\n丙\n\n表三\n", rows.ToTabText());
        Assert.Equal([(2, 1), (2, 2)], rows.Lines.Where(l => l.Cells[0].Place is not null).Skip(1).Select(l => (l.Cells[0].Place!.Table!.Value, l.Cells[0].Place!.Row!.Value)));
    }

    [Fact]
    public void MoreTablesThanTheLimitStopTheDocument()
    {
        var reading = OfficeReader.Read("form.docx", Docx(string.Concat(Enumerable.Repeat(Tbl(Tr(string.Empty, Tc("x"))), 4))), OfficeLimits.Default with { MaxSheets = 3 }, TimeSpan.FromSeconds(30), default);

        Assert.Null(reading.Grid);
        Assert.Equal(DiagnosticCodes.Unreadable, reading.Code);
        Assert.Contains("more than 3 tables", reading.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ACellLongerThanTheLimitIsCutWithAWarning()
    {
        var reading = OfficeReader.Read("form.docx", Docx(Tbl(Tr(string.Empty, Tc(new string('长', 50))))), OfficeLimits.Default with { MaxCellLength = 20 }, TimeSpan.FromSeconds(30), default);

        Assert.Equal(new string('长', 20), Assert.Single(reading.Grid!.Rows).Cells[0].Text);
        var warning = Assert.Single(reading.Grid.Diagnostics);
        Assert.Equal((DiagnosticCodes.Unreadable, Severity.Warning), (warning.Code, warning.Severity));
        Assert.Contains("table 1 row 1 holds 50 characters", warning.Message, StringComparison.Ordinal);
    }
}
