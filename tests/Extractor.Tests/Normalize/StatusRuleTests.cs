using Extractor.Model;
using static Extractor.Tests.Normalize.TestForms;

namespace Extractor.Tests.Normalize;

/// <summary>Document.Status and StatusReasons: failed without forms, review for warnings, errors and error checks, ok otherwise.</summary>
public class StatusRuleTests
{
    private static readonly SourceInfo Source = new("x.pdf", "00", SourceKinds.Pdf, 1);

    private static Diagnostic D(string code, Severity severity) => new(code, severity, "x.pdf: …", 1, null, null);

    private static Form CleanForm => Form([FullFunds], [Indicator(90m, 90m)], new Total(100m, 100m));

    [Fact]
    public void AFormWithNothingDoubtfulIsOk()
    {
        var document = new Document(1, Source, [CleanForm], [D(DiagnosticCodes.OcrRepair, Severity.Info)]);
        Assert.Equal(DocumentStatus.Ok, document.Status);
        Assert.Empty(document.StatusReasons);
    }

    [Fact]
    public void WarningsErrorsAndErrorChecksMakeReviewAndAreCounted()
    {
        var checks = CleanForm with
        {
            Checks =
            [
                new Check(CheckCodes.ScoreSumMismatch, Severity.Error, "…", "/total/score", 100m, 96m),
                new Check(CheckCodes.TotalScoreMissing, Severity.Warning, "…", "/total/score", 100m, null),
            ],
        };
        var document = new Document(1, Source, [checks, CleanForm], [D(DiagnosticCodes.Damaged, Severity.Warning), D(DiagnosticCodes.Damaged, Severity.Warning), D(DiagnosticCodes.FormIncomplete, Severity.Error)]);

        Assert.Equal(DocumentStatus.Review, document.Status);
        Assert.Equal(
            new Dictionary<string, int> { ["damaged"] = 2, ["form-incomplete"] = 1, ["score-sum-mismatch"] = 1 },
            document.StatusReasons.ToDictionary());
    }

    [Fact]
    public void NoFormIsFailedWhateverElseAndACopyWithoutFormsIsFailedToo()
    {
        var failed = Document.Failed(Source, D(DiagnosticCodes.NoForm, Severity.Error), [D(DiagnosticCodes.UnplacedText, Severity.Warning)]);
        Assert.Equal(DocumentStatus.Failed, failed.Status);
        Assert.Equal(new Dictionary<string, int> { ["no-form"] = 1, ["unplaced-text"] = 1 }, failed.StatusReasons.ToDictionary());

        var ok = new Document(1, Source, [CleanForm], []);
        Assert.Equal(DocumentStatus.Failed, (ok with { Forms = [] }).Status);
    }

    [Fact]
    public void TheStatusIsWrittenAndReadBackTheSame()
    {
        var document = new Document(1, Source, [CleanForm], [D(DiagnosticCodes.UnplacedText, Severity.Warning)]);
        var json = Extractor.Export.DocumentJson.Serialize(document);

        Assert.Contains("\"status\": \"review\"", json, StringComparison.Ordinal);
        Assert.Contains("\"unplaced-text\": 1", json, StringComparison.Ordinal);
        Assert.Equal(DocumentStatus.Review, Extractor.Export.DocumentJson.Deserialize(json)!.Status);
    }
}
