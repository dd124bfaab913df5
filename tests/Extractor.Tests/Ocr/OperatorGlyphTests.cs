using Extractor.Ocr;

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
}
