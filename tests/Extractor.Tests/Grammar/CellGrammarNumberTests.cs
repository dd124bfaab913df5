using System.Globalization;
using Sprache;
using Extractor.Domain;

namespace Extractor.Tests.Grammar;

/// <summary>Digits, integers and decimal numbers: Digit, GroupedInteger, PlainInteger, Number, NumberCell, IsNumber.</summary>
public class CellGrammarNumberTests
{
    private static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("0", '0')]
    [InlineData("7", '7')]
    [InlineData("9", '9')]
    [InlineData("０", '0')]
    [InlineData("５", '5')]
    [InlineData("９", '9')]
    public void DigitReadsAsciiAndFullWidthDigitsAsAscii(string input, char expected)
    {
        Assert.Equal(expected, ParseAssert.Whole(CellGrammar.Digit.TryParse(input)));
    }

    [Fact]
    public void DigitReadsOneCharacterOnly()
    {
        Assert.Equal('1', ParseAssert.StopsAt(CellGrammar.Digit.TryParse("12"), 1));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("٣")]
    [InlineData("一")]
    public void DigitRejectsOtherCharactersAtTheirPosition(string input)
    {
        ParseAssert.FailsAt(CellGrammar.Digit.TryParse(input), 0, "digit");
    }

    [Theory]
    [InlineData("11,999,665", "11999665")]
    [InlineData("1,000", "1000")]
    [InlineData("808,558", "808558")]
    [InlineData("49,470", "49470")]
    [InlineData("999,999,999", "999999999")]
    [InlineData("１,２３４", "1234")]
    public void GroupedIntegerDropsTheSeparators(string input, string expected)
    {
        Assert.Equal(expected, ParseAssert.Whole(CellGrammar.GroupedInteger.TryParse(input)));
    }

    [Fact]
    public void GroupedIntegerStopsBeforeTheFraction()
    {
        Assert.Equal("11999665", ParseAssert.StopsAt(CellGrammar.GroupedInteger.TryParse("11,999,665.86"), 10));
    }

    [Fact]
    public void GroupedIntegerStopsAfterThreeDigitsOfAGroup()
    {
        Assert.Equal("1234", ParseAssert.StopsAt(CellGrammar.GroupedInteger.TryParse("1,2345"), 5));
    }

    [Fact]
    public void GroupedIntegerNeedsASeparatorAfterAtMostThreeDigits()
    {
        ParseAssert.FailsAt(CellGrammar.GroupedInteger.TryParse("11999665"), 3, ",");
    }

    [Fact]
    public void GroupedIntegerCannotStartWithASeparator()
    {
        ParseAssert.FailsAt(CellGrammar.GroupedInteger.TryParse(",123"), 0, "digits with thousands separators");
    }

    [Fact]
    public void GroupedIntegerRejectsAShortGroup()
    {
        ParseAssert.FailsAt(CellGrammar.GroupedInteger.TryParse("1,23"), 2);
    }

    [Theory]
    [InlineData("11999665", "11999665")]
    [InlineData("0", "0")]
    [InlineData("０１２", "012")]
    public void PlainIntegerReadsDigits(string input, string expected)
    {
        Assert.Equal(expected, ParseAssert.Whole(CellGrammar.PlainInteger.TryParse(input)));
    }

    [Theory]
    [InlineData("12a", "12", 2)]
    [InlineData("1,000", "1", 1)]
    [InlineData("39人", "39", 2)]
    public void PlainIntegerStopsAtTheFirstNonDigit(string input, string expected, int position)
    {
        Assert.Equal(expected, ParseAssert.StopsAt(CellGrammar.PlainInteger.TryParse(input), position));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("")]
    [InlineData(",5")]
    public void PlainIntegerNeedsADigitFirst(string input)
    {
        ParseAssert.FailsAt(CellGrammar.PlainInteger.TryParse(input), 0, "digits");
    }

    [Theory]
    [InlineData("11,999,665.86", "11999665.86")]
    [InlineData("11999665.86", "11999665.86")]
    [InlineData("11134477.99", "11134477.99")]
    [InlineData("1000000.00", "1000000.00")]
    [InlineData("1000000", "1000000")]
    [InlineData("808,558", "808558")]
    [InlineData("808558.00", "808558.00")]
    [InlineData("0", "0")]
    [InlineData("0.5", "0.5")]
    [InlineData("0.00", "0.00")]
    [InlineData("100.00", "100.00")]
    [InlineData("-3.5", "-3.5")]
    [InlineData("－3", "-3")]
    [InlineData("+5", "5")]
    [InlineData("＋5", "5")]
    [InlineData("１２．５", "12.5")]
    [InlineData("１,０００.５０", "1000.50")]
    [InlineData("999999999999999999999999999", "999999999999999999999999999")]
    public void NumberKeepsThePrintedDigitsAndScale(string input, string expected)
    {
        Assert.Equal(expected, Show(ParseAssert.Whole(CellGrammar.Number.TryParse(input))));
    }

    [Theory]
    [InlineData("45.17%", "45.17", 5)]
    [InlineData("39人", "39", 2)]
    [InlineData("3-5个", "3", 1)]
    [InlineData("12.", "12", 2)]
    [InlineData("12.a", "12", 2)]
    public void NumberStopsWhereTheNumberEnds(string input, string expected, int position)
    {
        Assert.Equal(expected, Show(ParseAssert.StopsAt(CellGrammar.Number.TryParse(input), position)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("%")]
    [InlineData("及时")]
    [InlineData(".5")]
    public void NumberFailsAtTheStartWhenThereIsNoDigit(string input)
    {
        ParseAssert.FailsAt(CellGrammar.Number.TryParse(input), 0, "number");
    }

    [Theory]
    [InlineData("-")]
    [InlineData("-x")]
    [InlineData("+")]
    public void NumberNeedsDigitsAfterASign(string input)
    {
        ParseAssert.FailsAt(CellGrammar.Number.TryParse(input), 1, "digits");
    }

    [Fact]
    public void NumberRefusesMoreThan27Digits()
    {
        var result = CellGrammar.Number.TryParse("1234567890123456789012345678");
        ParseAssert.FailsAt(result, 28, "number of at most 27 digits");
    }

    [Fact]
    public void NumberCountsFractionDigitsTowardsTheLimit()
    {
        ParseAssert.FailsAt(CellGrammar.Number.TryParse("12345678901234.56789012345678"), 29, "number of at most 27 digits");
    }

    [Theory]
    [InlineData("11,999,665.86", "11999665.86")]
    [InlineData("1000000.00", "1000000.00")]
    [InlineData("11134477.99", "11134477.99")]
    [InlineData("0", "0")]
    [InlineData("10", "10")]
    public void NumberCellReadsAWholeCell(string input, string expected)
    {
        Assert.Equal(expected, Show(ParseAssert.Whole(CellGrammar.NumberCell.TryParse(input))));
    }

    [Theory]
    [InlineData("1,2345", 5)]
    [InlineData("12.", 2)]
    [InlineData("100.00%", 6)]
    [InlineData("1 000", 1)]
    [InlineData("11,999,665.86元", 13)]
    [InlineData("5分", 1)]
    public void NumberCellFailsWhereTheCellGoesOnAfterTheNumber(string input, int position)
    {
        ParseAssert.FailsAt(CellGrammar.NumberCell.TryParse(input), position, "end of input");
    }

    [Theory]
    [InlineData("")]
    [InlineData("—")]
    [InlineData("规范")]
    public void NumberCellFailsAtTheStartOfText(string input)
    {
        ParseAssert.FailsAt(CellGrammar.NumberCell.TryParse(input), 0, "number");
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("1,234", true)]
    [InlineData("-5", true)]
    [InlineData("11999665.86", true)]
    [InlineData("1,2345", false)]
    [InlineData("5%", false)]
    [InlineData("5分", false)]
    [InlineData("", false)]
    [InlineData("—", false)]
    [InlineData(null, false)]
    public void IsNumberIsTrueOnlyForAWholeNumber(string? input, bool expected)
    {
        Assert.Equal(expected, CellGrammar.IsNumber(input));
    }
}
