using Sprache;
using Extractor.Domain;

namespace Extractor.Tests.Grammar;

/// <summary>Units after a number: Unit, IsUnit.</summary>
public class CellGrammarUnitTests
{
    [Theory]
    [InlineData("人")]
    [InlineData("个")]
    [InlineData("%")]
    [InlineData("万元")]
    [InlineData("月")]
    [InlineData("面")]
    [InlineData("项")]
    [InlineData("次/年")]
    [InlineData("人次")]
    [InlineData("km")]
    [InlineData("m²")]
    [InlineData("平方米")]
    [InlineData("一二三四五六七八九十")]
    public void UnitReadsShortUnits(string input)
    {
        Assert.Equal(input, ParseAssert.Whole(CellGrammar.Unit.TryParse(input)));
        Assert.True(CellGrammar.IsUnit(input));
    }

    [Theory]
    [InlineData("％", "%")]
    [InlineData("次／年", "次/年")]
    [InlineData("ｋｍ", "km")]
    public void UnitWritesFullWidthFormsAsAscii(string input, string expected)
    {
        Assert.Equal(expected, ParseAssert.Whole(CellGrammar.Unit.TryParse(input)));
    }

    [Theory]
    [InlineData("人，", "人", 1)]
    [InlineData("个(年)", "个", 1)]
    [InlineData("天-", "天", 1)]
    [InlineData("万元 ", "万元", 2)]
    [InlineData("人5", "人", 1)]
    public void UnitStopsAtPunctuationSpacesAndDigits(string input, string expected, int position)
    {
        Assert.Equal(expected, ParseAssert.StopsAt(CellGrammar.Unit.TryParse(input), position));
    }

    [Theory]
    [InlineData("")]
    [InlineData("5人")]
    [InlineData(" 人")]
    [InlineData("(人)")]
    [InlineData("，")]
    [InlineData(">")]
    [InlineData("一二三四五六七八九十一")]
    public void UnitFailsAtTheStart(string input)
    {
        ParseAssert.FailsAt(CellGrammar.Unit.TryParse(input), 0, "unit");
    }

    [Theory]
    [InlineData("5人")]
    [InlineData("人，")]
    [InlineData("")]
    [InlineData(null)]
    public void IsUnitIsFalseUnlessTheWholeTextIsAUnit(string? input)
    {
        Assert.False(CellGrammar.IsUnit(input));
    }
}
