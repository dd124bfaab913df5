using System.Text;
using Extractor.Pdf.Parsing;

namespace Extractor.Pdf.Tests.Parsing;

public class LexerAndParserTests
{
    private static PdfObject? Parse(string text) =>
        new ObjectParser(new Lexer(Encoding.Latin1.GetBytes(text)), 32).ReadObject();

    [Fact]
    public void LiteralStringEscapesAndBalancedParentheses()
    {
        var s = Assert.IsType<PdfString>(Parse(@"(a\(b\)c (nested) \101\12 \
tail\r)"));
        Assert.Equal("a(b)c (nested) A\n tail\r", Encoding.Latin1.GetString(s.Bytes));
    }

    [Fact]
    public void HexStringWithOddLengthIsPadded()
    {
        var s = Assert.IsType<PdfString>(Parse("<48 65 6C6C 6F7>"));
        Assert.Equal(new byte[] { 0x48, 0x65, 0x6C, 0x6C, 0x6F, 0x70 }, s.Bytes);
    }

    [Fact]
    public void NamesWithHexEscapes()
    {
        Assert.Equal("A B#", Assert.IsType<PdfName>(Parse("/A#20B#23")).Value);
    }

    [Fact]
    public void DictionaryWithReferenceArrayAndNullValue()
    {
        var d = Assert.IsType<PdfDictionary>(Parse("<< /Kids [1 0 R 2 0 R] /N -3.5 /M 12 /X null /B true >>"));
        var kids = Assert.IsType<PdfArray>(d["Kids"]);
        Assert.Equal(2, kids.Count);
        Assert.Equal(2, Assert.IsType<PdfReference>(kids[1]).Number);
        Assert.Equal(-3.5, Assert.IsType<PdfReal>(d["N"]).Value);
        Assert.Equal(12, Assert.IsType<PdfInteger>(d["M"]).Value);
        Assert.False(d.ContainsKey("X"));
        Assert.True(Assert.IsType<PdfBoolean>(d["B"]).Value);
    }

    [Fact]
    public void LenientNumbers()
    {
        Assert.Equal(-0.5, Assert.IsType<PdfReal>(Parse("-.5")).Value);
        Assert.Equal(4, Assert.IsType<PdfInteger>(Parse("+4")).Value);
        Assert.Equal(12.0, Assert.IsType<PdfReal>(Parse("12.")).Value);
    }

    [Fact]
    public void NestingBeyondTheLimitThrows()
    {
        var deep = new string('[', 100) + new string(']', 100);
        Assert.Throws<PdfLimitException>(() => Parse(deep));
    }

    [Fact]
    public void CommentsAreSkipped()
    {
        var a = Assert.IsType<PdfArray>(Parse("[1 % a comment ]\n 2]"));
        Assert.Equal(2, a.Count);
    }
}
