using System.Globalization;
using Extractor.Model;
using Sprache;
using Extractor.Domain;

namespace Extractor.Tests.Grammar;

/// <summary>Targets and actual values: NumericMeasure and ReadMeasure.</summary>
public class CellGrammarMeasureTests
{
    private static string Show(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    [Theory]
    [InlineData("=39人", "=", "39", "人")]
    [InlineData("<=3万元", "<=", "3", "万元")]
    [InlineData("<=15万元", "<=", "15", "万元")]
    [InlineData("=7月", "=", "7", "月")]
    [InlineData("100", null, "100", null)]
    [InlineData("45.17%", null, "45.17", "%")]
    [InlineData("≥95%", ">=", "95", "%")]
    [InlineData("> 80 %", ">", "80", "%")]
    [InlineData(">=90%", ">=", "90", "%")]
    [InlineData("＞=85%", ">=", "85", "%")]
    [InlineData(">5个", ">", "5", "个")]
    [InlineData("＜3天", "<", "3", "天")]
    [InlineData("≦10次/年", "<=", "10", "次/年")]
    [InlineData("﹦100%", "=", "100", "%")]
    [InlineData("=1,603人", "=", "1603", "人")]
    [InlineData("39人次", null, "39", "人次")]
    [InlineData("= 8 面", "=", "8", "面")]
    [InlineData("-5%", null, "-5", "%")]
    public void NumericMeasureSplitsOperatorNumberAndUnit(string input, string? op, string value, string? unit)
    {
        var measure = ParseAssert.Whole(CellGrammar.NumericMeasure.TryParse(input));
        Assert.Equal(op, measure.Operator);
        Assert.Equal(value, Show(measure.Value));
        Assert.Equal(unit, measure.Unit);
        Assert.Null(measure.Text);
    }

    [Theory]
    [InlineData("及时")]
    [InlineData("全年")]
    [InlineData("良好")]
    [InlineData("达成预期指标")]
    [InlineData("约50人")]
    [InlineData("")]
    public void NumericMeasureFailsAtTheStartOfText(string input)
    {
        ParseAssert.FailsAt(CellGrammar.NumericMeasure.TryParse(input), 0, "[operator] number [unit]");
    }

    [Theory]
    [InlineData("3-5个", 1)]
    [InlineData("=39人 ", 4)]
    [InlineData("5(个)", 1)]
    [InlineData("5一二三四五六七八九十一", 1)]
    [InlineData("≥95%，较上年提高", 4)]
    public void NumericMeasureFailsWhereTheCellGoesOnAfterTheMeasure(string input, int position)
    {
        ParseAssert.FailsAt(CellGrammar.NumericMeasure.TryParse(input), position, "end of input");
    }

    [Theory]
    [InlineData("=", 1)]
    [InlineData("≥个", 1)]
    [InlineData(">= ", 3)]
    public void NumericMeasureNeedsANumberAfterTheOperator(string input, int position)
    {
        ParseAssert.FailsAt(CellGrammar.NumericMeasure.TryParse(input), position, "number");
    }

    [Fact]
    public void ReadMeasureOfAnOperatorNumberAndUnitKeepsTheRawText()
    {
        Assert.Equal(new Measure("=39人", "=", 39m, "人", null), CellGrammar.ReadMeasure("=39人"));
    }

    [Fact]
    public void ReadMeasureMatchesTheContractExample()
    {
        Assert.Equal(new Measure("≥95%", ">=", 95m, "%", null), CellGrammar.ReadMeasure("≥95%"));
    }

    [Fact]
    public void ReadMeasureGivesTheSameUnitForFullWidthAndAsciiPercent()
    {
        Assert.Equal(new Measure("≥95％", ">=", 95m, "%", null), CellGrammar.ReadMeasure("≥95％"));
        Assert.Equal(CellGrammar.ReadMeasure("95%")!.Unit, CellGrammar.ReadMeasure("95％")!.Unit);
    }

    [Fact]
    public void ReadMeasureKeepsSpacesInTheRawText()
    {
        Assert.Equal(new Measure("> 80 %", ">", 80m, "%", null), CellGrammar.ReadMeasure("> 80 %"));
    }

    [Fact]
    public void ReadMeasureKeepsTheScaleOfTheValue()
    {
        var measure = CellGrammar.ReadMeasure("45.17%");
        Assert.NotNull(measure);
        Assert.Equal("45.17", Show(measure.Value));
        Assert.Null(measure.Operator);
    }

    [Theory]
    [InlineData("及时")]
    [InlineData("全年")]
    [InlineData("良好")]
    [InlineData("达成预期指标")]
    [InlineData("3-5个")]
    [InlineData("规范")]
    [InlineData("无")]
    public void ReadMeasureOfOtherTextIsText(string input)
    {
        Assert.Equal(new Measure(input, null, null, null, input), CellGrammar.ReadMeasure(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("—")]
    [InlineData("——")]
    [InlineData("-")]
    [InlineData("/")]
    public void ReadMeasureOfABlankOrPlaceholderIsNull(string? input)
    {
        Assert.Null(CellGrammar.ReadMeasure(input));
    }
}
