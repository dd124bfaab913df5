using System.Text.Json;
using Extractor.Conversion;
using Extractor.Tests.Support;
using Extractor.Export;

namespace Extractor.Tests.Conversion;

/// <summary>
/// Whole documents against hand-written approved files (<c>Approved/NAME.verified.json</c>): every field,
/// including checks, provenance and diagnostics. On a mismatch the actual output is written beside it as
/// <c>NAME.received.json</c> for review; received files are never committed.
/// </summary>
public sealed class ApprovedDocumentTests
{
    [Theory]
    [InlineData("form-shapes")]
    [InlineData("checks")]
    [InlineData("truncated")]
    [InlineData("no-form")]
    public void DocumentMatchesItsApprovedFile(string name)
    {
        var relative = $"tests/Extractor.Tests/Approved/{name}.txt";
        var bytes = File.ReadAllBytes(RepoPaths.Combine("tests", "Extractor.Tests", "Approved", name + ".txt"));
        var document = DocumentConverter.Convert(relative, bytes);
        var json = DocumentJson.Serialize(document);

        var verifiedPath = RepoPaths.Combine("tests", "Extractor.Tests", "Approved", name + ".verified.json");
        var receivedPath = RepoPaths.Combine("tests", "Extractor.Tests", "Approved", name + ".received.json");
        using var actual = JsonDocument.Parse(json);
        using var verified = JsonDocument.Parse(File.ReadAllText(verifiedPath));
        var differences = JsonTree.Differences(actual.RootElement, verified.RootElement, subset: false);
        if (differences.Count > 0)
        {
            File.WriteAllText(receivedPath, json);
        }
        else if (File.Exists(receivedPath))
        {
            File.Delete(receivedPath);
        }

        Assert.True(differences.Count == 0, $"{name}: see {receivedPath}\n" + string.Join('\n', differences));
    }
}
