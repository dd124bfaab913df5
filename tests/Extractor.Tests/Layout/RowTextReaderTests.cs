using Extractor.Layout;

namespace Extractor.Tests.Layout;

/// <summary>Row text in the seed's shape: RowTextReader.Read.</summary>
public class RowTextReaderTests
{
    private static string Cells(RowLine line) => string.Join(" | ", line.Cells.Select(c => $"{c.Column}:{c.Text}"));

    private static string Rows(RowText text) => string.Join("\n", text.Lines.Select(l => $"{l.Number}@{l.Page} {Cells(l)}"));

    [Theory]
    [InlineData("a\tb\nc")]
    [InlineData("a\tb\r\nc")]
    [InlineData("a\tb\rc")]
    [InlineData("a\tb\nc\n")]
    [InlineData("a\tb\r\nc\r\n")]
    [InlineData("a\tb\rc\r")]
    public void EveryLineEndEndsALine(string text)
    {
        var rows = RowTextReader.Read(text);
        Assert.Equal("1@1 0:a | 1:b\n2@1 0:c", Rows(rows));
        Assert.Equal(1, rows.PageCount);
    }

    [Fact]
    public void AByteOrderMarkIsNotText()
    {
        var rows = RowTextReader.Read("\uFEFF项目名称\t党群中心劳务费及分摊费\n");
        Assert.Equal("1@1 0:项目名称 | 1:党群中心劳务费及分摊费", Rows(rows));
    }

    [Fact]
    public void TrailingTabsAddNoCells()
    {
        Assert.Equal("1@1 0:(2023年度)", Rows(RowTextReader.Read("(2023 年度)\t\t\t\t\t\t\t\t")));
    }

    [Fact]
    public void EmptyCellsKeepTheColumnsOfTheOthers()
    {
        Assert.Equal("1@1 2:总分 | 4:100 | 6:a", Rows(RowTextReader.Read("\t\t总分\t\t100\t  \ta\t")));
    }

    [Fact]
    public void CellsHaveTheWhitespaceRuleApplied()
    {
        Assert.Equal("1@1 0:年度指标值 | 1:实际完成值 | 2:> 80 %", Rows(RowTextReader.Read(" 年度 指标值 \t实际 完成值\t>  80 %")));
    }

    [Theory]
    [InlineData("a\n\nb", 3)]
    [InlineData("a\r\n\r\nb", 3)]
    [InlineData("a\r\rb", 3)]
    [InlineData("a\n\n\n\nb", 5)]
    [InlineData("a\n\t\t\nb", 3)]
    public void BlankLinesArePageBreaks(string text, int lineOfB)
    {
        var rows = RowTextReader.Read(text);
        Assert.Equal($"1@1 0:a\n{lineOfB}@2 0:b", Rows(rows));
        Assert.Equal(2, rows.PageCount);
    }

    [Fact]
    public void LeadingBlankLinesAreNotAPageBreak()
    {
        var rows = RowTextReader.Read("\n\na\n\nb");
        Assert.Equal("3@1 0:a\n5@2 0:b", Rows(rows));
        Assert.Equal(2, rows.PageCount);
    }

    [Fact]
    public void TrailingBlankLinesAddNoPage()
    {
        var rows = RowTextReader.Read("a\n\n\n");
        Assert.Equal("1@1 0:a", Rows(rows));
        Assert.Equal(1, rows.PageCount);
    }

    [Fact]
    public void FormFeedsArePageBreaks()
    {
        var rows = RowTextReader.Read("a\n\fb\n\fc\n\f");
        Assert.Equal("1@1 0:a\n2@2 0:b\n3@3 0:c", Rows(rows));
        Assert.Equal(3, rows.PageCount);
    }

    [Theory]
    [InlineData("a\n\f\nb")]
    [InlineData("a\n\n\fb")]
    public void AFormFeedAndABlankLineAreOneBreak(string text)
    {
        var rows = RowTextReader.Read(text);
        Assert.Equal("1@1 0:a\n3@2 0:b", Rows(rows));
        Assert.Equal(2, rows.PageCount);
    }

    [Fact]
    public void ALeadingFormFeedIsNotAPageBreak()
    {
        Assert.Equal("1@1 0:a\n2@1 0:b", Rows(RowTextReader.Read("\fa\nb")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("\t\t\n  \n")]
    [InlineData("\uFEFF")]
    public void TextWithoutCellsHasNoLinesAndNoPages(string text)
    {
        var rows = RowTextReader.Read(text);
        Assert.Empty(rows.Lines);
        Assert.Equal(0, rows.PageCount);
    }

    [Fact]
    public void ReadRefusesNull()
    {
        Assert.Throws<ArgumentNullException>(() => RowTextReader.Read(null!));
    }

    [Fact]
    public void TheSeedHasTenPagesAndLinesNumberedOverTheRawFile()
    {
        var rows = RowTextReader.Read(SeedFile.Text);
        Assert.Equal(112, rows.Lines.Length);
        Assert.Equal(10, rows.PageCount);
        Assert.Equal("3@1 0:财政项目支出绩效自评表", $"{rows.Lines[0].Number}@{rows.Lines[0].Page} {Cells(rows.Lines[0])}");
        Assert.Equal(123, rows.Lines[^1].Number);
        Assert.Equal(10, rows.Lines[^1].Page);
    }

    [Theory]
    [InlineData(7, 1, "0:项目资金(元) | 2:年初预算数 | 3:全年预算数 | 4:全年执行数 | 5:分值 | 6:执行率 | 7:得分")]
    [InlineData(8, 1, "1:年度资金总额 | 2:11134477.99 | 3:11999665.86 | 4:11,999,665.86 | 5:10 | 6:100.00% | 7:10")]
    [InlineData(22, 2, "0:绩效指标 | 1:时效指标 | 2:按时按规做好正常人员晋升 | 3:及时 | 4:及时 | 5:10 | 6:10")]
    [InlineData(36, 3, "0:总分 | 6:100 | 7:96")]
    [InlineData(93, 7, "3:杨行镇“两新”党建工")]
    [InlineData(95, 8, "0:产出指标 | 1:质量指标 | 2:作和“两新”党员教育管理工作的考核达标率 | 3:>80% | 4:85% | 5:4 | 6:4")]
    [InlineData(123, 10, "0:总分 | 6:100 | 7:97")]
    public void SeedLinesKeepTheirColumnsAndPages(int number, int page, string cells)
    {
        var line = Assert.Single(RowTextReader.Read(SeedFile.Text).Lines, l => l.Number == number);
        Assert.Equal(page, line.Page);
        Assert.Equal(cells, Cells(line));
    }
}
