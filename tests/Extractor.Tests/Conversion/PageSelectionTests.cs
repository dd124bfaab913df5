namespace Extractor.Tests.Conversion;

/// <summary>--pages: pages and ranges from 1, open at the end; anything else is refused with the reason.</summary>
public class PageSelectionTests
{
    [Theory]
    [InlineData("1-3,7", new[] { 1, 2, 3, 7 })]
    [InlineData("2", new[] { 2 })]
    [InlineData(" 4 - 5 , 1 ", new[] { 1, 4, 5 })]
    [InlineData("9-", new[] { 9, 10, 11, 12 })]
    public void SelectsThePagesWritten(string text, int[] pages)
    {
        var selection = PageSelection.TryParse(text, out var error);

        Assert.Null(error);
        Assert.Equal(pages, Enumerable.Range(1, 12).Where(selection!.Contains));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3-1")]
    [InlineData("1,,2")]
    [InlineData("a-b")]
    [InlineData("-3")]
    [InlineData("")]
    public void RefusesWhatIsNotAPageList(string text)
    {
        Assert.Null(PageSelection.TryParse(text, out var error));
        Assert.Contains(text, error, StringComparison.Ordinal);
    }
}
