using System.Collections.Immutable;
using Extractor.Assembly;
using Extractor.Domain;
using Extractor.Geometry;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Sources;

namespace Extractor.Tests.Assembly;

/// <summary>A page break through some cells of a row and not others: a two-row header cut between its rows.</summary>
public sealed class CutRowsTests
{
    private static Glyph G(string text, double left, double bottom, int page, double size = 10) =>
        new(text, left, bottom, left + (size * text.Length), bottom + size, size, new PageBox(page, left, bottom, left + (size * text.Length), bottom + size));

    // The foot of page 1: a row (总体目标), then the first row of a two-row header. 一级指标, 三级指标 and 全年实际完成值
    // are two rows high; the break fell after the first row, so their bottoms are open, while 指标值 (over the
    // header's second row) is closed by its ruling. Columns at x = 0, 100, 200, 300, 400, 500.
    private static readonly ImmutableArray<Ruling> FootOfPage1 =
    [
        new(0, 340, 500, 340), new(0, 300, 500, 300), new(200, 280, 400, 280),
        new(0, 280, 0, 340), new(100, 280, 100, 340), new(200, 280, 200, 340), new(400, 280, 400, 340), new(500, 280, 500, 340),
    ];

    // The head of page 2: the rest of those three cells (open at the top) beside the header's second row
    // (指标性质 | 指标值, ruled above), then a row of data.
    private static readonly ImmutableArray<Ruling> HeadOfPage2 =
    [
        new(200, 700, 400, 700), new(0, 680, 500, 680), new(0, 660, 500, 660),
        new(0, 660, 0, 700), new(100, 660, 100, 700), new(200, 660, 200, 700), new(300, 660, 300, 700), new(400, 660, 400, 700), new(500, 660, 500, 700),
    ];

    private static PageContent Page1(ImmutableArray<Ruling> rulings) => new(1, 600, 800, [
        G("总体目标", 10, 315, 1),
        G("一级", 10, 288, 1), G("三级", 110, 288, 1), G("指标值", 270, 288, 1), G("全年实际", 410, 288, 1),
    ], rulings);

    private static PageContent Page2(ImmutableArray<Ruling> rulings) => new(2, 600, 800, [
        G("指标", 10, 686, 2), G("指标", 110, 686, 2), G("指标性质", 210, 686, 2), G("指标值", 310, 686, 2), G("完成值", 410, 686, 2),
        G("数量指标", 10, 665, 2), G("公路里程", 110, 665, 2), G("=", 210, 665, 2), G("36", 310, 665, 2), G("36", 410, 665, 2),
    ], rulings);

    [Fact]
    public void OnlyTheCellsABreakCutAreOpen()
    {
        var foot = Assert.Single(LatticeTables.Find(FootOfPage1));
        Assert.False(foot.OpenBottom);
        Assert.Equal([0d, 100, 400], foot.OpenBelow.Select(c => c.Left).Order());
        Assert.Empty(foot.OpenAbove);

        var head = Assert.Single(LatticeTables.Find(HeadOfPage2));
        Assert.False(head.OpenTop);
        Assert.Equal([0d, 100, 400], head.OpenAbove.Select(c => c.Left).Order());
        Assert.Empty(head.OpenBelow);

        // A table closed all round has no open cells.
        var closed = Assert.Single(LatticeTables.Find([.. HeadOfPage2, new(0, 700, 200, 700), new(400, 700, 500, 700)]));
        Assert.Empty(closed.OpenAbove);
    }

    [Fact]
    public void TheRestsOfCutCellsAreTakenBackAndTheNextRowKeepsItsOwn()
    {
        var text = LayoutReader.Read([Page1(FootOfPage1), Page2(HeadOfPage2)]);
        Assert.Equal(
            ["总体目标", "一级\t三级\t指标值\t\t全年实际", "指标\t指标\t指标性质\t指标值\t完成值", "数量指标\t公路里程\t=\t36\t36"],
            text.Lines.Select(l => l.ToTabText()));
        Assert.Equal([0, 1, 4], text.Lines[1].OpenBelow.ToArray());
        Assert.Equal([0, 1, 4], text.Lines[2].OpenAbove.ToArray());

        var mended = CutRows.MendCells(text.Lines);

        Assert.Equal(
            ["总体目标", "一级指标\t三级指标\t指标值\t\t全年实际完成值", "\t\t指标性质\t指标值", "数量指标\t公路里程\t=\t36\t36"],
            mended.Select(l => l.ToTabText()));
        Assert.Equal(2, mended[1].CellAt(0)!.Boxes.Length);
        Assert.Equal((2, 2), (mended[2].Page, mended[2].Number - mended[1].Number));
    }

    [Fact]
    public void CellsAreNotTakenBackWhereTheNextPageIsClosedOrNotNext()
    {
        ImmutableArray<Ruling> closedHead = [.. HeadOfPage2, new(0, 700, 200, 700), new(400, 700, 500, 700)];
        var text = LayoutReader.Read([Page1(FootOfPage1), Page2(closedHead)]);
        Assert.Equal(text.Lines.Select(l => l.ToTabText()), CutRows.MendCells(text.Lines).Select(l => l.ToTabText()));

        // Figures either side of the break are two rows' (a scan's rulings broken at a page's edge).
        var foot = Page1(FootOfPage1);
        foot = foot with { Glyphs = [.. foot.Glyphs.Select(g => g.Text == "全年实际" ? G("52个", 410, 288, 1) : g)] };
        var head = Page2(HeadOfPage2);
        head = head with { Glyphs = [.. head.Glyphs.Select(g => g.Text == "完成值" ? G("15人", 410, 686, 2) : g)] };
        var mended = CutRows.MendCells(LayoutReader.Read([foot, head]).Lines);
        Assert.Equal(["总体目标", "一级指标\t三级指标\t指标值\t\t52个", "\t\t指标性质\t指标值\t15人"], mended.Take(3).Select(l => l.ToTabText()));

        var page3 = Page2(HeadOfPage2) with { Number = 3 };
        text = LayoutReader.Read([Page1(FootOfPage1), page3]);
        Assert.Equal(text.Lines.Select(l => l.ToTabText()), CutRows.MendCells(text.Lines).Select(l => l.ToTabText()));
    }

    [Fact]
    public void ALabelThatStandsForAKnownNameIsNotBrokenByATail()
    {
        // 可持续 stands for 可持续影响指标; its cell's rest 标 (the middle printed elsewhere) would make 可持续标.
        var foot = Page1(FootOfPage1);
        foot = foot with { Glyphs = [.. foot.Glyphs.Select(g => g.Text == "一级" ? G("可持续", 10, 288, 1) : g)] };
        var head = Page2(HeadOfPage2);
        head = head with { Glyphs = [.. head.Glyphs.Select(g => g.Text == "指标" && g.Left < 100 ? G("标", 10, 686, 2) : g)] };

        var mended = CutRows.MendCells(LayoutReader.Read([foot, head]).Lines);

        Assert.Equal("可持续\t三级指标\t指标值\t\t全年实际完成值", mended[1].ToTabText());
        Assert.Equal("标\t\t指标性质\t指标值", mended[2].ToTabText());
    }

    [Fact]
    public void AFormWhoseHeaderABreakCutReadsItsIndicators()
    {
        var title = new PageContent(1, 600, 800, [G("项目支出绩效自评表", 100, 760, 1), G("项目名称", 10, 400, 1), G("农村公路养护", 110, 400, 1)], []);
        var page1 = Page1(FootOfPage1) with { Glyphs = Page1(FootOfPage1).Glyphs.AddRange(title.Glyphs) };
        var result = FormAssembler.Assemble(LayoutReader.Read([page1, Page2(HeadOfPage2)]));

        var form = Assert.Single(result.Forms);
        var indicator = Assert.Single(form.Indicators);
        Assert.Equal(("数量指标", "公路里程"), (indicator.Level2, indicator.Name));
        Assert.Equal("=", indicator.Values[ColumnRole.TargetOperator]);
        Assert.Equal("36", indicator.Values[ColumnRole.TargetValue]);
        Assert.Equal("36", indicator.Values[ColumnRole.Actual]);
    }

    // A word processor's split row: the part at the foot of page 1 and the rest at the head of page 2 each
    // closed by rulings. Columns at x = 0, 100, 200, 300, 400: level, name, target, points.
    private static readonly ImmutableArray<Ruling> ClosedFoot =
    [
        new(0, 340, 400, 340), new(0, 300, 400, 300), new(0, 260, 400, 260),
        new(0, 260, 0, 340), new(100, 260, 100, 340), new(200, 260, 200, 340), new(300, 260, 300, 340), new(400, 260, 400, 340),
    ];

    private static readonly ImmutableArray<Ruling> ClosedHead =
    [
        new(0, 700, 400, 700), new(0, 680, 400, 680), new(0, 660, 400, 660),
        new(0, 660, 0, 700), new(100, 660, 100, 700), new(200, 660, 200, 700), new(300, 660, 300, 700), new(400, 660, 400, 700),
    ];

    private static PageContent SplitFoot(double targetBottom = 262) => new(1, 600, 800, [
        G("社会效益", 10, 315, 1), G("治安案件发生率", 110, 315, 1), G("下降", 210, 315, 1), G("8", 310, 315, 1),
        G("师生及家", 110, 285, 1), G("长安", 110, 262, 1), G("明显提", 210, targetBottom, 1), G("8", 310, 275, 1),
    ], ClosedFoot);

    private static PageContent SplitHead(string rest = "升") => new(2, 600, 800, [
        G("全感", 110, 686, 2), G(rest, 210, 686, 2),
        G("校园安防长效管护", 110, 665, 2), G("建立", 210, 665, 2), G("7", 310, 665, 2),
    ], ClosedHead);

    [Fact]
    public void ARowAWordProcessorSplitOverTwoPagesIsWholeAgain()
    {
        var text = LayoutReader.Read([SplitFoot(), SplitHead()]);
        Assert.Equal(["社会效益\t治安案件发生率\t下降\t8", "\t师生及家长安\t明显提\t8", "\t全感\t升", "\t校园安防长效管护\t建立\t7"], text.Lines.Select(l => l.ToTabText()));
        Assert.Equal([1, 2], text.Lines[1].FullToFoot.ToArray());
        Assert.True(text.Lines[2].TableHead);

        var mended = CutRows.MendCells(text.Lines);

        Assert.Equal(["社会效益\t治安案件发生率\t下降\t8", "\t师生及家长安全感\t明显提升\t8", "\t校园安防长效管护\t建立\t7"], mended.Select(l => l.ToTabText()));
    }

    [Fact]
    public void ARowOfItsOwnAtTheHeadOfAPageIsNotTakenForARest()
    {
        // The row at the head of the page has a number of its own.
        Unchanged(SplitFoot(), SplitHead("95%"));

        // The target at the foot of page 1 ends a line and more above its cell's bottom: its cell was not full.
        Unchanged(SplitFoot(targetBottom: 285), SplitHead());

        // A header row at the head of the page, and a long text under an empty cell of the part before.
        Unchanged(SplitFoot(), SplitHead("年初设定目标"));

        // A whole label (a fund row's, a 一级 name printed again on each page) or a template's residue.
        Unchanged(SplitFoot(), SplitHead("其他资金"));
        Unchanged(SplitFoot(), SplitHead("满意度指标"));
        Unchanged(SplitFoot(), SplitHead("……"));
        var goals = SplitHead() with { Glyphs = SplitHead().Glyphs.Add(G("总体目标完成情况", 10, 686, 2)) };
        Unchanged(SplitFoot(), goals);

        // Neither part has a number: nothing tells a split row from two rows of text.
        var wordsOnly = SplitFoot() with { Glyphs = [.. SplitFoot().Glyphs.Where(g => g.Text != "8")] };
        Unchanged(wordsOnly, SplitHead());
    }

    [Fact]
    public void AHeaderAWordProcessorSplitOverTwoPagesIsWholeAgain()
    {
        var foot = new PageContent(1, 600, 800, [
            G("总体目标", 10, 315, 1),
            G("一级指", 10, 262, 1), G("二级指标", 110, 275, 1), G("三级指标", 210, 275, 1), G("偏差原因", 310, 262, 1),
        ], ClosedFoot);
        var head = new PageContent(2, 600, 800, [
            G("标", 10, 686, 2), G("分析及改进措施", 310, 686, 2),
            G("产出指标", 10, 665, 2), G("数量指标", 110, 665, 2), G("公路里程", 210, 665, 2), G("无", 310, 665, 2),
        ], ClosedHead);

        var mended = CutRows.MendCells(LayoutReader.Read([foot, head]).Lines);

        Assert.Equal(["总体目标", "一级指标\t二级指标\t三级指标\t偏差原因分析及改进措施", "产出指标\t数量指标\t公路里程\t无"], mended.Select(l => l.ToTabText()));

        // A header's second row (指标性质 | 指标值 under 年度指标值) at the head of the page is a row of its own.
        var second = head with { Glyphs = [G("指标性质", 210, 686, 2), G("指标值", 310, 686, 2), .. head.Glyphs.Skip(2)] };
        var footOfHeader = foot with { Glyphs = [.. foot.Glyphs.Select(g => g.Text == "三级指标" ? G("三级指标", 110, 262, 1) : g.Text == "二级指标" ? G("年度指标值", 210, 262, 1) : g)] };
        Unchanged(footOfHeader, second);
    }

    private static void Unchanged(PageContent foot, PageContent head)
    {
        var text = LayoutReader.Read([foot, head]);
        Assert.Equal(text.Lines.Select(l => l.ToTabText()), CutRows.MendCells(text.Lines).Select(l => l.ToTabText()));
    }
}
