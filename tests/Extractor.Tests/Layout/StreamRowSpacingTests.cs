using Extractor.Conversion;
using Extractor.Domain;
using Extractor.Geometry;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Sources;

namespace Extractor.Tests.Layout;

/// <summary>
/// A table without rulings whose rows are all one line, set at an even spacing: the spacing is the rows',
/// not that of lines wrapped in a cell, so every row stays a row; 续表 over a page's part is no row.
/// </summary>
public sealed class StreamRowSpacingTests
{
    private static readonly double[] Xs = [30, 90, 150, 260, 330, 400, 440, 480];

    private static Glyph G(string text, double left, double bottom, int page, double size = 8) =>
        new(text, left, bottom, left + (size * text.Length), bottom + size, size, new PageBox(page, left, bottom, left + (size * text.Length), bottom + size));

    private static PageContent Page(int page, bool header, int rows, double spacing, string? mark)
    {
        var glyphs = new List<Glyph>();
        var y = 800.0;
        if (header)
        {
            string[] names = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
            glyphs.AddRange(names.Select((n, c) => G(n, Xs[c], y, page)));
            y -= spacing;
        }

        if (mark is not null)
        {
            glyphs.Add(G(mark, Xs[0], y, page));
        }

        for (var r = 0; r < rows; r++)
        {
            y -= spacing;
            string[] cells = ["产出指标", "数量指标", $"指标{page}-{r}", "≥95%", "96%", "10", "10", "无"];
            glyphs.AddRange(cells.Select((t, c) => G(t, Xs[c], y, page)));
        }

        return new PageContent(page, 595, 842, [.. glyphs], []);
    }

    [Theory]
    [InlineData(20.0)]
    [InlineData(16.0)]
    [InlineData(13.0)]
    public void EvenlySpacedSingleLineRowsStayRows(double spacing)
    {
        var rows = LayoutReader.Read([Page(1, header: true, 12, spacing, null)]);
        var document = DocumentConverter.FromRowText(rows, new SourceInfo("t.pdf", "0", SourceKinds.Pdf, 1));

        var indicators = Assert.Single(document.Forms).Indicators;
        Assert.Equal(Enumerable.Range(0, 12).Select(r => $"指标1-{r}"), indicators.Select(i => i.Name));
        Assert.All(indicators, i => Assert.Equal(("产出指标", "数量指标", "≥95%", "96%"), (i.Level1, i.Level2, i.Target?.Raw, i.Actual?.Raw)));
    }

    [Fact]
    public void ContinuationMarksOverEachPageAreNotRows()
    {
        var rows = LayoutReader.Read([Page(1, header: true, 10, 20, "续表"), Page(2, header: false, 10, 20, "（续表）"), Page(3, header: false, 10, 20, "续上表")]);
        var document = DocumentConverter.FromRowText(rows, new SourceInfo("t.pdf", "0", SourceKinds.Pdf, 3));

        var indicators = Assert.Single(document.Forms).Indicators;
        Assert.Equal(30, indicators.Length);
        Assert.Equal(["指标1-0", "指标2-0", "指标3-0"], new[] { indicators[0].Name, indicators[10].Name, indicators[20].Name });
        Assert.DoesNotContain(indicators, i => i.Name.Contains('续'));
    }

    [Theory]
    [InlineData("续表", true)]
    [InlineData("（续表1）", true)]
    [InlineData("(续表)", true)]
    [InlineData("接上页", true)]
    [InlineData("续表格填写说明", false)]
    [InlineData("持续", false)]
    public void ContinuationMarks(string text, bool expected) => Assert.Equal(expected, Vocabulary.IsContinuationMark(text));
}
