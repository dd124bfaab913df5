using Extractor.Model;
using Extractor.Sources.Ocr;
using Extractor.Sources;

namespace Extractor.Tests.Ocr;

public sealed class TextRunsTests
{
    /// <summary>A "character" 40 px tall: a full-height stroke, or three short bars stacked like 三.</summary>
    private static void Character(PageImage image, int left, int top, bool bars = false)
    {
        if (bars)
        {
            foreach (var y in new[] { top + 2, top + 18, top + 36 })
            {
                Synthetic.Line(image, left, y, left + 34, y, 3);
            }
        }
        else
        {
            Synthetic.Line(image, left + 4, top, left + 4, top + 40, 3);
            Synthetic.Line(image, left + 4, top + 20, left + 30, top + 20, 3);
        }
    }

    [Fact]
    public void CharactersCloseOnALineAreOneRunAndAWideGapPartsColumns()
    {
        var image = PageImage.Blank(1200, 400);

        // Column one: four characters 44 px apart (gaps of 4–10 px), the third a stack of bars.
        for (var i = 0; i < 4; i++)
        {
            Character(image, 100 + (i * 44), 100, bars: i == 2);
        }

        // Column two, 120 px further (three characters' worth): two characters.
        Character(image, 396, 100);
        Character(image, 440, 100);

        // A second line under column one, 30 px below: a run of its own.
        Character(image, 100, 170);
        Character(image, 144, 170);

        // A speck.
        image[900, 300] = 0;

        var runs = TextRuns.Find(image);
        Assert.Equal(3, runs.Count);
        Assert.Equal(new TextRuns.Box(104, 100, 265, 143), runs[0]);
        Assert.Equal((400, 100), (runs[1].Left, runs[1].Top));
        Assert.Equal((104, 170), (runs[2].Left, runs[2].Top));
    }

    [Fact]
    public void ABlankPageHasNoRuns()
    {
        Assert.Empty(TextRuns.Find(PageImage.Blank(300, 300)));
    }

    [Fact]
    public void ARunIsCutIntoLettersAcrossItsBox()
    {
        var glyph = new Glyph("年度12", 100, 500, 130.8, 512, 12, new PageBox(1, 100, 500, 130.8, 512));
        var letters = OcrPageContent.Letters(glyph).ToList();
        Assert.Equal(["年", "度", "1", "2"], letters.Select(l => l.Text));

        // CJK a full width, digits 0.55 of one: 3.1 units over 30.8 pt, the last digit from 2.55 units.
        Assert.Equal(100, letters[0].Left, 6);
        Assert.Equal(109.935, letters[0].Right, 3);
        Assert.Equal(125.335, letters[3].Left, 3);
        Assert.Equal(130.8, letters[3].Right, 6);
        Assert.All(letters, l => Assert.Equal((500, 512), (l.Bottom, l.Top)));
        Assert.Equal(letters[2].Left, letters[2].Source.X0, 6);
    }

    [Fact]
    public void ARunEndingInAFullWidthMarkReachesToTheEndOfItsEm()
    {
        // 要求， ends with a comma whose ink fills the left of its em: the box grows by 0.75 em to the right.
        var run = new Glyph("要求，", 100, 500, 130, 512, 12, new PageBox(1, 200, 500, 260, 512));
        var widened = OcrPageContent.WithFullWidthMarks(run);
        Assert.Equal((100, 139), (widened.Left, widened.Right));
        Assert.Equal((200, 278), (widened.Source.X0, widened.Source.X1)); // user space is twice as wide here

        // An opening bracket widens to the left; plain text stays as it is.
        Assert.Equal(91, OcrPageContent.WithFullWidthMarks(run with { Text = "（注" }).Left);
        var plain = run with { Text = "要求" };
        Assert.Equal((100, 130), (OcrPageContent.WithFullWidthMarks(plain).Left, OcrPageContent.WithFullWidthMarks(plain).Right));
    }
}
