using System.Collections.Immutable;
using Extractor.Conversion;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Sources;
using Extractor.Geometry;

namespace Extractor.Tests.Layout;

/// <summary>A merged label cell cut by a page break whose text is printed only on the next page still labels the rows above it.</summary>
public sealed class LabelAcrossPagesTests
{
    private static Glyph G(string text, double left, double bottom, int page = 1, double size = 8) =>
        new(text, left, bottom, left + (size * text.Length), bottom + size, size, new PageBox(page, left, bottom, left + (size * text.Length), bottom + size));

    // Columns: 一级 0-50, 二级 50-100, 三级 100-200, 年度指标值 200-250, 实际完成值 250-300, 分值 300-330, 得分 330-360.
    private static readonly double[] Xs = [0, 50, 100, 200, 250, 300, 330, 360];

    private static IEnumerable<Ruling> Verticals(double bottom, double top) => Xs.Select(x => new Ruling(x, bottom, x, top));

    private static Ruling H(double y, double from = 0) => new(from, y, 360, y);

    private static IEnumerable<Glyph> Row(double bottom, string name, string target, string actual, string weight, string score, int page = 1) =>
        [G(name, 102, bottom, page), G(target, 202, bottom, page), G(actual, 252, bottom, page), G(weight, 302, bottom, page), G(score, 332, bottom, page)];

    [Fact]
    public void TheRowsBeforeThePageBreakTakeTheLabelPrintedAfterIt()
    {
        // Page 1: header; 数量指标 over rows 1-2; row 3 starts a 二级 cell whose text is on page 2.
        // 产出指标 (一级) spans rows 1-3 and goes on; no ruling crosses the 一级 column between them.
        var page1 = new PageContent(
            1,
            600,
            800,
            [
                G("项目支出绩效自评表", 100, 750, 1, 12), G("项目名称：测试", 0, 720),
                G("一级指标", 2, 686), G("二级指标", 52, 686), G("三级指标", 102, 686), G("年度指标值", 202, 686, 1, 7), G("实际完成值", 252, 686, 1, 7), G("分值", 302, 686), G("得分", 332, 686),
                G("产出指标", 2, 666), G("数量指标", 52, 666),
                .. Row(666, "甲", "=1个", "1个", "30", "30"),
                .. Row(646, "乙", "=1个", "1个", "30", "30"),
                .. Row(626, "丙", "=1个", "1个", "20", "20"),
            ],
            [H(700), H(680), H(660, 100), H(640, 50), H(620), .. Verticals(620, 700)]);
        var page2 = new PageContent(
            2,
            600,
            800,
            [
                G("质量指标", 52, 686, 2),
                .. Row(686, "丁", "=1个", "1个", "20", "20", 2),
                G("总分", 102, 666, 2), G("100", 302, 666, 2), G("100", 332, 666, 2),
            ],
            [H(700), H(680), H(660), .. Verticals(660, 700)]);

        var rows = LayoutReader.Read([page1, page2]);
        var document = DocumentConverter.FromRowText(rows, new SourceInfo("t.pdf", "0", SourceKinds.Pdf, 2));

        var indicators = Assert.Single(document.Forms).Indicators;
        Assert.Equal(
            [("甲", "数量指标"), ("乙", "数量指标"), ("丙", "质量指标"), ("丁", "质量指标")],
            indicators.Select(i => (i.Name, i.Level2)));
        Assert.All(indicators, i => Assert.Equal("产出指标", i.Level1));
        Assert.Equal(new Total(100m, 100m), document.Forms[0].Total);
        Assert.Empty(document.Diagnostics);
    }

    [Fact]
    public void AnEmptyLabelCellFollowedByAnotherGroupsLabelStaysEmpty()
    {
        // The 效益 rows have an empty 二级 cell; page 2 opens the 满意度 group with its own labels.
        var page1 = new PageContent(
            1,
            600,
            800,
            [
                G("项目支出绩效自评表", 100, 750, 1, 12), G("项目名称：测试", 0, 720),
                G("一级指标", 2, 686), G("二级指标", 52, 686), G("三级指标", 102, 686), G("年度指标值", 202, 686, 1, 7), G("实际完成值", 252, 686, 1, 7), G("分值", 302, 686), G("得分", 332, 686),
                G("产出指标", 2, 666), G("数量指标", 52, 666),
                .. Row(666, "甲", "=1个", "1个", "30", "30"),
                G("效益指标", 2, 646),
                .. Row(646, "乙", "良好", "良好", "30", "30"),
            ],
            [H(700), H(680), H(660), H(640), .. Verticals(640, 700)]);
        var page2 = new PageContent(
            2,
            600,
            800,
            [
                G("满意度指标", 2, 686, 2, 7), G("服务对象满意度指标", 52, 686, 2, 5),
                .. Row(686, "丙", "≥90%", "95%", "40", "40", 2),
                G("总分", 102, 666, 2), G("100", 302, 666, 2), G("100", 332, 666, 2),
            ],
            [H(700), H(680), H(660), .. Verticals(660, 700)]);

        var document = DocumentConverter.FromRowText(LayoutReader.Read([page1, page2]), new SourceInfo("t.pdf", "0", SourceKinds.Pdf, 2));

        Assert.Equal(
            [("甲", "产出指标", "数量指标"), ("乙", "效益指标", null), ("丙", "满意度指标", "服务对象满意度指标")],
            Assert.Single(document.Forms).Indicators.Select(i => (i.Name, i.Level1, i.Level2)));
    }
    [Fact]
    public void ARuledRowThatThePageBreakCutIsOneIndicator()
    {
        // The last row of page 1 has no ruling under it (the verticals run on to the page's foot): the page
        // break cut it. Page 2's table opens the same way at its head. Name and reason are cut in two, the
        // target and weight print above the break, the actual and score below it.
        var page1 = new PageContent(
            1,
            600,
            800,
            [
                G("项目支出绩效自评表", 100, 750, 1, 12), G("项目名称：测试", 0, 720),
                G("一级指标", 2, 686), G("二级指标", 52, 686), G("三级指标", 102, 686), G("年度指标值", 202, 686, 1, 7), G("实际完成值", 252, 686, 1, 7), G("分值", 302, 686), G("得分", 332, 686),
                G("产出指标", 2, 666), G("数量指标", 52, 666),
                .. Row(666, "甲", "=1个", "1个", "30", "30"),
                G("家庭医生签约", 102, 646), G("≥60%", 202, 646), G("40", 302, 646),
            ],
            [H(700), H(680), H(660), .. Verticals(630, 700)]);
        var page2 = new PageContent(
            2,
            600,
            800,
            [
                G("服务率", 102, 690, 2), G("65%", 252, 690, 2), G("40", 332, 690, 2),
                G("总分", 102, 666, 2), G("70", 302, 666, 2), G("70", 332, 666, 2),
            ],
            [H(680), H(660), .. Verticals(660, 710)]);

        var rows = LayoutReader.Read([page1, page2]);
        var document = DocumentConverter.FromRowText(rows, new SourceInfo("t.pdf", "0", SourceKinds.Pdf, 2));

        var form = Assert.Single(document.Forms);
        Assert.Equal(["甲", "家庭医生签约服务率"], form.Indicators.Select(i => i.Name));
        var cut = form.Indicators[1];
        Assert.Equal((">=", 60m, "65%", 40m, 40m), (cut.Target!.Operator!, cut.Target.Value!.Value, cut.Actual!.Raw, cut.Weight!.Value, cut.Score!.Value));
        Assert.Equal([1, 2], cut.Source.Pages!.Value.ToArray());
        Assert.Equal(new Total(70m, 70m), form.Total);
    }
}
