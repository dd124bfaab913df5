using Extractor.Grammar;
using Sprache;

namespace Extractor.Tests.Grammar;

/// <summary>The year of a form: RowGrammar.Year and RowGrammar.YearRow.</summary>
public class RowGrammarYearTests
{
    [Theory]
    [InlineData("(2023 年度)")]
    [InlineData("(2023年度)")]
    [InlineData("（2023年度）")]
    [InlineData("（2023 年度）")]
    [InlineData("(2023年度）")]
    [InlineData("2023年度")]
    [InlineData("2023年")]
    [InlineData("（2023年）")]
    [InlineData("(２０２３年度)")]
    [InlineData("( 2023 年度 )")]
    public void YearReadsEveryPrintedForm(string input)
    {
        Assert.Equal(2023, ParseAssert.Whole(RowGrammar.Year.TryParse(input)));
    }

    [Fact]
    public void YearStopsAfterTheYearWord()
    {
        Assert.Equal(2022, ParseAssert.StopsAt(RowGrammar.Year.TryParse("2022年度财政项目支出绩效自评表"), 6));
    }

    [Fact]
    public void YearWithAnOpenParenthesisNeedsTheClosingOne()
    {
        var result = RowGrammar.Year.TryParse("(2023 年度");
        ParseAssert.FailsAt(result, 8);
        Assert.Contains(result.Expectations, e => e.Contains(')', StringComparison.Ordinal));
    }

    [Fact]
    public void YearWithoutAnOpenParenthesisDoesNotTakeAClosingOne()
    {
        Assert.Equal(2023, ParseAssert.StopsAt(RowGrammar.Year.TryParse("2023年度)"), 6));
        ParseAssert.FailsAt(RowGrammar.Year.End().TryParse("2023年度)"), 6, "end of input");
    }

    [Theory]
    [InlineData("(23年度)", 1)]
    [InlineData("(2023度)", 5)]
    [InlineData("(20234年度)", 5)]
    [InlineData("2023", 4)]
    public void YearFailsWhereTheYearStopsMakingSense(string input, int position)
    {
        ParseAssert.FailsAt(RowGrammar.Year.TryParse(input), position);
    }

    [Fact]
    public void YearNeedsTheYearWordAfterFourDigits()
    {
        ParseAssert.FailsAt(RowGrammar.Year.TryParse("(2023度)"), 5, "年");
    }

    [Theory]
    [InlineData("项目")]
    [InlineData("")]
    [InlineData("年度")]
    public void YearFailsAtTheStartOfOtherText(string input)
    {
        ParseAssert.FailsAt(RowGrammar.Year.TryParse(input), 0, "year such as (2023 年度)");
    }

    [Theory]
    [InlineData("(2023年度)\t\t\t\t\t\t\t\t")]
    [InlineData("(2023 年度)\t\t\t\t\t\t\t\t")]
    [InlineData("(2023年度)")]
    [InlineData("\t（2023年度）\t")]
    [InlineData("2023年度")]
    public void YearRowReadsTheYearAloneOnItsRow(string input)
    {
        Assert.Equal(new YearRow(2023), ParseAssert.Whole(RowGrammar.YearRow.TryParse(input)));
    }

    [Theory]
    [InlineData("2019年度)")]
    [InlineData("\t2019年度）\t")]
    public void YearRowReadsAYearLineWhoseOpeningBracketWasLost(string input)
    {
        // hebei-langfang-shipin-2019-nuantong prints its year line so.
        Assert.Equal(new YearRow(2019), ParseAssert.Whole(RowGrammar.YearRow.TryParse(input)));
    }

    [Fact]
    public void YearRowFailsAtACellAfterTheYear()
    {
        ParseAssert.FailsAt(RowGrammar.YearRow.TryParse("(2023年度)\t项目"), 9, "end of input");
    }

    [Theory]
    [InlineData("项目名称\t党群中心劳务费及分摊费")]
    [InlineData("")]
    public void YearRowFailsAtTheStartOfAnotherRow(string input)
    {
        ParseAssert.FailsAt(RowGrammar.YearRow.TryParse(input), 0, "year row");
    }

    [Fact]
    public void YearRowWithAnUnbalancedParenthesisFailsWhereItShouldClose()
    {
        var result = RowGrammar.YearRow.TryParse("(2023年度\t\t\t");
        ParseAssert.FailsAt(result, 7);
        Assert.Contains(result.Expectations, e => e.Contains(')', StringComparison.Ordinal));
    }

    [Fact]
    public void YearRowSaysAYearWasExpectedInTheFirstFilledCell()
    {
        ParseAssert.FailsAt(RowGrammar.YearRow.TryParse("\t项目名称"), 1, "year such as (2023 年度)");
    }

    [Fact]
    public void YearRowFailsInsideTheCellWhereTheYearStops()
    {
        ParseAssert.FailsAt(RowGrammar.YearRow.TryParse("\t\t(2023年度)说明"), 10, "end of input");
    }
}
