using System.Globalization;
using Sprache;
using Extractor.Domain;

namespace Extractor.Tests.Grammar;

/// <summary>Percentages: Percent, PercentCell, ReadPercent, IsPercent.</summary>
public class CellGrammarPercentTests
{
    private static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("100.00%", "100.00")]
    [InlineData("86.19%", "86.19")]
    [InlineData("45.17%", "45.17")]
    [InlineData("86.19 %", "86.19")]
    [InlineData("86.19％", "86.19")]
    [InlineData("86.19 ％", "86.19")]
    [InlineData("５０％", "50")]
    [InlineData("0%", "0")]
    [InlineData("120%", "120")]
    public void PercentIsThePrintedNumber(string input, string expected)
    {
        Assert.Equal(expected, Show(ParseAssert.Whole(CellGrammar.Percent.TryParse(input))));
        Assert.Equal(expected, Show(ParseAssert.Whole(CellGrammar.PercentCell.TryParse(input))));
    }

    [Fact]
    public void PercentStopsAfterTheSign()
    {
        Assert.Equal("95", Show(ParseAssert.StopsAt(CellGrammar.Percent.TryParse("95%以上"), 3)));
    }

    [Theory]
    [InlineData("45.17", 5)]
    [InlineData("100", 3)]
    [InlineData("45.17  %", 6)]
    [InlineData("45.17人", 5)]
    public void PercentNeedsThePercentSignWhereTheNumberEnds(string input, int position)
    {
        var result = CellGrammar.PercentCell.TryParse(input);
        ParseAssert.FailsAt(result, position);
        Assert.Contains(result.Expectations, e => e.Contains('%', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("")]
    [InlineData("良好")]
    public void PercentNeedsANumberFirst(string input)
    {
        ParseAssert.FailsAt(CellGrammar.PercentCell.TryParse(input), 0, "percentage");
    }

    [Theory]
    [InlineData("100%%", 4)]
    [InlineData("95%以上", 3)]
    public void PercentCellFailsWhenTheCellGoesOn(string input, int position)
    {
        ParseAssert.FailsAt(CellGrammar.PercentCell.TryParse(input), position, "end of input");
    }

    [Theory]
    [InlineData("86.19%", "86.19")]
    [InlineData("100.00%", "100.00")]
    [InlineData("100", "100")]
    [InlineData("86.19", "86.19")]
    public void ReadPercentTakesPercentagesAndBareNumbersAsPrinted(string input, string expected)
    {
        var value = CellGrammar.ReadPercent(input);
        Assert.NotNull(value);
        Assert.Equal(expected, Show(value.Value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("—")]
    [InlineData("/")]
    [InlineData("及时")]
    [InlineData("86.19%%")]
    public void ReadPercentIsNullForAnythingElse(string? input)
    {
        Assert.Null(CellGrammar.ReadPercent(input));
    }

    [Theory]
    [InlineData("5%", true)]
    [InlineData("86.19 ％", true)]
    [InlineData("5", false)]
    [InlineData("≥95%", false)]
    [InlineData(null, false)]
    public void IsPercentIsTrueOnlyForAWholePercentage(string? input, bool expected)
    {
        Assert.Equal(expected, CellGrammar.IsPercent(input));
    }
}
