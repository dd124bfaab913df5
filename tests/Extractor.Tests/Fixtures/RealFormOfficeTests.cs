using System.Diagnostics;
using System.Text.Json;
using Extractor.Conversion;
using Extractor.Export;
using Extractor.Model;
using Extractor.Tests.Support;

namespace Extractor.Tests.Fixtures;

/// <summary>
/// Every real form of the corpus (fixtures/real/forms) as the family generator writes it into an .xlsx and a
/// .docx, with its 一级/二级 labels merged down or printed on every row (fixtures/family/office_forms.py):
/// each file converts to the contract JSON that fixtures/family/contract.py derives from the corpus data,
/// in every contract field, with no other fields (`extra`) and every row located in the file.
/// </summary>
public sealed class RealFormOfficeTests : IClassFixture<RealFormOfficeTests.Generated>
{
    private static readonly string[] Renderings = ["merged.xlsx", "merged.docx", "repeat.xlsx", "repeat.docx"];

    private readonly Generated generated;

    public RealFormOfficeTests(Generated generated) => this.generated = generated;

    public static TheoryData<string> Files() =>
        [.. Directory.GetFiles(RepoPaths.Combine("fixtures", "real", "forms"), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)
            .SelectMany(id => Renderings.Select(r => $"{id}.{r}"))];

    [Theory]
    [MemberData(nameof(Files))]
    public void ConvertsExactlyToTheContractOfItsCorpusForm(string name)
    {
        var path = Path.Combine(generated.Folder, name);
        Assert.True(File.Exists(path), $"office_forms.py wrote no {name}: its corpus form cannot be rendered");
        var document = DocumentConverter.ConvertFile(path);
        using var actual = JsonDocument.Parse(DocumentJson.Serialize(document));
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(generated.Folder, name.Split('.')[0] + ".expected.json")));
        var expectedForms = expected.RootElement.GetProperty("forms");

        var differences = JsonTree.Differences(actual.RootElement.GetProperty("forms"), expectedForms, subset: true, "/forms");
        differences.AddRange(UnexpectedExtra(actual.RootElement.GetProperty("forms"), expectedForms));
        Assert.True(differences.Count == 0, name + "\n" + string.Join('\n', differences.Take(40)));
        Assert.Equal(name[^4..], document.Source.Kind);

        // Head lines the contract has no field for (填报日期, 项目类别) are reported as unplaced text, as from any input.
        Assert.DoesNotContain(document.Diagnostics, d => d.Severity == Severity.Error || d.Code is DiagnosticCodes.Damaged or DiagnosticCodes.Unreadable);

        var sources = document.Forms.SelectMany(f => f.Funds.Rows.Select(r => r.Source).Concat(f.Indicators.Select(i => i.Source))).ToList();
        Assert.All(sources, s => Assert.True(name.EndsWith("xlsx", StringComparison.Ordinal)
            ? s.Sheet is not null && s.Cells is { IsEmpty: false } && s.Table is null
            : s.Table >= 1 && s.Rows is { IsEmpty: false } && s.Sheet is null));
    }

    /// <summary>Columns read into `extra` where the corpus form has none (the subset comparison does not see them).</summary>
    private static IEnumerable<string> UnexpectedExtra(JsonElement actualForms, JsonElement expectedForms)
    {
        var forms = Math.Min(actualForms.GetArrayLength(), expectedForms.GetArrayLength());
        for (var f = 0; f < forms; f++)
        {
            foreach (var (block, rows) in new[] { ("funds", "rows"), ("indicators", null) })
            {
                var actual = rows is null ? actualForms[f].GetProperty(block) : actualForms[f].GetProperty(block).GetProperty(rows);
                var expected = rows is null ? expectedForms[f].GetProperty(block) : expectedForms[f].GetProperty(block).GetProperty(rows);
                for (var i = 0; i < Math.Min(actual.GetArrayLength(), expected.GetArrayLength()); i++)
                {
                    if (!expected[i].TryGetProperty("extra", out _) && actual[i].TryGetProperty("extra", out var extra)
                        && extra.ValueKind == JsonValueKind.Object && extra.EnumerateObject().Any())
                    {
                        yield return $"/forms/{f}/{block}/{i}/extra: {extra.GetRawText()} not expected";
                    }
                }
            }
        }
    }

    /// <summary>
    /// The Office files, written once for the class by the generator with Debian's Python (python3-openpyxl,
    /// python3-docx; scripts/test.sh installs them). Without them the tests fail saying so.
    /// </summary>
    public sealed class Generated : IDisposable
    {
        public Generated()
        {
            Folder = Path.Combine(Path.GetTempPath(), "extractor-real-office-" + Guid.NewGuid().ToString("N"));
            var start = new ProcessStartInfo("/usr/bin/python3")
            {
                WorkingDirectory = RepoPaths.Combine("fixtures", "family"),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add("office_forms.py");
            start.ArgumentList.Add("--out");
            start.ArgumentList.Add(Folder);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("/usr/bin/python3 did not start");
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)) || process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    "fixtures/family/office_forms.py failed (it needs Debian's python3-openpyxl and python3-docx):\n" + stderr.Result);
            }
        }

        public string Folder { get; }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
