using System.Text.Json;
using Extractor.Conversion;
using Extractor.Model;
using Extractor.Tests.Support;
using Extractor.Export;

namespace Extractor.Tests.Conversion;

/// <summary>The first real document: its three forms must equal the contract's expected file in every field.</summary>
public sealed class SeedDocumentTests
{
    private static readonly Lazy<Document> Seed = new(() => DocumentConverter.ConvertFile(RepoPaths.SeedText));

    [Fact]
    public void FormsEqualTheExpectedFileFieldByField()
    {
        using var actual = JsonDocument.Parse(DocumentJson.Serialize(Seed.Value));
        using var expected = JsonDocument.Parse(File.ReadAllText(RepoPaths.SeedExpected));

        // Every field the expected file lists must be equal; checks and source are extra and may be present.
        var differences = JsonTree.Differences(
            actual.RootElement.GetProperty("forms"),
            expected.RootElement.GetProperty("forms"),
            subset: true,
            "/forms");
        Assert.True(differences.Count == 0, string.Join('\n', differences));
        Assert.Equal(expected.RootElement.GetProperty("schemaVersion").GetInt32(), actual.RootElement.GetProperty("schemaVersion").GetInt32());
    }

    [Fact]
    public void OnlyTheChecksTheContractNamesFire()
    {
        var checks = Seed.Value.Forms
            .SelectMany((form, index) => form.Checks.Select(check => (Form: index + 1, check.Code, check.Path, check.Expected, check.Found)))
            .ToList();

        Assert.Equal(
            [
                (2, CheckCodes.TotalScoreMissing, "/total/score", (decimal?)100m, (decimal?)null),
                (3, CheckCodes.TargetNotMetFullScore, "/indicators/4", 5m, 5m),
                (3, CheckCodes.TargetNotMetFullScore, "/indicators/7", 85m, 85m),
                (3, CheckCodes.TargetNotMetFullScore, "/indicators/30", 10m, 10m),
            ],
            checks);

        var third = Seed.Value.Forms[2];
        Assert.Equal(">5个", third.Indicators[4].Target!.Raw);
        Assert.Equal("5个", third.Indicators[4].Actual!.Raw);
        Assert.Equal(">85%", third.Indicators[7].Target!.Raw);
        Assert.Equal(">10人", third.Indicators[30].Target!.Raw);
        Assert.All(Seed.Value.Forms.SelectMany(f => f.Checks), c => Assert.NotEqual(Severity.Error, c.Severity));
    }

    [Fact]
    public void EveryCellIsPlacedSoThereAreNoDiagnostics()
    {
        Assert.Empty(Seed.Value.Diagnostics);
        Assert.False(Seed.Value.HasErrors);
    }

    [Fact]
    public void SourceDescribesTheTextInput()
    {
        var document = Seed.Value;
        Assert.Equal(SourceKinds.Text, document.Source.Kind);
        Assert.Equal(64, document.Source.Sha256.Length);

        // Nine blank lines between rows: ten pages.
        Assert.Equal(10, document.Source.Pages);
        Assert.Equal([1, 2, 3], document.Forms[0].Source.Pages.ToArray());
        Assert.Equal([4, 5, 6], document.Forms[1].Source.Pages.ToArray());
        Assert.Equal([7, 8, 9, 10], document.Forms[2].Source.Pages.ToArray());
    }

    [Fact]
    public void RowsCarryTheirLinesAndARowSplitByAPageBreakListsBoth()
    {
        var third = Seed.Value.Forms[2];
        var split = third.Indicators[5];
        Assert.Equal("杨行镇“两新”党建工作和“两新”党员教育管理工作的考核达标率", split.Name);
        Assert.Equal([93, 95], split.Source.Lines!.Value.ToArray());
        Assert.Null(split.Source.Pages);
        Assert.Null(split.Source.Boxes);

        Assert.Equal([8], Seed.Value.Forms[0].Funds.Rows[0].Source.Lines!.Value.ToArray());
        Assert.Equal([15], Seed.Value.Forms[0].Indicators[0].Source.Lines!.Value.ToArray());
        Assert.Equal([122], third.Indicators[^1].Source.Lines!.Value.ToArray());
    }
}
