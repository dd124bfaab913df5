using System.Text.Json;
using Extractor.Cli.Tests.Support;

namespace Extractor.Cli.Tests.Review;

/// <summary>
/// A born-digital fixture PDF (the seed's three forms on eight pages, LibreOffice), its document JSON from
/// <c>extractor convert</c> and its review page from <c>extractor review</c>, made once for a test class.
/// </summary>
public sealed class ReviewedPdf : IDisposable
{
    public ReviewedPdf()
    {
        Folder = Directory.CreateTempSubdirectory("extractor-review-").FullName;
        Pdf = Path.Combine(ExtractorProcess.RepoRoot, "fixtures", "forms", "pdf", "seed-libreoffice-wqy-zenhei-a4.pdf");
        var convert = ExtractorProcess.Run("convert", Pdf);
        Assert.True(convert.ExitCode == 0, convert.Stderr);
        Json = JsonDocument.Parse(convert.Stdout);
        Page = Path.Combine(Folder, "review.html");
        Run = ExtractorProcess.Run("review", Pdf, "-o", Page);
        Assert.True(Run.ExitCode == 0, Run.Stderr);
        Html = File.ReadAllText(Page);
    }

    public string Folder { get; }

    public string Pdf { get; }

    public JsonDocument Json { get; }

    public string Page { get; }

    public ExtractorProcess.Outcome Run { get; }

    public string Html { get; }

    /// <summary>The JSON paths of the document's indicators (<c>forms[0].indicators[3]</c>).</summary>
    public IReadOnlyList<string> IndicatorPaths => Paths(Json, "indicators");

    /// <summary>The JSON paths of the document's fund rows (<c>forms[0].funds.rows[1]</c>).</summary>
    public IReadOnlyList<string> FundRowPaths => Paths(Json, "funds");

    public static IReadOnlyList<string> Paths(JsonDocument json, string what)
    {
        var paths = new List<string>();
        var forms = json.RootElement.GetProperty("forms");
        for (var f = 0; f < forms.GetArrayLength(); f++)
        {
            var rows = what == "funds" ? forms[f].GetProperty("funds").GetProperty("rows") : forms[f].GetProperty("indicators");
            for (var i = 0; i < rows.GetArrayLength(); i++)
            {
                paths.Add(what == "funds" ? $"forms[{f}].funds.rows[{i}]" : $"forms[{f}].indicators[{i}]");
            }
        }

        return paths;
    }

    public void Dispose()
    {
        Json.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
