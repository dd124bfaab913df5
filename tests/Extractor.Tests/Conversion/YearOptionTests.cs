using System.Text.RegularExpressions;
using Extractor.Conversion;
using Extractor.Model;
using Extractor.Tests.Support;

namespace Extractor.Tests.Conversion;

/// <summary>The year of forms that print none, from the path pattern or the option, and where each year came from.</summary>
public class YearOptionTests
{
    private static readonly byte[] SeedWithoutYear = System.Text.Encoding.UTF8.GetBytes(string.Join('\n', File.ReadLines(RepoPaths.Combine("fixtures", "seed", "003_e18d18ffef0fbf31.txt")).Where(l => !l.StartsWith("(2023 年度)", StringComparison.Ordinal))));

    [Fact]
    public void APrintedYearIsKeptWithItsSource()
    {
        var seed = DocumentConverter.ConvertFile(RepoPaths.Combine("fixtures", "seed", "003_e18d18ffef0fbf31.txt"), ExtractorOptions.Default with { Year = 1999 });
        Assert.All(seed.Forms, f => Assert.Equal((2023, YearSources.YearLine), (f.Year, f.YearSource)));
    }

    [Theory]
    [InlineData(@"archive/(20\d\d)/", "archive/2021/x.txt", 2021, "path")]
    [InlineData(@"(?<year>20\d\d)年", "archive/2020年/x.txt", 2020, "path")]
    [InlineData(@"20\d\d", "reports-2019.txt", 2019, "path")]
    [InlineData(@"/(20\d\d)/", "other/x.txt", 2018, "option")]
    public void APathPatternComesBeforeTheOption(string pattern, string path, int year, string source)
    {
        var options = ExtractorOptions.Default with { YearFromPath = new Regex(pattern), Year = 2018 };
        var document = DocumentConverter.Convert(path, SeedWithoutYear, options);

        Assert.Equal(3, document.Forms.Length);
        Assert.All(document.Forms, f => Assert.Equal((year, source), (f.Year, f.YearSource)));
    }

    [Fact]
    public void WithoutOptionsAFormWithoutAYearHasNone()
    {
        var document = DocumentConverter.Convert("archive/2021/x.txt", SeedWithoutYear);
        Assert.All(document.Forms, f => Assert.Equal((null, null), (f.Year, f.YearSource)));
    }
}
