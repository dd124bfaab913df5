using Sprache;

namespace Extractor.Tests.Grammar;

/// <summary>Assertions on Sprache results: where a rule stopped and what it expected there.</summary>
internal static class ParseAssert
{
    /// <summary>Asserts that the rule read the whole input and returns the value.</summary>
    public static T Whole<T>(IResult<T> result)
    {
        Assert.True(result.WasSuccessful, $"expected success, got: {result}");
        Assert.True(result.Remainder.AtEnd, $"expected the whole input to be read, stopped at {result.Remainder.Position}");
        return result.Value;
    }

    /// <summary>Asserts that the rule succeeded and stopped at <paramref name="position"/>; returns the value.</summary>
    public static T StopsAt<T>(IResult<T> result, int position)
    {
        Assert.True(result.WasSuccessful, $"expected success, got: {result}");
        Assert.Equal(position, result.Remainder.Position);
        return result.Value;
    }

    /// <summary>Asserts that the rule failed at <paramref name="position"/>, expecting <paramref name="expectation"/> there.</summary>
    public static void FailsAt<T>(IResult<T> result, int position, string expectation)
    {
        FailsAt(result, position);
        Assert.Contains(expectation, result.Expectations);
    }

    /// <summary>Asserts that the rule failed at <paramref name="position"/>.</summary>
    public static void FailsAt<T>(IResult<T> result, int position)
    {
        Assert.False(result.WasSuccessful, $"expected failure at {position}, got a success stopping at {result.Remainder.Position}");
        Assert.Equal(position, result.Remainder.Position);
    }
}
