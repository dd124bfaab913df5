
using Extractor.Export;

namespace Extractor.Cli.Tests.Export;

public sealed class CsvColumnsTests
{
    /// <summary>The documented header (docs/csv.md); analysts' scripts read these names.</summary>
    internal static readonly List<string> ExpectedHeader =
    [
        "path", "sha256", "formIndex", "title", "year", "projectName", "supervisingDepartment", "implementingUnit",
        "indicatorIndex", "level1", "level2", "name",
        "target_raw", "target_operator", "target_value", "target_unit", "target_text",
        "actual_raw", "actual_operator", "actual_value", "actual_unit", "actual_text",
        "weight", "score", "deviationReason", "source_pages", "source_lines",
        "relPath", "met", "yearSource", "status",
    ];

    [Fact]
    public void TheHeaderIsTheDocumentedOne()
    {
        Assert.Equal(ExpectedHeader, CsvExporter.Columns);
        var doc = File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "docs", "csv.md"));
        foreach (var column in ExpectedHeader)
        {
            Assert.Contains($"`{column}`", doc, StringComparison.Ordinal);
        }
    }
}
