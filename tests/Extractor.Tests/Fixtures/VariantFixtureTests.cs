using System.Text.Json;
using Extractor.Conversion;
using Extractor.Tests.Support;
using Extractor.Export;

namespace Extractor.Tests.Fixtures;

/// <summary>
/// The layout variants of the form family (fixtures/variants): 分值 before the target, the target split over
/// 指标性质/指标值/度量单位, funds headers with (A)/(B)/(B/A) marks, other goals headers, points notes, totals
/// named 合计, other titles, totals over the indicators only. Each converts, as PDF and as row text, to its
/// expected forms, with exactly the checks the fixture's README lists.
/// </summary>
public sealed class VariantFixtureTests
{
    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var expected in Directory.GetFiles(RepoPaths.Combine("fixtures", "variants"), "*.expected.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(expected)[..^".expected.json".Length];
            data.Add(name, ".pdf");
            data.Add(name, ".txt");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void ConvertsToItsExpectedFormsInEveryContractField(string name, string extension)
    {
        var document = DocumentConverter.ConvertFile(RepoPaths.Combine("fixtures", "variants", name + extension));
        using var actual = JsonDocument.Parse(DocumentJson.Serialize(document));
        using var expected = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("fixtures", "variants", name + ".expected.json")));

        var differences = JsonTree.Differences(actual.RootElement.GetProperty("forms"), expected.RootElement.GetProperty("forms"), subset: true, "/forms");
        Assert.True(differences.Count == 0, name + extension + "\n" + string.Join('\n', differences.Take(40)));
        Assert.Empty(document.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void FiresExactlyTheChecksItsArithmeticCallsFor(string name, string extension)
    {
        var document = DocumentConverter.ConvertFile(RepoPaths.Combine("fixtures", "variants", name + extension));
        var checks = document.Forms.SelectMany((f, i) => f.Checks.Select(c => $"{i}:{c.Code}@{c.Path}")).ToArray();

        string[] expected = name switch
        {
            "points-notes" => ["0:target-not-met-full-score@/indicators/10", "0:deviation-reason-missing@/indicators/11/deviationReason"],
            "indicators-total" => ["0:total-covers-indicators-only@/total"],
            _ => [],
        };
        Assert.Equal(expected, checks);
    }
}
