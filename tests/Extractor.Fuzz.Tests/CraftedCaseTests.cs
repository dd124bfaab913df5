using Extractor.Model;

namespace Extractor.Fuzz.Tests;

/// <summary>
/// Every crafted hostile input converts within its limits and reports what it must: the problem named by
/// its diagnostic, and for problems the reader survives, the text of the page still read.
/// </summary>
public sealed class CraftedCaseTests
{
    public static TheoryData<string> Names() => [.. CraftedCases.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void ReportsItsDiagnosticAndNothingFails(string name)
    {
        var fuzzCase = CraftedCases.Get(name).ToCase();
        using var runner = new CaseRunner(FuzzSample.Limits);
        var result = runner.Run(fuzzCase);
        Assert.False(result.Class.IsFailure(), $"{result.Class.Name()}: {result.Detail}");
    }

    [Fact]
    public void EachCraftedCaseNamesWhatItExpects()
    {
        Assert.All(CraftedCases.All, c =>
        {
            Assert.NotEmpty(c.Expected);
            Assert.All(c.Expected, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));
        });
        Assert.Equal(CraftedCases.All.Count, CraftedCases.All.Select(c => c.Name).Distinct().Count());
    }

    [Fact]
    public void AMissingDiagnosticIsAMismatch()
    {
        // The classifier itself: a case whose expected diagnostic does not come is a failure.
        var fuzzCase = new FuzzCase("crafted/check", "check.pdf", PdfWriter.OnePage("BT /F1 10 Tf 72 700 Td (Text) Tj ET"), "a plain page",
            [new ExpectedOutcome(DiagnosticCodes.Unreadable, Severity.Warning, "no such problem")]);
        using var runner = new CaseRunner(FuzzSample.Limits);
        Assert.Equal(CaseClass.Mismatch, runner.Run(fuzzCase).Class);
    }

    [Fact]
    public void ADocumentWithoutFormsOrErrorIsASilentFailure()
    {
        // An input the converter would turn into nothing without saying so: classified as a failure. The
        // converter always reports no-form, so the check is made on a document built here.
        var document = new Document(Document.CurrentSchemaVersion, new SourceInfo("x.pdf", string.Empty, SourceKinds.Pdf, 1), [], []);
        Assert.Equal(CaseClass.SilentFailure, CaseRunner.Classify(document, "x.pdf"));
        var vague = document with { Diagnostics = [new Diagnostic(DiagnosticCodes.Unreadable, Severity.Error, "x.pdf: ", null, null, null)] };
        Assert.Equal(CaseClass.SilentFailure, CaseRunner.Classify(vague, "x.pdf"));
        var clear = document with { Diagnostics = [new Diagnostic(DiagnosticCodes.Unreadable, Severity.Error, "x.pdf: the file is empty", null, null, null)] };
        Assert.Equal(CaseClass.ErrorWithReason, CaseRunner.Classify(clear, "x.pdf"));
    }
}
