using System.Collections.Immutable;
using Extractor.Sources.Ocr;
using Extractor.Sources.Ocr.Paddle;
using OpenCvSharp;

namespace Extractor.Tests.Sources.Ocr;

/// <summary>Marks' widths told from the blank round their ink, and at the end of a centred line from where it starts.</summary>
public sealed class MarkInkTests
{
    private const int Em = 30;

    [Fact]
    public void AFullWidthColonLeavesMostOfAnEmBlankAndAHalfWidthOneLittle()
    {
        // 其中：中央 with the colon's dots at the left of its em, as Chinese fonts set it; then 其中:中央 with half an em.
        using var full = Page(out var fullLine, 1.0);
        Assert.InRange(MarkInk.Blank(full, fullLine, 2, Em)!.Value, 0.8, 1.0);
        using var half = Page(out var halfLine, 0.5);
        Assert.InRange(MarkInk.Blank(half, halfLine, 2, Em)!.Value, 0.3, 0.45);
    }

    [Fact]
    public void TheInkDecidesWhereTheRecognisersPlacesLeaveTheRoomBetweenTheWidths()
    {
        // The recogniser put the half-width colon's neighbours 0.7 em apart: undecided by its places, half by the ink.
        using var half = Page(out var line, 0.5, placedRoom: 0.7);
        Assert.Equal("其中：中央", MarkWidth.Decide(line).Text);
        Assert.Equal("其中:中央", MarkWidth.Decide([line], half)[0]!.Text);
    }

    [Fact]
    public void NoBlankIsMeasuredWithoutInkBeyondIt()
    {
        // The right neighbour's ink erased: the blank runs to the window's edge and says nothing.
        using var ink = Page(out var line, 1.0);
        ink[new Rect(90, 0, 60, 60)].SetTo(Scalar.All(0));
        Assert.Null(MarkInk.Blank(ink, line, 2, Em));
    }

    [Theory]
    [InlineData(1.0, "其中：")]
    [InlineData(0.5, "其中:")]
    [InlineData(0.28, "其中:")]
    public void AMarkEndingACentredLineIsAsWideAsTheLineStartsLeftOfTheOthers(double advance, string expected)
    {
        // A label wrapped in a narrow cell, each line centred: 其中 and a colon above 本年.
        var cell = new Rect2f(0, 0, 4 * Em, 100);
        using var ink = new Mat(170, 200, MatType.CV_8UC1, Scalar.All(0));
        var start = (float)((cell.Width - ((2 + advance) * Em)) / 2);
        var top = Characters(ink, ["其", "中"], start, 10);
        var colon = Colon(ink, start + (2 * Em), 10);
        var label = LineOf([.. top, colon]);
        var below = LineOf(Characters(ink, ["本", "年"], (cell.Width - (2 * Em)) / 2, 50));
        var decided = MarkWidth.Decide([label, below, Elsewhere(ink)], ink, [cell, cell, default]);
        Assert.Equal(expected, decided[0]!.Text);
    }

    [Fact]
    public void AMarkEndingALineLeftAlignedWithTheOthersStaysAsRead()
    {
        // Lines left-aligned in the cell: the others do not stand in its middle, so nothing is measured.
        var cell = new Rect2f(0, 0, 4 * Em, 100);
        using var ink = new Mat(170, 200, MatType.CV_8UC1, Scalar.All(0));
        var label = LineOf([.. Characters(ink, ["其", "中"], 4, 10), Colon(ink, 4 + (2 * Em), 10)]);
        var below = LineOf(Characters(ink, ["本", "年"], 4, 50));
        Assert.Equal("其中：", MarkWidth.Decide([label, below, Elsewhere(ink)], ink, [cell, cell, default])[0]!.Text);
    }

    [Fact]
    public void AMarkEndingTheLastLineOfALeftAlignedParagraphStaysAsRead()
    {
        // 特困人员 filling the cell stands in its middle as a centred line would; 人 and a half-width bracket
        // start where it does, left-aligned: nothing is measured (read full width before, from the 特's start).
        var cell = new Rect2f(0, 0, (4 * Em) + 20, 100);
        using var ink = new Mat(170, 200, MatType.CV_8UC1, Scalar.All(0));
        var full = LineOf(Characters(ink, ["特", "困", "人", "员"], 5, 10));
        var last = LineOf([.. Characters(ink, ["人"], 5, 50), Colon(ink, 5 + Em, 50) with { Text = ")" }]);
        Assert.Equal("人)", MarkWidth.Decide([full, last, Elsewhere(ink)], ink, [cell, cell, default])[1]!.Text);
    }

    [Theory]
    [InlineData(0.3, 0.5, "低保标准(>人")]
    [InlineData(1.0, 1.0, "低保标准（＞人")]
    public void AMarkBesideASignIsDecidedByTheBlankRoundItsInkAlone(double bracket, double sign, string expected)
    {
        // 低保标准(≥人 with ≥ read as >: a half-width bracket before a narrow sign (WenQuanYi Micro Hei), then a
        // full-width one, its ink at the right of its em, before a sign an em wide (AR PL UMing). The sign's advance
        // is not known, so the recogniser's places measure nothing; the paper round the bracket's ink does (and the
        // sign an em wide is the full-width chevron).
        using var ink = new Mat(60, 320, MatType.CV_8UC1, Scalar.All(0));
        var left = Characters(ink, ["低", "保", "标", "准"], 10, 10);
        var bracketX = 10 + (4 * Em);
        var inkX = (int)Math.Round(bracketX + ((bracket - 0.2) * Em));
        Cv2.Rectangle(ink, new Rect(inkX, 14, 3, Em - 8), Scalar.All(255), -1);
        var read = Character(bracket < 0.5 ? "（" : "(", inkX - 4, 10, 10);
        var signX = (float)(bracketX + (bracket * Em));
        var signWidth = (int)Math.Round(0.3 * Em);
        var signLeft = (int)Math.Round(signX + (((sign * Em) - signWidth) / 2));
        Cv2.Line(ink, new Point(signLeft, 14), new Point(signLeft + signWidth, 24), Scalar.All(255), 2);
        Cv2.Line(ink, new Point(signLeft + signWidth, 24), new Point(signLeft, 34), Scalar.All(255), 2);
        var greater = Character(">", signX, (float)(sign * Em), 10);
        var right = Characters(ink, ["人"], (float)(signX + (sign * Em)), 10);
        var line = LineOf([.. left, read, greater, .. right]);
        Assert.Equal(expected, MarkWidth.Decide([line, Elsewhere(ink)], ink)[0]!.Text);
    }

    /// <summary>A line of text outside the cell, long enough to give the page's em.</summary>
    private static OcrLine Elsewhere(Mat ink) => LineOf(Characters(ink, ["年", "度", "资", "金"], 10, 130));

    /// <summary>其中, a colon of <paramref name="advance"/> ems and 中央 on one line; the recogniser's places put the colon's neighbours <paramref name="placedRoom"/> ems apart when given.</summary>
    private static Mat Page(out OcrLine line, double advance, double? placedRoom = null)
    {
        var ink = new Mat(60, 220, MatType.CV_8UC1, Scalar.All(0));
        var left = Characters(ink, ["其", "中"], 10, 10);
        var colon = Colon(ink, 10 + (2 * Em), 10);
        var right = Characters(ink, ["中", "央"], (float)(10 + ((2 + advance) * Em)), 10);
        if (placedRoom is { } room)
        {
            // Move the right neighbours' places (not their ink) so the recogniser's room is as given.
            var shift = (float)((room - advance) * Em);
            right = [.. right.Select(c => c with { Centre = new Point2f(c.Centre.X + shift, c.Centre.Y) })];
        }

        line = LineOf([.. left, colon, .. right]);
        return ink;
    }

    /// <summary>Chinese characters an em apart from <paramref name="x"/>: each a box of ink with a cross, a twentieth of an em in from its sides.</summary>
    private static List<OcrCharacter> Characters(Mat ink, string[] texts, float x, int y)
    {
        var result = new List<OcrCharacter>();
        foreach (var text in texts)
        {
            var (x0, x1) = ((int)Math.Round(x + 1.5), (int)Math.Round(x + Em - 1.5));
            Cv2.Rectangle(ink, new Point(x0, y + 2), new Point(x1 - 1, y + Em - 3), Scalar.All(255), 2);
            Cv2.Line(ink, new Point(x0, y + (Em / 2)), new Point(x1 - 1, y + (Em / 2)), Scalar.All(255), 2);
            Cv2.Line(ink, new Point((x0 + x1) / 2, y + 2), new Point((x0 + x1) / 2, y + Em - 3), Scalar.All(255), 2);
            result.Add(Character(text, x, Em, y));
            x += Em;
        }

        return result;
    }

    /// <summary>A colon whose two dots stand at the left of the advance starting at <paramref name="x"/>, read where the dots are.</summary>
    private static OcrCharacter Colon(Mat ink, float x, int y)
    {
        var dotX = (int)Math.Round(x + 3);
        Cv2.Rectangle(ink, new Rect(dotX, y + 8, 4, 4), Scalar.All(255), -1);
        Cv2.Rectangle(ink, new Rect(dotX, y + 19, 4, 4), Scalar.All(255), -1);
        return Character("：", dotX - 3, 10, y);
    }

    private static OcrCharacter Character(string text, float x, float width, int y)
    {
        var box = Quad.FromRect(new Rect2f(x, y, width, Em));
        return new OcrCharacter(text, 0.99f, box, new Point2f(x + (width / 2), y + (Em / 2f)), []);
    }

    private static OcrLine LineOf(List<OcrCharacter> characters)
    {
        var (left, right) = (characters[0].Box.Bounds.Left, characters[^1].Box.Bounds.Right);
        var top = characters[0].Box.Bounds.Top;
        return new OcrLine(Quad.FromRect(new Rect2f(left - 4, top - 4, right - left + 8, Em + 8)), string.Concat(characters.Select(c => c.Text)), 0.99f, [.. characters], 0.9f);
    }
}
