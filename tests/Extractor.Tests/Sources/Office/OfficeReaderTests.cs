using Extractor.Conversion;
using Extractor.Model;
using Extractor.Sources.Office;
using static Extractor.Tests.Support.OfficeFiles;

namespace Extractor.Tests.Sources.Office;

/// <summary>What an Office file is decides how it is read; containers over a limit, damaged or foreign are refused with the reason.</summary>
public sealed class OfficeReaderTests
{
    private static OfficeReading Read(string name, byte[] bytes, OfficeLimits? limits = null) =>
        OfficeReader.Read(name, bytes, limits ?? OfficeLimits.Default, TimeSpan.FromSeconds(30), default);

    private static byte[] OneCellBook(string text) => Xlsx(("Sheet1", Sheet([Row(1, Cell("A1", text))]), false));

    private static byte[] LegacyWord() => File.ReadAllBytes(Extractor.Tests.Support.RepoPaths.Combine("fixtures", "office", "legacy.doc"));

    [Fact]
    public void TheContentNotTheNameSaysWhatTheFileIs()
    {
        // A workbook named .docx is read as a workbook, a Word document named .bin as a Word document.
        Assert.Equal(SourceKinds.Xlsx, Read("misnamed.docx", OneCellBook("表")).Kind);
        var word = RowTextExtractor.Extract("document.bin", Docx(P(R("段落"))));
        Assert.Equal((SourceKinds.Docx, "段落\n"), (word.Source.Kind, word.Rows!.ToTabText()));
    }

    [Fact]
    public void APartThatInflatesBeyondItsLimitStopsTheFile()
    {
        var reading = Read("bomb.xlsx", OneCellBook(new string('x', 5000)), OfficeLimits.Default with { MaxPartBytes = 4096 });

        Assert.Null(reading.Grid);
        Assert.Equal(DiagnosticCodes.Unreadable, reading.Code);
        Assert.Equal("part xl/worksheets/sheet1.xml inflates to more than 4096 bytes, the limit for one part", reading.Reason);
    }

    [Fact]
    public void AllPartsTogetherAreBoundedToo()
    {
        var reading = Read("big.xlsx", OneCellBook(new string('x', 3000)), OfficeLimits.Default with { MaxDecompressedBytes = 4000 });

        Assert.Contains("the parts inflate to more than 4000 bytes in all", reading.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyPartsOrAPartNamedTwiceStopTheFile()
    {
        var parts = Enumerable.Range(0, 12).ToDictionary(i => $"p{i}.xml", _ => "<x/>");
        Assert.Contains("holds 12 parts, more than the limit of 10", Read("many.xlsx", Zip(parts), OfficeLimits.Default with { MaxParts = 10 }).Reason, StringComparison.Ordinal);

        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("xl/workbook.xml");
            zip.CreateEntry("XL/Workbook.xml");
        }

        Assert.Equal("the container is damaged: it names the part XL/Workbook.xml twice", Read("twice.xlsx", stream.ToArray()).Reason);
    }

    [Fact]
    public void ADamagedContainerIsUnreadableAndSaysSo()
    {
        var book = OneCellBook("表");
        var reading = Read("cut.xlsx", book[..(book.Length / 2)]);

        Assert.Equal(DiagnosticCodes.Unreadable, reading.Code);
        Assert.StartsWith("the ZIP container is damaged: ", reading.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ALegacyWordFileIsRefusedWithTheCommandThatConvertsItAndItsType()
    {
        // The OLE2 directory of a Word 97–2003 file: the stream WordDocument (a .wps is the same format).
        var result = RowTextExtractor.Extract("report.wps", LegacyWord());

        Assert.Null(result.Rows);
        Assert.Equal(
            (DiagnosticCodes.Unsupported, "report.wps: a Word 97–2003 document (.wps), which is not read; convert it to .docx first: `soffice --headless --convert-to docx report.wps`", "doc"),
            (result.Error!.Code, result.Error.Message, result.Error.Text));
        Assert.Equal("doc", result.Source.Kind);
    }

    [Theory]
    [InlineData("/archive/2021/report.doc", "(.doc), which is not read; convert it to .docx first: `soffice --headless --convert-to docx report.doc`")]
    [InlineData("自评表 2021.DOC", "(.doc), which is not read; convert it to .docx first: `soffice --headless --convert-to docx '自评表 2021.DOC'`")]
    [InlineData("it's.wps", "(.wps), which is not read; convert it to .docx first: `soffice --headless --convert-to docx 'it'\\''s.wps'`")]
    [InlineData("noextension", "(.doc), which is not read; convert it to .docx first: `soffice --headless --convert-to docx noextension`")]
    public void TheConvertCommandForALegacyWordFileNamesItAsAShellTakesIt(string path, string tail)
    {
        Assert.Equal("a Word 97–2003 document " + tail, OfficeReader.LegacyWord(path));
    }

    [Fact]
    public void PagesAskedForAreTheWorkbooksVisibleSheets()
    {
        var book = Xlsx(("甲", Sheet([Row(1, Cell("A1", "第一页"))]), false), ("隐藏", Sheet([Row(1, Cell("A1", "不打印"))]), true), ("乙", Sheet([Row(2, Cell("B2", "第二页"))]), false));

        var second = RowTextExtractor.Extract("book.xlsx", book, ExtractorOptions.Default with { Pages = PageSelection.TryParse("2", out _) });
        var line = Assert.Single(second.Rows!.Lines);
        Assert.Equal((2, "第二页", "乙", "B2"), (line.Page, line.Cells[0].Text, line.Cells[0].Place!.Sheet, line.Cells[0].Place!.Cell));
        Assert.Equal(2, second.Source.Pages);

        var none = RowTextExtractor.Extract("book.xlsx", book, ExtractorOptions.Default with { Pages = PageSelection.TryParse("3-4", out _) });
        Assert.Null(none.Rows);
        Assert.Equal((DiagnosticCodes.NoText, "book.xlsx: no text on the pages asked for (3-4) of its 2"), (none.Error!.Code, none.Error.Message));
    }

    [Fact]
    public void ATruncatedWorkbookIsDamagedNotAnotherKindOfZip()
    {
        var book = OneCellBook("表");
        var result = RowTextExtractor.Extract("cut.xlsx", book.AsMemory(0, book.Length / 2));

        Assert.Equal(DiagnosticCodes.Unreadable, result.Error!.Code);
        Assert.StartsWith("cut.xlsx: the ZIP container is damaged: ", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherContainersAreUnsupportedAndNamed()
    {
        var ods = Read("sheet.ods", Zip(new Dictionary<string, string> { ["mimetype"] = "application/vnd.oasis.opendocument.spreadsheet", ["content.xml"] = "<x/>" }));
        Assert.Equal(DiagnosticCodes.Unsupported, ods.Code);
        Assert.StartsWith("an OpenDocument file (.ods/.odt)", ods.Reason, StringComparison.Ordinal);

        var zip = Read("files.zip", Zip(new Dictionary<string, string> { ["a.txt"] = "x" }));
        Assert.Equal(("a ZIP archive that is not an Excel (.xlsx) or Word (.docx) file", DiagnosticCodes.Unsupported), (zip.Reason, zip.Code));
    }

    [Fact]
    public void AConversionOverItsTimeLimitStopsWithATimeoutError()
    {
        // 40,000 cells take far longer to read than the millisecond allowed.
        var rows = Enumerable.Range(1, 2_000).Select(r => Row(r, [.. Enumerable.Range(0, 20).Select(c => Cell(SheetGrid.Reference(r - 1, c), r * c))]));
        var reading = OfficeReader.Read("book.xlsx", Xlsx(("Sheet1", Sheet(rows), false)), OfficeLimits.Default, TimeSpan.FromMilliseconds(1), default);

        Assert.Equal(DiagnosticCodes.Timeout, reading.Code);
        Assert.Equal("timed out after 0.001 s, reading the workbook", reading.Reason);
    }

    [Fact]
    public void TheCallersCancellationIsThrownNotReported()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => OfficeReader.Read("book.xlsx", OneCellBook("表"), OfficeLimits.Default, TimeSpan.FromSeconds(30), cancel.Token));
    }
}
