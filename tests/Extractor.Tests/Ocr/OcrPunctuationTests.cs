
using Extractor.Sources.Ocr;

namespace Extractor.Tests.Ocr;

public sealed class OcrPunctuationTests
{
    // Chinese characters 40 px tall, as at 300 dpi.
    private const double TextHeight = 40;

    private static OcrWord Word(string text, int left, int width, int line = 1) => new(0, 1, 1, line, left, 10, width, 40, 90, text);

    private static string Widened(params OcrWord[] words) => string.Concat(OcrPunctuation.Widen(words, TextHeight).Words.Select(w => w.Text));

    [Fact]
    public void AMarkTakingAWholeCharacterIsFullWidth()
    {
        // ； ink 8 px wide at 100; the next character 36 px after its centre.
        Assert.Equal("延迟；已", Widened(Word("延迟", 0, 90), Word(";", 100, 8), Word("已", 140, 38)));
        Assert.Equal("其中：当年", Widened(Word("其中", 0, 80), Word(":", 88, 6), Word("当年", 124, 80)));
    }

    [Fact]
    public void AMarkTakingAQuarterOfOneIsLeftHalfWidth() =>
        Assert.Equal("延迟;已", Widened(Word("延迟", 0, 90), Word(";", 94, 6), Word("已", 106, 38)));

    [Fact]
    public void BracketsAreMeasuredOnTheirOpenSide()
    {
        Assert.Equal("时间（自", Widened(Word("时间", 0, 80), Word("(", 106, 8), Word("自", 124, 38)));
        Assert.Equal("需氧量（COD）年", Widened(Word("需氧量", 0, 120), Word("(COD)", 136, 60), Word("年", 236, 38)));
        Assert.Equal("产出指标(70分)", Widened(Word("产出指标", 0, 160), Word("(70", 160, 40), Word("分)", 202, 50)));
    }

    [Fact]
    public void NothingToMeasureLeavesTheMark()
    {
        // At the end of the line, alone on the line, or without the height of the text.
        Assert.Equal("总额:", Widened(Word("总额", 0, 80), Word(":", 88, 6)));
        Assert.Equal(";", Widened(Word(";", 10, 6)));
        var (words, repairs) = OcrPunctuation.Widen([Word("延迟", 0, 90), Word(";", 100, 8), Word("已", 140, 38)], 0);
        Assert.Equal(";", words[1].Text);
        Assert.Empty(repairs);
    }

    [Fact]
    public void EachChangeIsReported()
    {
        var (_, repairs) = OcrPunctuation.Widen([Word("延迟", 0, 90), Word(";", 100, 8), Word("已", 140, 38)], TextHeight);
        Assert.Equal(["full-width by its spacing: ';' → '；'"], repairs);
    }
}
