using Extractor.Sources.Ocr;

namespace Extractor.Tests.Ocr;

public sealed class InkLinesTests
{
    /// <summary>A cell with a row of character-like boxes at each of <paramref name="tops"/>, 30 px tall.</summary>
    private static PageImage Cell(params int[] tops)
    {
        var image = PageImage.Blank(200, 160);
        foreach (var top in tops)
        {
            for (var c = 0; c < 3; c++)
            {
                Synthetic.Line(image, 20 + (c * 40), top, 50 + (c * 40), top, 3, 0);
                Synthetic.Line(image, 35 + (c * 40), top, 35 + (c * 40), top + 30, 3, 0);
            }
        }

        return image;
    }

    [Fact]
    public void EachRowOfCharactersIsALine() =>
        Assert.Equal([(10, 42), (60, 92), (110, 142)], InkLines.Find(Cell(10, 60, 110)));

    [Fact]
    public void SpecksAndFaintMarksAreNoLines()
    {
        var image = Cell(10, 60);
        Synthetic.Line(image, 100, 120, 104, 120, 3, 0);
        Assert.Equal(2, InkLines.Find(image).Count);
        Assert.Empty(InkLines.Find(PageImage.Blank(50, 50)));
    }
}
