using Extractor.Grammar;
using Sprache;
using Extractor.Domain;

namespace Extractor.Tests.Grammar;

/// <summary>How a failure is put into words: CellGrammar.Describe.</summary>
public class CellGrammarDescribeTests
{
    [Fact]
    public void DescribeSaysWhatWasFoundWhatWasExpectedAndWhere()
    {
        var failure = CellGrammar.NumberCell.TryParse("1,2345");
        Assert.Equal("unexpected '5' (expected end of input) at position 5", CellGrammar.Describe(failure));
    }

    [Fact]
    public void DescribeUsesTheRuleName()
    {
        var failure = CellGrammar.Operator.TryParse("a");
        Assert.Equal("unexpected 'a' (expected operator (=, >=, <=, >, < or ＝ ﹦ ≥ ≧ ＞ ≤ ≦ ＜)) at position 0", CellGrammar.Describe(failure));
    }

    [Fact]
    public void DescribeOfARowFailureNamesTheCellsRule()
    {
        var failure = RowGrammar.YearRow.TryParse("\t项目名称");
        Assert.Equal("Unexpected '项' (expected year such as (2023 年度)) at position 1", CellGrammar.Describe(failure));
    }

    [Fact]
    public void DescribeWithoutExpectationsGivesMessageAndPosition()
    {
        var failure = Result.Failure<int>(new Input("ab").Advance(), "no value here", []);
        Assert.Equal("no value here at position 1", CellGrammar.Describe(failure));
    }

    [Fact]
    public void DescribeRefusesNull()
    {
        Assert.Throws<ArgumentNullException>(() => CellGrammar.Describe<int>(null!));
    }
}
