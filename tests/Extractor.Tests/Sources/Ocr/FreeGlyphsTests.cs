using System.Collections.Immutable;
using Extractor.Sources.Ocr;
using Extractor.Sources.Ocr.Paddle;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

public sealed class FreeGlyphsTests
{
    [Fact]
    public void ALinesEmIsTheDistanceBetweenItsNeighbouringCjkCharacters()
    {
        // 项目名称 read 28 pixels apart in a box 36 high: the em is 28, not the box's height.
        var line = Line(0, 36, ("项", 20), ("目", 48), ("名", 77), ("称", 104));
        Assert.Equal(28, FreeGlyphs.Pitch(line));
        Assert.Equal(28, FreeGlyphs.Ems([line])[0]);
    }

    [Fact]
    public void EmsNearThePagesTypicalOneAreTakenAsIt()
    {
        var body = Enumerable.Range(0, 5).Select(i => Line(i * 50, 36, ("年", 20), ("度", 20 + 27 + i), ("指", 20 + 54 + (2 * i)), ("标", 20 + 81 + (3 * i)))).ToList();
        var title = Line(400, 60, ("财", 20), ("政", 70), ("项", 120));
        var ems = FreeGlyphs.Ems([.. body, title]);
        Assert.All(ems.Take(5), e => Assert.Equal(ems[2], e));
        Assert.Equal(50, ems[5]);
    }

    [Fact]
    public void AShortLinesPitchIsTrustedOnlyWhereItsBoxSaysItsTypeIsNotTheBodys()
    {
        // A 150-dpi scan: body lines 26 pixels a character in boxes 35 high. 绩效一级 (two header cells read as
        // one line) steps 28, 50 and 33: its median, 33, would hide the gap between 效 and 一. 拨款 steps 20.
        // Both boxes are the body's height; the title's box (60) is not, and its pitch stands.
        var body = Enumerable.Range(0, 6).Select(i => Line(i * 50, 35, ("年", 20), ("度", 46), ("指", 72), ("标", 98))).ToList();
        var header = Line(400, 34, ("绩", 162), ("效", 190), ("一", 240), ("级", 273));
        var wrapped = Line(450, 41, ("拨", 304), ("款", 324));
        var title = Line(500, 60, ("财", 584), ("政", 634), ("项", 684));
        var ems = FreeGlyphs.Ems([.. body, header, wrapped, title]);
        Assert.Equal(26, ems[6], 6);
        Assert.Equal(26, ems[7], 6);
        Assert.Equal(50, ems[8], 6);
        Assert.Equal(["绩效", "一级"], FreeGlyphs.Words(header.Characters, ems[6]).Select(w => string.Concat(w.Select(c => c.Text))));
    }

    [Fact]
    public void ALineWithoutCjkCharactersSideBySideIsMeasuredByItsBoxAndNeverSmallerThanTheBody()
    {
        // Boxes 36 high over a pitch of 28: a ratio of 36/28. A lone digit's tight box 20 high is its ink's,
        // not its type's: it takes the body's em. Digits in a box 60 high are larger type: 60 × 28/36.
        var words = Enumerable.Range(0, 3).Select(i => Line(i * 50, 36, ("项", 20), ("目", 48), ("名", 76))).ToList();
        var digit = Line(200, 20, ("3", 20));
        var large = Line(300, 60, ("2", 20), ("0", 50));
        var ems = FreeGlyphs.Ems([.. words, digit, large]);
        Assert.Equal(28, ems[0], 6);
        Assert.Equal(28, ems[3], 6);
        Assert.Equal(60 * 28 / 36.0, ems[4], 6);
    }

    [Fact]
    public void AFullWidthMarksEmLiesBesideItsInk()
    {
        // “两新”组织党 read with the closing quote's ink 16 pixels before 组 at an em of 10 (0.6 of an em
        // apart by their ink): the quote's em lies a quarter to the right of its ink, and the word is one.
        var line = Line(0, 14, ("“", 3), ("两", 12), ("新", 22), ("”", 29), ("组", 45), ("织", 55), ("党", 65));
        Assert.Equal(0.25, FreeGlyphs.EmOffset("”"));
        Assert.Equal(-0.25, FreeGlyphs.EmOffset("（"));
        Assert.Equal(0, FreeGlyphs.EmOffset("组"));
        Assert.Single(FreeGlyphs.Words(line.Characters, 10));
    }

    [Fact]
    public void AdvancesAreAnEmForCjkAndAboutHalfForTheRest()
    {
        Assert.Equal(1, FreeGlyphs.Advance("值"));
        Assert.Equal(1, FreeGlyphs.Advance("，"));
        Assert.Equal(FreeGlyphs.NarrowAdvance, FreeGlyphs.Advance("5"));
        Assert.Equal(2 * FreeGlyphs.NarrowAdvance, FreeGlyphs.Advance("%)"));
    }

    [Fact]
    public void AGapOfMoreThanHalfAnEmStartsAWord()
    {
        // 39人 then 5 two ems on (a value and its weight in neighbouring columns), then 5 just after.
        var line = Line(0, 36, ("3", 10), ("9", 25), ("人", 47), ("5", 47 + 14 + 56 + 8), ("5", 47 + 14 + 56 + 8 + 16));
        var words = FreeGlyphs.Words(line.Characters, 28).Select(w => string.Concat(w.Select(c => c.Text))).ToList();
        Assert.Equal(["39人", "55"], words);
    }

    [Fact]
    public void ATallBoxOfSeveralCharactersRunsDownThePage()
    {
        var down = new OcrLine(Quad.FromRect(new Rect2f(0, 0, 30, 120)), "绩效指标", 0.99f, [Character("绩", 15, 15), Character("效", 15, 45)], 0.9f);
        Assert.True(FreeGlyphs.RunsDown(down));
        Assert.False(FreeGlyphs.RunsDown(Line(0, 36, ("项", 20), ("目", 48))));
    }

    private static OcrLine Line(int top, int height, params (string Text, float X)[] characters)
    {
        var right = (int)characters.Max(c => c.X) + 20;
        var built = characters.Select(c => Character(c.Text, c.X, top + (height / 2f))).ToImmutableArray();
        return new OcrLine(Quad.FromRect(new Rect2f(0, top, right, height)), string.Concat(characters.Select(c => c.Text)), 0.99f, built, 0.9f);
    }

    private static OcrCharacter Character(string text, float x, float y) =>
        new(text, 0.99f, Quad.FromRect(new Rect2f((int)x - 10, (int)y - 10, 20, 20)), new Point2f(x, y), []);
}
