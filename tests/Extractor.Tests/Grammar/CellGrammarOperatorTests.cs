using Sprache;
using Extractor.Domain;

namespace Extractor.Tests.Grammar;

/// <summary>Comparison operators in every spelling: Operator, IsOperator.</summary>
public class CellGrammarOperatorTests
{
    private const string OperatorName = "operator (=, >=, <=, >, < or ＝ ﹦ ≥ ≧ ＞ ≤ ≦ ＜)";

    [Theory]
    [InlineData("=", "=")]
    [InlineData("＝", "=")]
    [InlineData("﹦", "=")]
    [InlineData(">=", ">=")]
    [InlineData("≥", ">=")]
    [InlineData("≧", ">=")]
    [InlineData("＞=", ">=")]
    [InlineData("＞＝", ">=")]
    [InlineData(">＝", ">=")]
    [InlineData("<=", "<=")]
    [InlineData("≤", "<=")]
    [InlineData("≦", "<=")]
    [InlineData("＜=", "<=")]
    [InlineData("＜＝", "<=")]
    [InlineData("≥=", ">=")]
    [InlineData("≤＝", "<=")]
    [InlineData(">", ">")]
    [InlineData("＞", ">")]
    [InlineData("<", "<")]
    [InlineData("＜", "<")]
    public void OperatorMapsEverySpellingOntoTheContractForm(string input, string expected)
    {
        Assert.Equal(expected, ParseAssert.Whole(CellGrammar.Operator.TryParse(input)));
        Assert.True(CellGrammar.IsOperator(input));
    }

    [Theory]
    [InlineData(">5", ">", 1)]
    [InlineData("<5", "<", 1)]
    [InlineData(">=5", ">=", 2)]
    [InlineData("≥95%", ">=", 1)]
    [InlineData("≥=85%", ">=", 2)]
    [InlineData("=>", "=", 1)]
    public void OperatorStopsAfterTheOperator(string input, string expected, int position)
    {
        Assert.Equal(expected, ParseAssert.StopsAt(CellGrammar.Operator.TryParse(input), position));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("≠")]
    [InlineData("约")]
    public void OperatorFailsAtTheStartOfOtherText(string input)
    {
        ParseAssert.FailsAt(CellGrammar.Operator.TryParse(input), 0, OperatorName);
    }

    [Theory]
    [InlineData(">5")]
    [InlineData("=>")]
    [InlineData("≥ ")]
    [InlineData("")]
    [InlineData(null)]
    public void IsOperatorIsFalseUnlessTheWholeTextIsAnOperator(string? input)
    {
        Assert.False(CellGrammar.IsOperator(input));
    }
}
