namespace Extractor.Tests.Architecture;

/// <summary>The library's surface is the entry point, its options, the output model and the exporters; everything else is internal.</summary>
public class PublicSurfaceTests
{
    private static readonly string[] Expected =
    [
        "Extractor.ExtractorOptions", "Extractor.FormExtractor", "Extractor.PageSelection", "Extractor.RowTextReading",
        "Extractor.Export.CsvExporter", "Extractor.Export.DocumentJson", "Extractor.Export.ExportFailure", "Extractor.Export.ExportItem",
        "Extractor.Export.IDocumentExporter", "Extractor.Export.JsonlExporter", "Extractor.Export.SqliteExporter",
        "Extractor.Model.Check", "Extractor.Model.CheckCodes", "Extractor.Model.Diagnostic", "Extractor.Model.DiagnosticCodes",
        "Extractor.Model.Document", "Extractor.Model.DocumentStatus", "Extractor.Model.Form", "Extractor.Model.FormSource", "Extractor.Model.FundRow",
        "Extractor.Model.FundRowKeys", "Extractor.Model.Funds", "Extractor.Model.Goals", "Extractor.Model.Indicator",
        "Extractor.Model.Measure", "Extractor.Model.PageBox", "Extractor.Model.RowSource", "Extractor.Model.Severity",
        "Extractor.Model.SourceInfo", "Extractor.Model.SourceKinds", "Extractor.Model.Total", "Extractor.Model.YearSources",
        "Extractor.Sources.Ocr.OcrMode",
    ];

    [Fact]
    public void OnlyTheEntryPointItsOptionsTheModelAndTheExportersArePublic()
    {
        var exported = typeof(FormExtractor).Assembly.GetExportedTypes().Select(t => t.FullName!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Expected.Order(StringComparer.Ordinal), exported);
        Assert.True(exported.Count <= 45);
    }
}
