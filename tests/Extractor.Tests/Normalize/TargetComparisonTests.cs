using Extractor.Model;
using Extractor.Normalize;
using static Extractor.Tests.Normalize.TestForms;

namespace Extractor.Tests.Normalize;

/// <summary>Indicator.met: the operator applied in the same unit, equal text met, everything else null.</summary>
public class TargetComparisonTests
{
    [Theory]
    [InlineData("=", "39", "人", "39", "人", true)]
    [InlineData("=", "51", "个", "52", "个", false)]
    [InlineData(">=", "90", "%", "90", "%", true)]
    [InlineData(">=", "90", "%", "89.99", "%", false)]
    [InlineData("<=", "3", "万元", "3.01", "万元", false)]
    [InlineData(">", "5", "个", "5", "个", false)]
    [InlineData(">", "5", "个", "6", "个", true)]
    [InlineData("<", "3", "天", "2.99", "天", true)]
    [InlineData(null, "100", "%", "100.00", "%", true)]
    public void NumbersInTheSameUnitAreComparedByTheOperator(string? op, string goal, string unit, string value, string actualUnit, bool met)
    {
        var target = Numeric((op ?? string.Empty) + goal + unit, op, goal, unit);
        var actual = Numeric(value + actualUnit, null, value, actualUnit);
        Assert.Equal(met, TargetComparison.Met(target, actual));
    }

    [Fact]
    public void WhatCannotBeComparedIsNull()
    {
        Assert.Null(TargetComparison.Met(Numeric("100%", null, "100", "%"), Numeric("90%", null, "90", "%"))); // no direction printed
        Assert.Null(TargetComparison.Met(Numeric(">=90%", ">=", "90", "%"), Numeric("85人", null, "85", "人")));
        Assert.Null(TargetComparison.Met(Numeric(">=90%", ">=", "90", "%"), TestForms.Text("良好")));
        Assert.Null(TargetComparison.Met(TestForms.Text("良好"), TestForms.Text("一般")));
        Assert.Null(TargetComparison.Met(null, TestForms.Text("及时")));
        Assert.Null(TargetComparison.Met(TestForms.Text("及时"), null));
    }

    [Fact]
    public void TheSameTextIsMet()
    {
        Assert.True(TargetComparison.Met(TestForms.Text("及时"), TestForms.Text("及时")));
        Assert.True(TargetComparison.Met(new Measure("达成预期指标", null, null, null, "达成预期指标"), new Measure("达成预期指标", null, null, null, "达成预期指标")));
    }

    [Fact]
    public void AMissedTargetIsWhatTheCheckReports()
    {
        var target = Numeric(">5个", ">", "5", "个");
        var actual = Numeric("5个", null, "5", "个");
        Assert.False(TargetComparison.Met(target, actual));
        Assert.True(AuditChecks.TargetMissed(target, actual));
    }
}
