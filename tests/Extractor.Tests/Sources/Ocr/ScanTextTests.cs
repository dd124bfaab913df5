using System.Collections.Immutable;
using Extractor.Sources.Ocr;
using Extractor.Sources.Ocr.Paddle;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

/// <summary>How recognised lines become a cell's text: folding, the sign under a chevron, lines joined, other readings.</summary>
public sealed class ScanTextTests
{
    /// <summary>A line at (<paramref name="left"/>, <paramref name="top"/>), 20 pixels high, a character 10 wide.</summary>
    private static OcrLine Line(string text, float left, float top, float confidence = 0.99f, params (int At, float Confidence, string Other, float Probability)[] doubts)
    {
        var characters = text.Select((c, i) =>
        {
            var box = Quad.FromRect(new Rect2f(left + (10 * i), top, 10, 20));
            var doubt = doubts.FirstOrDefault(d => d.At == i);
            return doubt.Other is null
                ? new OcrCharacter(c.ToString(), confidence, box, box.Centre, [])
                : new OcrCharacter(c.ToString(), doubt.Confidence, box, box.Centre, [new CharacterAlternative(doubt.Other, doubt.Probability)]);
        }).ToImmutableArray();
        return new OcrLine(Quad.FromRect(new Rect2f(left, top, 10 * text.Length, 20)), text, confidence, characters, 0.9f);
    }

    [Theory]
    [InlineData("＞", 0.6f, "≥", 0.1f, "≥")] // the bar under the chevron read poorly
    [InlineData("<", 0.6f, "≤", 0.1f, "≤")]
    [InlineData(">", 0.99f, "≥", 0.1f, ">")] // a sure > is printed as >
    [InlineData(">", 0.6f, "≥", 0.01f, ">")] // a runner-up too unlikely to be the sign
    [InlineData("５", 0.99f, "5", 0.1f, "5")] // full-width digits folded
    [InlineData("丶", 0.99f, "、", 0.1f, "、")]
    [InlineData("，", 0.99f, ",", 0.1f, "，")] // punctuation keeps its width
    public void ACharactersTextIsFoldedAndABarredSignTakenFromItsRunnerUp(string read, float confidence, string other, float probability, string expected)
    {
        var box = Quad.FromRect(new Rect2f(0, 0, 10, 20));
        Assert.Equal(expected, ScanText.Text(new OcrCharacter(read, confidence, box, box.Centre, [new CharacterAlternative(other, probability)])));
    }

    [Fact]
    public void LinesSideBySideAreJoinedAndRowsByTheWhitespaceRule()
    {
        // Two numbers side by side with a gap: a space between them; CJK rows one under the other: joined.
        Assert.Equal("12 34", ScanText.CellText([Line("12", 0, 0), Line("34", 40, 0)]));
        Assert.Equal("1234", ScanText.CellText([Line("12", 0, 0), Line("34", 21, 0)]));
        Assert.Equal("项目资金执行率", ScanText.CellText([Line("项目资金", 0, 0), Line("执行率", 0, 25)]));
    }

    [Fact]
    public void ADashAloneOverACjkRowIsOneAndADashBesideTextStays()
    {
        // 一 over 级 in a narrow column, the bar read alone as a dash.
        Assert.Equal("一级", ScanText.CellText([Line("-", 0, 0), Line("级", 0, 25)]));
        Assert.Equal("一级指标", ScanText.CellText([Line("—", 0, 0), Line("级", 0, 25), Line("指标", 0, 50)]));

        // A dash alone in its cell, over a number, or beside other text is left as read.
        Assert.Equal("-", ScanText.CellText([Line("-", 0, 0)]));
        Assert.Equal("- 12", ScanText.CellText([Line("-", 0, 0), Line("12", 0, 25)]));
        Assert.Equal("-级", ScanText.CellText([Line("-", 0, 0), Line("级", 30, 0)]));
    }

    [Fact]
    public void ANumberCellsOtherReadingsComeFromItsDoubtfulCharacters()
    {
        // 94.00% with its 0 doubtful between 0 and 6, and its . between . and ,.
        var line = Line("94.00%", 0, 0, 0.99f, (3, 0.6f, "6", 0.3f), (2, 0.7f, ",", 0.2f));
        var others = ScanText.Others([line], "94.00%");
        Assert.Equal("94.60% | 94,00%", string.Join(" | ", others));

        // A cell without a digit has no other readings; a sure reading neither.
        Assert.Empty(ScanText.Others([Line("及时", 0, 0, 0.5f, (0, 0.5f, "反", 0.4f))], "及时"));
        Assert.Empty(ScanText.Others([Line("94.00%", 0, 0)], "94.00%"));
    }

    [Fact]
    public void AMarkAloneIsKeptLessSurelyThanALine()
    {
        var lines = ScanText.Kept([Line("≥", 0, 0, 0.3f), Line("及时", 0, 0, 0.3f), Line("及时", 0, 0, 0.8f), null], 0.5f);
        Assert.NotNull(lines[0]);
        Assert.Null(lines[1]);
        Assert.NotNull(lines[2]);
        Assert.Null(lines[3]);
    }

    [Fact]
    public void AReadingOfSpecksMarksOnlyIsDroppedHoweverSure()
    {
        // A copier's specks in an empty cell, read surely as points and commas; the same marks beside words or a
        // figure, or a dash alone, are kept.
        var lines = ScanText.Kept([Line("..", 0, 0, 0.9f), Line("·.·", 0, 0, 0.95f), Line("。", 0, 0, 0.9f), Line(" ， ", 0, 0, 0.9f),
            Line("接。", 0, 0, 0.9f), Line("7.5", 0, 0, 0.9f), Line("—", 0, 0, 0.9f)], 0.5f);
        Assert.Equal([false, false, false, false, true, true, true], lines.Select(l => l is not null));
    }

    [Fact]
    public void ALineIsAsSureAsItsFoldedReading()
    {
        // A lone 1 read as １ at 0.48 with 1 at 0.47 beside it: sure it is a one, and kept.
        var one = Line("１", 0, 0, 0.48f, (0, 0.48f, "1", 0.47f));
        var folded = ScanText.FoldedConfidence(one);
        Assert.Equal(0.95f, folded.Confidence, 3);
        Assert.NotNull(ScanText.Kept([one], 0.5f)[0]);

        // A runner-up that folds to another character adds nothing: a 1 or an l is no surer a 1.
        var doubtful = Line("1", 0, 0, 0.48f, (0, 0.48f, "l", 0.47f));
        Assert.Equal(0.48f, ScanText.FoldedConfidence(doubtful).Confidence, 3);
        Assert.Null(ScanText.Kept([doubtful], 0.5f)[0]);

        // The line's confidence is its characters' mean.
        var two = Line("1５", 0, 0, 0.9f, (1, 0.5f, "5", 0.3f));
        Assert.Equal((0.9f + 0.8f) / 2, ScanText.FoldedConfidence(two).Confidence, 3);
    }

    [Theory]
    [InlineData("１２３．５", "123．5")]
    [InlineData("ＰＱＩ指数", "PQI指数")]
    [InlineData("产品丶服务", "产品、服务")]
    [InlineData("（一）", "（一）")]
    public void FoldingMakesDigitsAndLettersAsciiAndKeepsMarks(string read, string expected) =>
        Assert.Equal(expected, OcrFold.Fold(read));
}
