using Sprache;
using Extractor.Domain;

namespace Extractor.Tests.Grammar;

/// <summary>Placeholders for "nothing here": Placeholder, PlaceholderCell, IsPlaceholder, IsBlank.</summary>
public class CellGrammarPlaceholderTests
{
    [Theory]
    [InlineData("—")]
    [InlineData("——")]
    [InlineData("-")]
    [InlineData("--")]
    [InlineData("/")]
    [InlineData("无")]
    [InlineData("–")]
    [InlineData("－")]
    [InlineData("―")]
    [InlineData("／")]
    [InlineData("\\")]
    [InlineData("＼")]
    public void PlaceholderReadsEverySpelling(string input)
    {
        Assert.Equal(input, ParseAssert.Whole(CellGrammar.Placeholder.TryParse(input)));
        Assert.Equal(input, ParseAssert.Whole(CellGrammar.PlaceholderCell.TryParse(input)));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("及时")]
    public void PlaceholderFailsAtTheStartOfOtherText(string input)
    {
        ParseAssert.FailsAt(CellGrammar.Placeholder.TryParse(input), 0, "placeholder (—, -, /, 无)");
    }

    [Theory]
    [InlineData("-5", 1)]
    [InlineData("—x", 1)]
    [InlineData("/a", 1)]
    [InlineData("无无", 1)]
    [InlineData("无效", 1)]
    [InlineData("——备注", 2)]
    public void PlaceholderCellFailsWhereTheCellGoesOn(string input, int position)
    {
        ParseAssert.FailsAt(CellGrammar.PlaceholderCell.TryParse(input), position, "end of input");
    }

    [Theory]
    [InlineData("—", true)]
    [InlineData("-", true)]
    [InlineData("/", true)]
    [InlineData("无", true)]
    [InlineData("-5", false)]
    [InlineData("无效", false)]
    [InlineData("0", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsPlaceholderIsTrueOnlyForAWholePlaceholder(string? input, bool expected)
    {
        Assert.Equal(expected, CellGrammar.IsPlaceholder(input));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("—", true)]
    [InlineData("无", true)]
    [InlineData("0", false)]
    [InlineData("及时", false)]
    public void IsBlankMeansNoValue(string? input, bool expected)
    {
        Assert.Equal(expected, CellGrammar.IsBlank(input));
    }
}
