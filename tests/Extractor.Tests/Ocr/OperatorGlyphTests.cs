
using Extractor.Sources.Ocr;

namespace Extractor.Tests.Ocr;

public sealed class OperatorGlyphTests
{
    private static PageImage Cell(Action<PageImage> drawSign)
    {
        var image = PageImage.Blank(200, 80);
        drawSign(image);

        // A digit after the sign: a tall box-like 0.
        Synthetic.Line(image, 80, 15, 100, 15, 3, 0);
        Synthetic.Line(image, 80, 60, 100, 60, 3, 0);
        Synthetic.Line(image, 80, 15, 80, 60, 3, 0);
        Synthetic.Line(image, 100, 15, 100, 62, 3, 0);
        return image;
    }

    [Fact]
    public void AChevronWithItsTipRightIsGreaterThan() =>
        Assert.Equal('>', OperatorGlyph.Classify(Cell(i => { Synthetic.Line(i, 30, 25, 60, 38, 3, 0); Synthetic.Line(i, 60, 38, 30, 51, 3, 0); })));

    [Fact]
    public void AChevronWithABarUnderItIsGreaterOrEqual() =>
        Assert.Equal('≥', OperatorGlyph.Classify(Cell(i =>
        {
            Synthetic.Line(i, 30, 20, 60, 32, 3, 0);
            Synthetic.Line(i, 60, 32, 30, 44, 3, 0);
            Synthetic.Line(i, 30, 55, 62, 55, 3, 0);
        })));

    [Fact]
    public void AChevronWithItsTipLeftAndABarIsLessOrEqual() =>
        Assert.Equal('≤', OperatorGlyph.Classify(Cell(i =>
        {
            Synthetic.Line(i, 60, 20, 30, 32, 3, 0);
            Synthetic.Line(i, 30, 32, 60, 44, 3, 0);
            Synthetic.Line(i, 28, 55, 60, 55, 3, 0);
        })));

    [Fact]
    public void TwoBarsAreEquals() =>
        Assert.Equal('=', OperatorGlyph.Classify(Cell(i => { Synthetic.Line(i, 35, 32, 60, 32, 3, 0); Synthetic.Line(i, 35, 44, 60, 44, 3, 0); })));

    [Fact]
    public void ADigitIsNoSign() =>
        Assert.Null(OperatorGlyph.Classify(Cell(i =>
        {
            // A 4: a diagonal, a crossbar and a stem.
            Synthetic.Line(i, 55, 15, 30, 45, 3, 0);
            Synthetic.Line(i, 30, 45, 62, 45, 3, 0);
            Synthetic.Line(i, 52, 15, 52, 62, 3, 0);
        })));

    [Fact]
    public void ABlankCellHasNoSign() => Assert.Null(OperatorGlyph.Classify(PageImage.Blank(100, 40)));

    [Fact]
    public void ASlantedStrokeBesideTheLowerArmIsGreaterOrEqual() =>
        Assert.Equal('≥', OperatorGlyph.Classify(Cell(i =>
        {
            // ⩾ as serif fonts draw ≥.
            Synthetic.Line(i, 30, 16, 60, 30, 3, 0);
            Synthetic.Line(i, 60, 30, 30, 44, 3, 0);
            Synthetic.Line(i, 60, 38, 32, 56, 3, 0);
        })));

    [Fact]
    public void TwoBarsUnderTheChevronAreTheDoubleBarSign() =>
        Assert.Equal('≧', OperatorGlyph.Classify(Cell(i =>
        {
            Synthetic.Line(i, 30, 15, 60, 27, 3, 0);
            Synthetic.Line(i, 60, 27, 30, 39, 3, 0);
            Synthetic.Line(i, 30, 48, 62, 48, 3, 0);
            Synthetic.Line(i, 30, 56, 62, 56, 3, 0);
        })));

    [Fact]
    public void ASignAloneInItsCellIsReadWithItsBox()
    {
        var image = PageImage.Blank(120, 80);
        Synthetic.Line(image, 40, 20, 70, 32, 3, 0);
        Synthetic.Line(image, 70, 32, 40, 44, 3, 0);
        Synthetic.Line(image, 40, 55, 72, 55, 3, 0);
        var sign = OperatorGlyph.Read(image);
        Assert.NotNull(sign);
        Assert.Equal("≥", sign.Signs);
        Assert.True(sign.Alone);
        Assert.InRange(sign.Left, 38, 42);
        Assert.InRange(sign.Right, 72, 76);
        Assert.InRange(sign.Top, 18, 22);
        Assert.InRange(sign.Bottom, 56, 60);
    }

    [Fact]
    public void EqualsAloneNeedsTheHeightOfTheText()
    {
        var image = PageImage.Blank(120, 80);
        Synthetic.Line(image, 40, 34, 66, 34, 3, 0);
        Synthetic.Line(image, 40, 44, 66, 44, 3, 0);
        Assert.Null(OperatorGlyph.Read(image));
        Assert.Equal("=", OperatorGlyph.Read(image, textHeight: 45)?.Signs);

        // 二: bars of unequal length as tall as the text.
        var two = PageImage.Blank(120, 80);
        Synthetic.Line(two, 44, 22, 62, 22, 3, 0);
        Synthetic.Line(two, 36, 52, 70, 52, 3, 0);
        Assert.Null(OperatorGlyph.Read(two, textHeight: 45));
    }

    [Fact]
    public void AChevronThenEqualsIsTheSignInTwoCharacters()
    {
        var image = Cell(i =>
        {
            Synthetic.Line(i, 20, 25, 40, 38, 3, 0);
            Synthetic.Line(i, 40, 38, 20, 51, 3, 0);
            Synthetic.Line(i, 50, 33, 70, 33, 3, 0);
            Synthetic.Line(i, 50, 42, 70, 42, 3, 0);
        });
        Assert.Equal(">=", OperatorGlyph.Read(image)?.Signs);
        Assert.False(OperatorGlyph.Read(image)!.Alone);
    }

    [Theory]
    [InlineData(80, 40, "＞")] // the digit starts 39 px (about one Chinese character's height) after the sign's centre
    [InlineData(56, 40, ">")] // 15 px: a half-width sign
    [InlineData(80, 0, ">")] // no height to measure with
    public void TheSpaceASignTakesTellsFullWidthFromHalfWidth(int digitLeft, double textHeight, string expected)
    {
        var image = PageImage.Blank(200, 80);
        Synthetic.Line(image, 30, 25, 50, 38, 3, 0);
        Synthetic.Line(image, 50, 38, 30, 51, 3, 0);
        Synthetic.Line(image, digitLeft, 15, digitLeft + 18, 15, 3, 0);
        Synthetic.Line(image, digitLeft, 60, digitLeft + 18, 60, 3, 0);
        Synthetic.Line(image, digitLeft, 15, digitLeft, 60, 3, 0);
        Synthetic.Line(image, digitLeft + 18, 15, digitLeft + 18, 62, 3, 0);
        Assert.Equal(expected, OperatorGlyph.Read(image, textHeight)?.Signs);
    }

    [Fact]
    public void AParenthesisIsNoSign() =>
        Assert.Null(OperatorGlyph.Classify(Cell(i =>
        {
            // (: a curve, not a sharp tip.
            Synthetic.Line(i, 50, 12, 40, 22, 3, 0);
            Synthetic.Line(i, 40, 22, 37, 38, 3, 0);
            Synthetic.Line(i, 37, 38, 40, 54, 3, 0);
            Synthetic.Line(i, 40, 54, 50, 64, 3, 0);
        })));

    [Fact]
    public void ATwoIsNoSign() =>
        Assert.Null(OperatorGlyph.Classify(Cell(i =>
        {
            // 2: an arch over the top, a diagonal down to the left and a bar along the foot.
            Synthetic.Line(i, 30, 22, 38, 15, 3, 0);
            Synthetic.Line(i, 38, 15, 52, 15, 3, 0);
            Synthetic.Line(i, 52, 15, 58, 24, 3, 0);
            Synthetic.Line(i, 58, 24, 30, 60, 3, 0);
            Synthetic.Line(i, 30, 60, 60, 60, 3, 0);
        })));
}
