using System.Collections.Immutable;
using Extractor.Sources.Ocr;
using Extractor.Sources.Ocr.Paddle;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

public sealed class MarkWidthTests
{
    private const float Em = 30;

    [Fact]
    public void AMarkTakingAnEmIsFullWidth()
    {
        // 政策，保障 printed with a full-width comma, read with a half-width one.
        var line = Line(("政", 1), ("策", 1), (",", 1), ("保", 1), ("障", 1));
        Assert.Equal("政策，保障", MarkWidth.Decide(line).Text);
    }

    [Fact]
    public void AMarkTakingAFractionOfAnEmIsHalfWidth()
    {
        var line = Line(("政", 1), ("策", 1), ("，", 0.3), ("保", 1), ("障", 1), ("；", 0.3), ("足", 1), ("额", 1), ("元", 1), ("／", 0.4), ("人", 1));
        var decided = MarkWidth.Decide(line);
        Assert.Equal("政策,保障;足额元/人", decided.Text);
        Assert.Equal(decided.Text, string.Concat(decided.Characters.Select(c => c.Text)));
    }

    [Fact]
    public void DigitsAreMeasuredByTheirOwnPitchAndAClosingBracketTakesItsPartnersWidth()
    {
        // 完成情况(100字以内) with half-width brackets and digits half an em wide, read with full-width brackets.
        var line = Line(("完", 1), ("成", 1), ("情", 1), ("况", 1), ("（", 0.33), ("1", 0.55), ("0", 0.55), ("0", 0.55), ("字", 1), ("以", 1), ("内", 1), ("）", 0.33));
        Assert.Equal("完成情况(100字以内)", MarkWidth.Decide(line).Text);

        var full = Line(("完", 1), ("成", 1), ("情", 1), ("况", 1), ("(", 1), ("1", 0.55), ("0", 0.55), ("0", 0.55), ("字", 1), ("以", 1), ("内", 1), (")", 1));
        Assert.Equal("完成情况（100字以内）", MarkWidth.Decide(full).Text);
    }

    [Fact]
    public void ALineTooShortToMeasureOrARoomBetweenTheWidthsIsLeftAsRead()
    {
        var digits = Line(("1", 0.55), (",", 0.3), ("2", 0.55), ("3", 0.55));
        Assert.Same(digits, MarkWidth.Decide(digits));

        var unsure = Line(("政", 1), ("策", 1), ("，", 0.7), ("保", 1), ("障", 1));
        Assert.Equal("政策，保障", MarkWidth.Decide(unsure).Text);
    }

    [Fact]
    public void AnUndecidedMarkTakesTheWidthTheMarksOfItsKindTookOnItsPage()
    {
        // A page typed with half-width colons and brackets, three or more of each decided half; a label's
        // trailing colon (no neighbour to measure by) and a bracket whose room is between the widths follow.
        var decided = Line(("其", 1), ("中", 1), ("：", 0.3), ("中", 1), ("央", 1), ("（", 0.3), ("省", 1), ("级", 1), ("）", 0.3), ("资", 1), ("金", 1));
        var another = Line(("上", 1), ("年", 1), ("：", 0.3), ("结", 1), ("转", 1), ("（", 0.3), ("元", 1), ("）", 0.3), ("结", 1));
        var unit = Line(("单", 1), ("位", 1), ("：", 0.3), ("万", 1), ("元", 1));
        var label = Line(("年", 1), ("度", 1), ("资", 1), ("金", 1), ("：", 1));
        var unsure = Line(("政", 1), ("策", 1), ("（", 0.7), ("保", 1), ("障", 1));
        var page = MarkWidth.Decide([decided, null, another, unit, label, unsure]);
        Assert.Equal(["其中:中央(省级)资金", null, "上年:结转(元)结", "单位:万元", "年度资金:", "政策(保障"], page.Select(l => l?.Text));

        // Marks decided both ways on a page give it no style: the undecided stay as read.
        var full = Line(("其", 1), ("中", 1), ("：", 1), ("中", 1), ("央", 1));
        var mixed = MarkWidth.Decide([another, full, decided, unit, label]);
        Assert.Equal("年度资金：", mixed[4]!.Text);
    }

    [Fact]
    public void AFiguresSeparatorsNeitherGiveAPagesStyleNorTakeIt()
    {
        // Commas decided full width between Chinese characters; a figure's thousands separator, in a line
        // with no Chinese character to measure by, stays as read rather than follow them (2,350.00 was lost as
        // 2，350.00 when it did).
        var text = Line(("政", 1), ("策", 1), ("，", 1), ("保", 1), ("障", 1), ("，", 1), ("足", 1), ("额", 1), ("，", 1), ("到", 1));
        var figure = Line(("2", 0.55), (",", 0.3), ("3", 0.55), ("5", 0.55), ("0", 0.55));
        Assert.Equal("2,350", MarkWidth.Decide([text, figure])[1]!.Text);

        // Separators measured half width in a line of text: no style for the comma of a label.
        var amount = Line(("金", 1), ("额", 1), ("1", 0.55), (",", 0.3), ("2", 0.55), ("3", 0.55), ("4", 0.55), (",", 0.3), ("5", 0.55), ("元", 1));
        var label = Line(("备", 1), ("注", 1), ("，", 1));
        Assert.Equal("备注，", MarkWidth.Decide([amount, amount, label])[2]!.Text);
    }

    [Fact]
    public void ASlashIsHalfWidthUnlessItTakesAFullEmAndMeasuredInThePagesEmOnAShortLine()
    {
        // 583元/人*月 has no two Chinese characters side by side: its slash, read full width and placed 0.75 em
        // wide (where a half-width slash's places fall), is measured in the page's em; a comma on such a line is not.
        var page = Line(("年", 1), ("度", 1), ("资", 1), ("金", 1));
        var unit = Line(("5", 0.55), ("8", 0.55), ("3", 0.55), ("元", 1), ("／", 0.75), ("人", 1), ("*", 0.55), ("月", 1));
        Assert.Equal("583元/人*月", MarkWidth.Decide([page, unit])[1]!.Text);
        Assert.Equal("583元／人*月", MarkWidth.Decide(unit).Text);
        var comma = Line(("5", 0.55), ("8", 0.55), ("3", 0.55), ("元", 1), ("，", 0.3), ("人", 1));
        Assert.Equal("583元，人", MarkWidth.Decide([page, comma])[1]!.Text);

        // Between Chinese characters on a long line: 0.8 em of room is full width for a comma, not for a slash.
        Assert.Equal("足额元/人均", MarkWidth.Decide(Line(("足", 1), ("额", 1), ("元", 1), ("／", 0.85), ("人", 1), ("均", 1))).Text);
        Assert.Equal("足额元／人均", MarkWidth.Decide(Line(("足", 1), ("额", 1), ("元", 1), ("/", 1), ("人", 1), ("均", 1))).Text);
    }

    [Fact]
    public void ALinesPitchIsItsRunsMeanDistanceNotOnePairs()
    {
        // Sixteen characters an em (30 px) apart, placed to the recogniser's step of 7 px: pairs measure 28 or
        // 35, and their median (28) is one pair's error; the mean over the run is the em.
        var centres = Enumerable.Range(0, 16).Select(k => Math.Round((25 + (k * Em)) / 7.0) * 7).ToArray();
        var line = LineAt([.. centres.Select(c => ("政", c))]);
        Assert.Equal(Em, MarkWidth.Pitch(line)!.Value, 1.0);

        // A space typed between two runs is not in the pitch.
        var spaced = LineAt(("政", 25), ("策", 55), ("保", 85), ("障", 185), ("足", 215), ("额", 245));
        Assert.Equal(Em, MarkWidth.Pitch(spaced)!.Value, 0.01);

        // Two pairs far apart: no run to average, the median stands (an empty average had thrown).
        var two = LineAt(("政", 25), ("策", 45), ("保", 145));
        Assert.Equal(60, MarkWidth.Pitch(two)!.Value, 0.01);
    }

    [Fact]
    public void AMarkWithADigitOnOneSideTakesThePagesStyle()
    {
        // 指标1:资金 typed with half-width colons: the colons measured half give the page its style, and one in a
        // line too short to measure (标1:全, a narrow column) takes it; a colon between digits (12:30) does not.
        var measured = Line(("指", 1), ("标", 1), ("1", 0.55), ("：", 0.3), ("资", 1), ("金", 1), ("是", 1), ("否", 1));
        var narrow = Line(("标", 1), ("1", 0.55), ("：", 0.7), ("全", 1));
        var time = Line(("1", 0.55), ("2", 0.55), ("：", 0.7), ("3", 0.55), ("0", 0.55));
        var page = MarkWidth.Decide([measured, measured, measured, narrow, time]);
        Assert.Equal(["指标1:资金是否", "标1:全", "12：30"], page.Skip(2).Select(l => l!.Text));
    }

    [Fact]
    public void ATablesMarksGiveItsPageTheirStyleWhateverTheHeadingAboveIt()
    {
        // A heading typed with full-width brackets above cells typed with half-width ones: the cells' brackets
        // measured half give the page its style, and a bracket in a cell with no neighbour to measure by follows.
        var heading = Line(("自", 1), ("评", 1), ("表", 1), ("(", 1), ("2", 0.55), ("0", 0.55), ("1", 0.55), ("9", 0.55), ("年", 1), ("度", 1), (")", 1));
        var names = Line(("人", 1), ("数", 1), ("（", 0.33), ("按", 1), ("月", 1), ("平", 1), ("均", 1), ("）", 0.33), ("人", 1));
        var wrapped = Line(("（", 1), ("按", 1), ("月", 1));
        Rect2f[] cells = [default, new(0, 100, 300, 40), new(0, 140, 300, 40), new(0, 180, 300, 40), new(0, 220, 100, 40)];
        var page = MarkWidth.Decide([heading, names, names, names, wrapped], null, cells);
        Assert.Equal("自评表（2019年度）", page[0]!.Text);
        Assert.Equal("(按月", page[4]!.Text);

        // Without the cells, the heading's full-width pair and the cells' half-width ones leave the page no style.
        Assert.Equal("（按月", MarkWidth.Decide([heading, names, names, names, wrapped])[4]!.Text);
    }

    [Fact]
    public void AnUndecidedMarkTakesTheWidthOfItsKindDecidedInItsCell()
    {
        // A sentence wrapped in a cell, typed with half-width commas: its line's last comma has no neighbour to
        // measure by and takes the width of the comma measured before it in the cell; a comma in another cell
        // does not.
        var first = Line(("救", 1), ("助", 1), ("8", 0.55), ("7", 0.55), ("人", 1), ("次", 1), ("，", 0.3), ("救", 1), ("助", 1), ("资", 1), ("金", 1), ("，", 0.3));
        var second = Line(("完", 1), ("成", 1), ("目", 1), ("标", 1), ("，", 0.3));
        var elsewhere = Line(("偏", 1), ("差", 1), ("，", 1));
        Rect2f[] cells = [new(0, 100, 400, 80), new(0, 100, 400, 80), new(400, 100, 200, 80)];
        var page = MarkWidth.Decide([first, second, elsewhere], null, cells);
        Assert.Equal(["救助87人次,救助资金,", "完成目标,", "偏差，"], page.Select(l => l!.Text));
    }

    /// <summary>A line of characters a wide each, centred at the given places (pixels along the line).</summary>
    private static OcrLine LineAt(params (string Text, double Centre)[] characters)
    {
        var built = characters.Select(c => new OcrCharacter(c.Text, 0.99f, Quad.FromRect(new Rect2f((float)c.Centre - (Em / 2), 10, Em, Em)), new Point2f((float)c.Centre, 10 + (Em / 2)), [])).ToImmutableArray();
        var right = (float)characters[^1].Centre + (Em / 2);
        return new OcrLine(Quad.FromRect(new Rect2f(10, 10, right - 10, Em)), string.Concat(characters.Select(c => c.Text)), 0.99f, built, 0.9f);
    }

    /// <summary>A line of characters laid side by side, each its advance in ems wide, centred where its advance is.</summary>
    private static OcrLine Line(params (string Text, double Advance)[] characters)
    {
        var built = ImmutableArray.CreateBuilder<OcrCharacter>();
        var x = 10f;
        foreach (var (text, advance) in characters)
        {
            var width = (float)(advance * Em);
            var box = Quad.FromRect(new Rect2f(x, 10, width, Em));
            built.Add(new OcrCharacter(text, 0.99f, box, new Point2f(x + (width / 2), 10 + (Em / 2)), []));
            x += width;
        }

        return new OcrLine(Quad.FromRect(new Rect2f(10, 10, x - 10, Em)), string.Concat(characters.Select(c => c.Text)), 0.99f, built.ToImmutable(), 0.9f);
    }
}
