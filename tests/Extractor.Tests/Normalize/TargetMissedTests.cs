using Extractor.Model;
using Extractor.Normalize;
using static Extractor.Tests.Normalize.TestForms;

namespace Extractor.Tests.Normalize;

/// <summary>Whether an actual value fails its target: AuditChecks.TargetMissed for every operator, at the boundary, across units and text.</summary>
public class TargetMissedTests
{
    [Theory]
    [InlineData("=", "39", "人", "39", "人", false)]
    [InlineData("=", "51", "个", "52", "个", true)]
    [InlineData("=", "14", "人", "13", "人", true)]
    [InlineData("=", "5", "个", "5.0", "个", false)]
    [InlineData(">=", "90", "%", "90", "%", false)]
    [InlineData(">=", "90", "%", "89.99", "%", true)]
    [InlineData(">=", "90", "%", "95", "%", false)]
    [InlineData("<=", "3", "万元", "3", "万元", false)]
    [InlineData("<=", "3", "万元", "3.01", "万元", true)]
    [InlineData("<=", "3", "万元", "2", "万元", false)]
    [InlineData(">", "5", "个", "5", "个", true)]
    [InlineData(">", "5", "个", "5.01", "个", false)]
    [InlineData(">", "85", "%", "85", "%", true)]
    [InlineData(">", "80", "%", "85", "%", false)]
    [InlineData("<", "3", "天", "3", "天", true)]
    [InlineData("<", "3", "天", "2.99", "天", false)]
    [InlineData("<", "3", "天", "3.5", "天", true)]
    [InlineData(">=", "100", null, "99", null, true)]
    [InlineData("=", "7", "月", "7", "月", false)]
    public void EachOperatorAtAndAroundItsBoundary(string op, string goal, string? unit, string value, string? actualUnit, bool missed)
    {
        var target = new Measure(op + goal + unit, op, D(goal), unit, null);
        var actual = new Measure(value + actualUnit, null, D(value), actualUnit, null);
        Assert.Equal(missed, AuditChecks.TargetMissed(target, actual));
    }

    [Theory]
    [InlineData(">=", "90", "%", "85", "人")]
    [InlineData("<=", "3", "万元", "30000", "元")]
    [InlineData(">=", "90", "%", "85", null)]
    [InlineData("=", "39", null, "38", "人")]
    public void DifferentUnitsAreNotCompared(string op, string goal, string? unit, string value, string? actualUnit)
    {
        var target = new Measure(op + goal + unit, op, D(goal), unit, null);
        var actual = new Measure(value + actualUnit, null, D(value), actualUnit, null);
        Assert.False(AuditChecks.TargetMissed(target, actual));
    }

    [Fact]
    public void TextMeasuresAreNotCompared()
    {
        Assert.False(AuditChecks.TargetMissed(TestForms.Text("及时"), TestForms.Text("及时")));
        Assert.False(AuditChecks.TargetMissed(TestForms.Text("良好"), TestForms.Text("一般")));
        Assert.False(AuditChecks.TargetMissed(Numeric(">=90%", ">=", "90", "%"), TestForms.Text("良好")));
        Assert.False(AuditChecks.TargetMissed(TestForms.Text("全年"), Numeric("5个", null, "5", "个")));
    }

    [Fact]
    public void ATargetWithoutOperatorHasNothingToFail()
    {
        Assert.False(AuditChecks.TargetMissed(Numeric("100%", null, "100", "%"), Numeric("90%", null, "90", "%")));
    }

    [Fact]
    public void MissingMeasuresAreNotCompared()
    {
        Assert.False(AuditChecks.TargetMissed(null, Numeric("5个", null, "5", "个")));
        Assert.False(AuditChecks.TargetMissed(Numeric(">5个", ">", "5", "个"), null));
        Assert.False(AuditChecks.TargetMissed(null, null));
    }

    [Fact]
    public void AnActualWithAnOperatorIsComparedByItsValue()
    {
        Assert.False(AuditChecks.TargetMissed(Numeric("<=3万元", "<=", "3", "万元"), Numeric("<=3万元", "<=", "3", "万元")));
        Assert.True(AuditChecks.TargetMissed(Numeric("<=3万元", "<=", "3", "万元"), Numeric("<=5万元", "<=", "5", "万元")));
    }
}
