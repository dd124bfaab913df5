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
