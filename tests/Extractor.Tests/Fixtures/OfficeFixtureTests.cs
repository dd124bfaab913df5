using System.Text.Json;
using System.Text.RegularExpressions;
using Extractor.Conversion;
using Extractor.Model;
using Extractor.Tests.Support;
using Extractor.Export;

namespace Extractor.Tests.Fixtures;

/// <summary>
/// The Office sources of rendered family documents (fixtures/office: the .xlsx Calc printed, the .docx Writer
/// printed, and a .xls converted from one .xlsx): each converts to the family generator's expected forms in
/// every contract field, every row located by sheet and cells or by table and rows.
/// </summary>
public sealed partial class OfficeFixtureTests
{
    private static readonly string[] Extensions = [".xlsx", ".xls", ".docx"];

    public static TheoryData<string> Inputs() => [.. Names()];

    private static IEnumerable<string> Names() =>
        Directory.GetFiles(Folder).Where(f => Extensions.Contains(Path.GetExtension(f))).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

    private static string Folder => RepoPaths.Combine("fixtures", "office");

    private static string ExpectedOf(string name) => Path.Combine(Folder, Path.GetFileNameWithoutExtension(name) + ".expected.json");

    [Fact]
    public void TheFixturesCoverWorkbooksOldAndNewAndWordDocumentsEachWithItsExpectedForms()
    {
        var names = Names().ToList();
        Assert.All(Extensions, e => Assert.Contains(names, n => n.EndsWith(e, StringComparison.Ordinal)));
        Assert.All(names, n => Assert.True(File.Exists(ExpectedOf(n)), n + " has no expected JSON"));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void ConvertsToItsExpectedFormsInEveryContractField(string name)
    {
        var document = DocumentConverter.ConvertFile(Path.Combine(Folder, name));
        using var actual = JsonDocument.Parse(DocumentJson.Serialize(document));
        using var expected = JsonDocument.Parse(File.ReadAllText(ExpectedOf(name)));

        var differences = JsonTree.Differences(actual.RootElement.GetProperty("forms"), expected.RootElement.GetProperty("forms"), subset: true, "/forms");
        Assert.True(differences.Count == 0, name + "\n" + string.Join('\n', differences.Take(40)));
        Assert.Equal(Path.GetExtension(name)[1..], document.Source.Kind);
        Assert.DoesNotContain(document.Diagnostics, d => d.Code is DiagnosticCodes.Unreadable or DiagnosticCodes.Damaged or DiagnosticCodes.Timeout or DiagnosticCodes.UnplacedText);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void EveryRowIsLocatedBySheetAndCellsOrByTableAndRows(string name)
    {
        var document = DocumentConverter.ConvertFile(Path.Combine(Folder, name));
        var sources = document.Forms.SelectMany(f => f.Funds.Rows.Select(r => r.Source).Concat(f.Indicators.Select(i => i.Source))).ToList();
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            Assert.Null(source.Pages);
            Assert.Null(source.Boxes);
            Assert.Null(source.Lines);
            if (name.EndsWith(".docx", StringComparison.Ordinal))
            {
                Assert.True(source.Table >= 1);
                Assert.NotEmpty(source.Rows!.Value);
                Assert.True(source.Rows.Value.SequenceEqual(source.Rows.Value.Order().Distinct()), "rows ascending, once each");
                Assert.Null(source.Sheet);
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(source.Sheet));
                Assert.NotEmpty(source.Cells!.Value);
                Assert.All(source.Cells.Value, c => Assert.Matches(CellReference(), c));
                Assert.Null(source.Table);
            }
        }
    }

    [Fact]
    public void ALegacyWordDocumentIsRefusedWithTheCommandThatConvertsIt()
    {
        var document = DocumentConverter.ConvertFile(Path.Combine(Folder, "legacy.doc"));

        var error = Assert.Single(document.Diagnostics);
        Assert.Equal((DiagnosticCodes.Unsupported, Severity.Error), (error.Code, error.Severity));
        Assert.Contains("a Word 97–2003 document (.doc)", error.Message, StringComparison.Ordinal);
        Assert.Contains("soffice --headless --convert-to docx legacy.doc", error.Message, StringComparison.Ordinal);
        Assert.Empty(document.Forms);
    }

    /// <summary>
    /// Two forms one after another on one sheet (Calc) and in two tables of one document (Writer): both are read,
    /// every contract field as expected, the titles without their year note.
    /// </summary>
    [Theory]
    [InlineData("family-0000110.xlsx")]
    [InlineData("family-0000120.docx")]
    public void SeveralFormsOnOneSheetOrInOneDocumentAreEachRead(string name)
    {
        var folder = Path.Combine(Folder, "several-forms");
        var document = DocumentConverter.ConvertFile(Path.Combine(folder, name));
        using var actual = JsonDocument.Parse(DocumentJson.Serialize(document));
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, Path.GetFileNameWithoutExtension(name) + ".expected.json")));
        var expectedForms = expected.RootElement.GetProperty("forms");

        var differences = JsonTree.Differences(actual.RootElement.GetProperty("forms"), expectedForms, subset: true, "/forms");
        Assert.True(differences.Count == 0, name + "\n" + string.Join('\n', differences.Take(40)));
        Assert.True(expectedForms.GetArrayLength() >= 2);
    }

    [GeneratedRegex("^[A-Z]{1,3}[1-9][0-9]*$")]
    private static partial Regex CellReference();

}
