using System.Text.Json;
using System.Text.RegularExpressions;
using Extractor.Conversion;
using Extractor.Model;
using Extractor.Tests.Support;
using Extractor.Export;

namespace Extractor.Tests.Fixtures;

/// <summary>
/// The form PDFs in fixtures/forms (the seed's forms and a long form, rendered by Chromium and LibreOffice
/// with different fonts and sizes, ruled and borderless): each converts to its expected JSON in every
/// contract field, rows cut by a page break list both pages, and the row text keeps every character.
/// </summary>
public sealed partial class FormFixtureTests
{
    public static TheoryData<string> Pdfs()
    {
        var data = new TheoryData<string>();
        foreach (var pdf in Directory.GetFiles(RepoPaths.Combine("fixtures", "forms", "pdf"), "*.pdf").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(pdf));
        }

        return data;
    }

    private static string PdfPath(string name) => RepoPaths.Combine("fixtures", "forms", "pdf", name);

    [Theory]
    [MemberData(nameof(Pdfs))]
    public void ConvertsToItsExpectedFormsInEveryContractField(string name)
    {
        var document = DocumentConverter.ConvertFile(PdfPath(name));
        using var actual = JsonDocument.Parse(DocumentJson.Serialize(document));
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(PdfPath(name), ".expected.json")));

        var differences = JsonTree.Differences(actual.RootElement.GetProperty("forms"), expected.RootElement.GetProperty("forms"), subset: true, "/forms");
        Assert.True(differences.Count == 0, name + "\n" + string.Join('\n', differences.Take(40)));
        Assert.Equal(SourceKinds.Pdf, document.Source.Kind);
        Assert.Empty(document.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(Pdfs))]
    public void EveryRowCarriesPagesAndBoxesAndARowCutByAPageBreakListsBoth(string name)
    {
        var document = DocumentConverter.ConvertFile(PdfPath(name));
        foreach (var indicator in document.Forms.SelectMany(f => f.Indicators))
        {
            Assert.Null(indicator.Source.Lines);
            Assert.NotEmpty(indicator.Source.Pages!.Value);
            Assert.Equal(indicator.Source.Pages!.Value.ToArray(), indicator.Source.Boxes!.Value.Select(b => b.Page).ToArray());
            Assert.All(indicator.Source.Boxes!.Value, b => Assert.True(b.X0 < b.X1 && b.Y0 < b.Y1, $"{indicator.Name}: empty box"));
        }

        // The manifest says which rows a page break cuts ("p5/p6: form2 indicator 16 name split").
        var manifest = File.ReadAllLines(RepoPaths.Combine("fixtures", "forms", "manifest.tsv"));
        var entry = manifest.Single(l => l.StartsWith("pdf/" + name + "\t", StringComparison.Ordinal));
        var splits = SplitRow().Matches(entry);
        foreach (Match split in splits)
        {
            var (from, to) = (int.Parse(split.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(split.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
            var form = document.Forms[int.Parse(split.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) - 1];
            var indicator = form.Indicators[int.Parse(split.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture) - 1];
            Assert.Equal([from, to], indicator.Source.Pages!.Value.ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Pdfs))]
    public void RowTextShowsEveryCharacterPopplerFindsOnEachPage(string name)
    {
        var result = RowTextExtractor.ExtractFile(PdfPath(name));
        Assert.Null(result.Error);
        for (var page = 1; page <= result.Source.Pages; page++)
        {
            var ours = Poppler.Characters(string.Concat(result.Rows!.Lines.Where(l => l.Page == page).SelectMany(l => l.Cells).Select(c => c.Text)));
            var poppler = Poppler.Characters(Poppler.PageText(PdfPath(name), page));
            var missing = poppler.Where(p => ours.GetValueOrDefault(p.Key) < p.Value).Select(p => $"{p.Key}×{p.Value - ours.GetValueOrDefault(p.Key)}").ToList();
            var extra = ours.Where(o => poppler.GetValueOrDefault(o.Key) < o.Value).Select(o => $"{o.Key}×{o.Value - poppler.GetValueOrDefault(o.Key)}").ToList();
            Assert.True(missing.Count == 0 && extra.Count == 0, $"{name} page {page}: missing [{string.Join(' ', missing)}] extra [{string.Join(' ', extra)}]");
        }
    }

    [GeneratedRegex(@"p(\d+)/p(\d+): form(\d+) indicator (\d+) [a-z+]+ split")]
    private static partial Regex SplitRow();
}
