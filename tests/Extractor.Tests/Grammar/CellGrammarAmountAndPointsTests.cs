using System.Globalization;
using Sprache;
using Extractor.Domain;

namespace Extractor.Tests.Grammar;

/// <summary>Money and points: AmountCell, PointsCell, ReadAmount, ReadPoints, IsNumeric.</summary>
public class CellGrammarAmountAndPointsTests
{
    private static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("11,999,665.86", "11999665.86")]
    [InlineData("11134477.99", "11134477.99")]
    [InlineData("808,558", "808558")]
    [InlineData("1000000.00", "1000000.00")]
    [InlineData("1000000.00元", "1000000.00")]
    [InlineData("100元", "100")]
    [InlineData("3万元", "3")]
    [InlineData("150万", "150")]
    [InlineData("3359.62万", "3359.62")]
    [InlineData("0", "0")]
    public void AmountCellReadsTheNumberAndAllowsAUnit(string input, string expected)
    {
        Assert.Equal(expected, Show(ParseAssert.Whole(CellGrammar.AmountCell.TryParse(input))));
    }

    [Theory]
    [InlineData("3美元", 1)]
    [InlineData("3元整", 2)]
    [InlineData("1,2345", 5)]
    public void AmountCellFailsWhereTheCellStopsBeingAnAmount(string input, int position)
    {
        ParseAssert.FailsAt(CellGrammar.AmountCell.TryParse(input), position, "end of input");
    }

    [Theory]
    [InlineData("元")]
    [InlineData("")]
    [InlineData("规范")]
    public void AmountCellFailsAtTheStartOfText(string input)
    {
        ParseAssert.FailsAt(CellGrammar.AmountCell.TryParse(input), 0, "amount");
    }

    [Fact]
    public void AmountCellOfADashFailsAfterTheSign()
    {
        ParseAssert.FailsAt(CellGrammar.AmountCell.TryParse("-"), 1, "digits");
    }

    [Theory]
    [InlineData("10", "10")]
    [InlineData("4.5", "4.5")]
    [InlineData("5分", "5")]
    [InlineData("0.5分", "0.5")]
    [InlineData("１０", "10")]
    [InlineData("100", "100")]
    public void PointsCellReadsANumberAndAllowsFen(string input, string expected)
    {
        Assert.Equal(expected, Show(ParseAssert.Whole(CellGrammar.PointsCell.TryParse(input))));
    }

    [Theory]
    [InlineData("5分分", 2)]
    [InlineData("5个", 1)]
    [InlineData("5%", 1)]
    public void PointsCellFailsWhereTheCellStopsBeingPoints(string input, int position)
    {
        ParseAssert.FailsAt(CellGrammar.PointsCell.TryParse(input), position, "end of input");
    }

    [Theory]
    [InlineData("分")]
    [InlineData("")]
    [InlineData("—")]
    public void PointsCellFailsAtTheStartOfText(string input)
    {
        ParseAssert.FailsAt(CellGrammar.PointsCell.TryParse(input), 0, "points");
    }

    [Theory]
    [InlineData("11,999,665.86", "11999665.86")]
    [InlineData("808558.00", "808558.00")]
    [InlineData("3万元", "3")]
    public void ReadAmountReadsAmounts(string input, string expected)
    {
        var value = CellGrammar.ReadAmount(input);
        Assert.NotNull(value);
        Assert.Equal(expected, Show(value.Value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("—")]
    [InlineData("-")]
    [InlineData("/")]
    [InlineData("无")]
    [InlineData("规范")]
    [InlineData("1,2345")]
    public void ReadAmountIsNullForBlanksPlaceholdersAndText(string? input)
    {
        Assert.Null(CellGrammar.ReadAmount(input));
    }

    [Theory]
    [InlineData("5", "5")]
    [InlineData("5分", "5")]
    [InlineData("2.5", "2.5")]
    public void ReadPointsReadsPoints(string input, string expected)
    {
        var value = CellGrammar.ReadPoints(input);
        Assert.NotNull(value);
        Assert.Equal(expected, Show(value.Value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("—")]
    [InlineData("满分")]
    [InlineData("5个")]
    public void ReadPointsIsNullForAnythingElse(string? input)
    {
        Assert.Null(CellGrammar.ReadPoints(input));
    }

    [Theory]
    [InlineData("10", true)]
    [InlineData("5分", true)]
    [InlineData("100.00%", true)]
    [InlineData("3万元", true)]
    [InlineData("11,999,665.86", true)]
    [InlineData("及时", false)]
    [InlineData("—", false)]
    [InlineData("=39人", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsNumericIsTrueForNumbersPercentagesAndAmounts(string? input, bool expected)
    {
        Assert.Equal(expected, CellGrammar.IsNumeric(input));
    }
}
