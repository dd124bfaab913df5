using System.Text.Json;

namespace Extractor.Cli.Tests;

/// <summary>
/// Workbooks and Word documents through the command line: the JSON's provenance as the contract's changes
/// show it, and a batch over a folder of Office files. The expected cells and rows were read from the
/// fixtures with openpyxl and python-docx, not with this reader.
/// </summary>
public sealed class OfficeInputTests
{
    private static string Office(string name) => Path.Combine(TestFiles.RepositoryRoot, "fixtures", "office", name);

    private static JsonElement Source(JsonElement form, string block, int row) =>
        (block == "funds" ? form.GetProperty("funds").GetProperty("rows") : form.GetProperty("indicators"))[row].GetProperty("source");

    [Fact]
    public void AWorkbookRowIsLocatedBySheetAndCellsAndAWordRowByTableAndRows()
    {
        using var t = new TempFolder();

        // Sheet1 of family-0000234.xlsx: B6 年度资金总额 with its values in D6:I6 (C6 blank); D13 the first
        // 三级指标 with its target, actual, weight and score in E13:H13; its 一级/二级 are merged ranges above.
        var book = CliProcess.Run(t.Path, "convert", Office("family-0000234.xlsx"));
        Assert.Equal(0, book.ExitCode);
        using (var json = JsonDocument.Parse(book.Stdout))
        {
            var form = json.RootElement.GetProperty("forms")[0];
            Assert.Equal("xlsx", json.RootElement.GetProperty("source").GetProperty("kind").GetString());
            Assert.Equal("""{"sheet":"Sheet1","cells":["B6","D6","E6","F6","G6","H6","I6"]}""", Compact(Source(form, "funds", 0)));
            Assert.Equal("""{"sheet":"Sheet1","cells":["D13","E13","F13","G13","H13"]}""", Compact(Source(form, "indicators", 0)));
            Assert.Equal("""{"sheet":"Sheet1","cells":["D59","E59","F59","G59","H59"]}""", Compact(Source(form, "indicators", form.GetProperty("indicators").GetArrayLength() - 1)));
        }

        // The one table of family-0000172.docx: row 4 年度资金总额, row 9 野生动物收容所 (rows 1-based).
        var document = CliProcess.Run(t.Path, "convert", Office("family-0000172.docx"));
        Assert.Equal(0, document.ExitCode);
        using (var json = JsonDocument.Parse(document.Stdout))
        {
            var form = json.RootElement.GetProperty("forms")[0];
            Assert.Equal("docx", json.RootElement.GetProperty("source").GetProperty("kind").GetString());
            Assert.Equal("""{"table":1,"rows":[4]}""", Compact(Source(form, "funds", 0)));
            Assert.Equal("野生动物收容所", form.GetProperty("indicators")[0].GetProperty("name").GetString());
            Assert.Equal("""{"table":1,"rows":[9]}""", Compact(Source(form, "indicators", 0)));
        }
    }

    [Fact]
    public void BatchConvertsTheWorkbooksAndWordDocumentsOfAFolderAndSaysHowToConvertALegacyWordFile()
    {
        using var t = new TempFolder();
        Directory.CreateDirectory(t["in/2023"]);
        foreach (var name in new[] { "family-0000234.xlsx", "family-0000234.xls", "family-0000172.docx", "legacy.doc" })
        {
            File.Copy(Office(name), t["in/2023/" + name]);
        }

        var run = CliProcess.Run(t.Path, "batch", "in", "-o", "out", "--jsonl", "all.jsonl");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("  converted     3", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("  skipped       1: doc 1", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Skipped in/2023/legacy.doc: a Word 97–2003 or WPS document by its name, which is not read; convert it to .docx first: `soffice --headless --convert-to docx legacy.doc`", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(
            ["2023/family-0000172.json:docx", "2023/family-0000234.xls.json:xls", "2023/family-0000234.xlsx.json:xlsx"],
            Directory.GetFiles(t["out"], "*.json", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(t["out"], f).Replace('\\', '/') + ":" + Kind(f))
                .Order(StringComparer.Ordinal));
        Assert.Equal(3, File.ReadAllLines(t["all.jsonl"]).Length);

        // The .xls Calc saved from the same workbook reads to the same rows in the same cells.
        using var xlsx = JsonDocument.Parse(File.ReadAllText(t["out/2023/family-0000234.xlsx.json"]));
        using var xls = JsonDocument.Parse(File.ReadAllText(t["out/2023/family-0000234.xls.json"]));
        Assert.Equal(Compact(xlsx.RootElement.GetProperty("forms")), Compact(xls.RootElement.GetProperty("forms")));
    }

    [Fact]
    public void ConvertRefusesALegacyWordDocumentWithTheCommandThatConvertsIt()
    {
        using var t = new TempFolder();
        File.Copy(Office("legacy.doc"), t["old report.doc"]);

        var run = CliProcess.Run(t.Path, "convert", "old report.doc");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var error = json.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal(("unsupported", "doc"), (error.GetProperty("code").GetString(), error.GetProperty("text").GetString()));
        Assert.Equal(
            "old report.doc: a Word 97–2003 document (.doc), which is not read; convert it to .docx first: `soffice --headless --convert-to docx 'old report.doc'`",
            error.GetProperty("message").GetString());
        Assert.Equal("doc", json.RootElement.GetProperty("source").GetProperty("kind").GetString());
        Assert.Contains("soffice --headless --convert-to docx", run.Stderr, StringComparison.Ordinal);
    }

    private static string Kind(string jsonFile)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(jsonFile));
        return json.RootElement.GetProperty("source").GetProperty("kind").GetString()!;
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);
}
