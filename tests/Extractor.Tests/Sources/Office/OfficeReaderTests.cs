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

        Assert.Contains("the XML parts inflate to more than 4000 bytes in all", reading.Reason, StringComparison.Ordinal);
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

    [Theory]
    [InlineData("report.doc", @"{\rtf1\ansi 表}", "an RTF document named .doc, which is not read; convert it with `soffice --headless --convert-to docx` first")]
    [InlineData("export.xls", "<html><table><tr><td>表</td></tr></table></html>", "an HTML or XML file named .xls, which is not read; convert it with `soffice --headless --convert-to xlsx` first")]
    public void ATextFileNamedLikeAnOfficeFileIsUnsupported(string name, string content, string reason)
    {
        var result = RowTextExtractor.Extract(name, System.Text.Encoding.UTF8.GetBytes(content));

        Assert.Null(result.Rows);
        Assert.Equal((DiagnosticCodes.Unsupported, $"{name}: {reason}"), (result.Error!.Code, result.Error.Message));
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
    public void AnEmptyFileNamedXlsxIsUnreadable()
    {
        var result = RowTextExtractor.Extract("empty.xlsx", ReadOnlyMemory<byte>.Empty);

        Assert.Equal((DiagnosticCodes.Unreadable, "empty.xlsx: the file is empty"), (result.Error!.Code, result.Error.Message));
        Assert.Equal(SourceKinds.Xlsx, result.Source.Kind);
    }

    [Fact]
    public void APdfNamedLikeAnOfficeFileIsStillReadAsAPdf()
    {
        Assert.False(OfficeReader.Recognizes("scan.doc", "%PDF-1.7\n"u8));
        Assert.True(OfficeReader.Recognizes("scan.doc", "plain text"u8));
        Assert.True(OfficeReader.Recognizes("anything", "PK\u0003\u0004"u8));
        Assert.False(OfficeReader.Recognizes("notes.txt", "plain text"u8));
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
