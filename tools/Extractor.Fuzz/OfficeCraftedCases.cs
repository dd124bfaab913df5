using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Extractor.Model;

namespace Extractor.Fuzz;

/// <summary>
/// Hostile Office files: ZIP and OLE2 containers that inflate without bound, claim a million rows or columns,
/// overlap their merged ranges, loop their sector chains or lie about stream sizes, and legacy or foreign
/// files that are refused. Each names the diagnostic that must come out; where the file holds a readable
/// sheet or paragraph besides, it carries <see cref="CraftedCases.Marker"/>, which must still be read.
/// </summary>
public static class OfficeCraftedCases
{
    private const string SheetHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";
    private const string MarkerRow = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + CraftedCases.Marker + "</t></is></c></row>";

    private static readonly ExpectedOutcome MarkerRead = new(DiagnosticCodes.UnplacedText, Severity.Warning, CraftedCases.Marker);

    /// <summary>Every Office crafted case, in a fixed order.</summary>
    public static IReadOnlyList<CraftedCase> All { get; } =
    [
        Case("xlsx-zip-bomb", ".xlsx", "a worksheet part that inflates to 300 MB", () => Workbook(bomb: true),
            Error(DiagnosticCodes.Unreadable, "inflates to more than 33554432 bytes")),
        Case("xlsx-zip-bomb-renamed", ".xlsx", "a worksheet part named sheet1.bin (not .xml) that inflates to 300 MB", () => Zip([.. WorkbookParts([null]).Select(p => p.Name.EndsWith("sheet1.xml", StringComparison.Ordinal) ? ("xl/worksheets/sheet1.bin", p.Text) : p)]),
            Error(DiagnosticCodes.Unreadable, "the parts inflate to more than 134217728 bytes in all")),
        Case("xlsx-inflate-total", ".xlsx", "five worksheet parts of 30 MB each: each within the part limit, together over the total", InflateTotal,
            Error(DiagnosticCodes.Unreadable, "the parts inflate to more than 134217728 bytes in all")),
        Case("xlsx-sheets-many", ".xlsx", "a workbook of 1,200 sheets", () => Workbook([.. Enumerable.Repeat(SheetHead + "<sheetData>" + MarkerRow + "</sheetData></worksheet>", 1_200)]),
            Error(DiagnosticCodes.Unreadable, "the workbook has more than 1000 sheets")),
        Case("xlsx-slow-sheets", ".xlsx", "900 sheets of 1,220 rows to column XFD, each within the sheet limits: minutes of reading", SlowSheets,
            Error(DiagnosticCodes.Timeout, "timed out after")),
        Case("xlsx-parts-many", ".xlsx", "a workbook of 20,000 parts", PartsMany,
            Error(DiagnosticCodes.Unreadable, "parts, more than the limit of 10000")),
        Case("xlsx-parts-twice", ".xlsx", "a workbook that names its worksheet part twice", () => Zip([.. WorkbookParts(SheetHead + "<sheetData>" + MarkerRow + "</sheetData></worksheet>"), ("xl/worksheets/sheet1.xml", "<x/>")]),
            Error(DiagnosticCodes.Unreadable, "names the part xl/worksheets/sheet1.xml twice")),
        Case("xlsx-million-rows", ".xlsx", "a sheet whose last row is row 1,048,576, beside a sheet of one cell", MillionRows,
            Error(DiagnosticCodes.Unreadable, "1048576 rows, more than the limit of 100000"), MarkerRead),
        Case("xlsx-area-huge", ".xlsx", "a sheet of 5,000 rows whose last column is XFD", () => Workbook(SheetHead + "<sheetData>" + MarkerRow + "<row r=\"5000\"><c r=\"XFD5000\"><v>1</v></c></row></sheetData></worksheet>"),
            Error(DiagnosticCodes.Unreadable, "more cells than the limit of 20000000")),
        Case("xlsx-merges-overlap", ".xlsx", "3,000 merged ranges, each over the same 1,000 by 26 cells", MergesOverlap,
            Error(DiagnosticCodes.Unreadable, "merged ranges overlap")),
        Case("xlsx-cells-many", ".xlsx", "240,000 numeric cells over two sheets", CellsMany,
            Error(DiagnosticCodes.Unreadable, "more than 200000 cells with values")),
        Case("xlsx-dtd-entities", ".xlsx", "a worksheet that declares nested entities (billion laughs)", DtdEntities,
            Error(DiagnosticCodes.Unreadable, "DTD")),
        Case("xlsx-truncated", ".xlsx", "a workbook cut off in its middle", () => Workbook()[..600],
            Error(DiagnosticCodes.Unreadable, "the ZIP container is damaged")),
        Case("docx-zip-bomb", ".docx", "a document part that inflates to 300 MB", () => Zip([.. DocumentParts(null), ("word/document.xml", null)]),
            Error(DiagnosticCodes.Unreadable, "inflates to more than 33554432 bytes")),
        Case("docx-grid-span-huge", ".docx", "a table cell spanning 2,147,483,647 grid columns", () => Document(Table("<w:tc><w:tcPr><w:gridSpan w:val=\"2147483647\"/></w:tcPr><w:p/></w:tc>" + Cell("x"))),
            Error(DiagnosticCodes.Unreadable, "spans more than 16384 grid columns")),
        Case("docx-tables-many", ".docx", "2,000 tables", () => Document(Paragraph(CraftedCases.Marker) + Repeat(Table(Cell("x")), 2_000)),
            Error(DiagnosticCodes.Unreadable, "more than 1000 tables")),
        Case("docx-rows-many", ".docx", "a table of 150,000 rows", () => Document("<w:tbl>" + Repeat("<w:tr>" + Cell("x") + "</w:tr>", 150_000) + "</w:tbl>"),
            Error(DiagnosticCodes.Unreadable, "more than 100000 rows")),
        Case("docx-nesting-deep", ".docx", "tables nested 20,000 deep", () => Document(Paragraph(CraftedCases.Marker) + Repeat("<w:tbl><w:tr><w:tc>", 20_000) + "<w:p/>" + Repeat("</w:tc></w:tr></w:tbl>", 20_000)),
            MarkerRead),
        Case("docx-no-main-part", ".docx", "a package whose main relationship points at a part that is not there", NoMainPart,
            Error(DiagnosticCodes.Unreadable, "is damaged")),
        Case("ods-refused", ".ods", "an OpenDocument spreadsheet", () => Zip([("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<x/>")]),
            Error(DiagnosticCodes.Unsupported, "soffice --headless --convert-to xlsx")),
        Case("doc-legacy", ".doc", "a Word 97–2003 document", () => new CompoundWriter().Add("WordDocument", new byte[600]).Build(),
            Error(DiagnosticCodes.Unsupported, "soffice --headless --convert-to docx")),
        Case("wps-legacy", ".wps", "a WPS text document (the .doc format)", () => new CompoundWriter().Add("WordDocument", new byte[600]).Build(),
            Error(DiagnosticCodes.Unsupported, "soffice --headless --convert-to docx")),
        Case("doc-rtf", ".doc", "an RTF document named .doc", () => Encoding.ASCII.GetBytes(@"{\rtf1\ansi " + CraftedCases.Marker + "}"),
            Error(DiagnosticCodes.Unsupported, "an RTF document: convert it with `soffice --headless --convert-to docx` first")),
        Case("ooxml-encrypted", ".xlsx", "an encrypted Office Open XML file (its package inside OLE2)", () => new CompoundWriter().Add("EncryptionInfo", new byte[200]).Add("EncryptedPackage", new byte[5000]).Build(),
            Error(DiagnosticCodes.Encrypted, "encrypted")),
        Case("xls-chain-loop", ".xls", "a workbook stream whose sector chain loops back on itself", () => Xls((_, fat, _) => fat[5] = 2),
            Error(DiagnosticCodes.Unreadable, "chain leaves the file or loops")),
        Case("xls-chain-outside", ".xls", "a directory chain that points past the end of the file", () => Xls((_, fat, _) => fat[1] = 100_000),
            Error(DiagnosticCodes.Unreadable, "chain leaves the file or loops")),
        Case("xls-difat-huge", ".xls", "a header that claims 2,147,483,647 DIFAT sectors", () => Xls((header, _, _) =>
            {
                BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(68), 2);
                BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(72), int.MaxValue);
            }),
            Error(DiagnosticCodes.Unreadable, "DIFAT sectors in a file of")),
        Case("xls-stream-size-huge", ".xls", "a workbook stream that claims 4,294,967,295 bytes", () => Xls((_, _, directory) => Array.Fill<byte>(directory, 0xFF, 128 + 120, 4)),
            Error(DiagnosticCodes.Unreadable, "an OLE2 stream claims 4294967295 bytes")),
        Case("xls-sector-size-huge", ".xls", "a header whose sector size is 2^31 bytes", () => Xls((header, _, _) => header[30] = 31),
            Error(DiagnosticCodes.Unreadable, "OLE2 header is damaged")),
        Case("xls-biff-garbage", ".xls", "a well-formed OLE2 file whose workbook stream is noise", () => new CompoundWriter().Add("Workbook", new Prng(5).Bytes(20_000)).Build(),
            Error(DiagnosticCodes.Unreadable, "workbook")),
    ];

    private static CraftedCase Case(string name, string extension, string description, Func<byte[]> build, params ExpectedOutcome[] expected) =>
        new(name, description, extension, build, expected);

    private static ExpectedOutcome Error(string code, string reason) => new(code, Severity.Error, reason);

    private static string Repeat(string s, int count) => new StringBuilder(s.Length * count).Insert(0, s, count).ToString();

    private static byte[] Xls(Action<byte[], uint[], byte[]> damage) =>
        new CompoundWriter().Add("Workbook", new byte[9000]).Build(damage);

    /// <summary>A ZIP of parts; a part whose text is null is the 300 MB bomb, stored as deflated bytes.</summary>
    private static byte[] Zip(params (string Name, string? Text)[] parts)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in parts)
            {
                if (text is null)
                {
                    // 300 MB of spaces deflate to about 300 KB.
                    var chunk = new byte[1 << 20];
                    chunk.AsSpan().Fill((byte)' ');
                    using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                    for (var i = 0; i < 300; i++)
                    {
                        entry.Write(chunk);
                    }
                }
                else
                {
                    using var entry = zip.CreateEntry(name).Open();
                    entry.Write(Encoding.UTF8.GetBytes(text));
                }
            }
        }

        return stream.ToArray();
    }

    private static (string Name, string? Text)[] WorkbookParts(params string?[] sheets) =>
    [
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"),
        ("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
            + string.Concat(sheets.Select((_, i) => $"<sheet name=\"S{i + 1}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>")) + "</sheets></workbook>"),
        ("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + string.Concat(sheets.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>")) + "</Relationships>"),
        .. sheets.Select((s, i) => ($"xl/worksheets/sheet{i + 1}.xml", s)),
    ];

    private static byte[] Workbook(params string?[] sheets) => Zip(WorkbookParts(sheets.Length == 0 ? [SheetHead + "<sheetData>" + MarkerRow + "</sheetData></worksheet>"] : sheets));

    private static byte[] Workbook(bool bomb) => bomb ? Zip(WorkbookParts([null])) : Workbook();

    private static byte[] PartsMany() =>
        Zip([.. WorkbookParts(SheetHead + "<sheetData>" + MarkerRow + "</sheetData></worksheet>"), .. Enumerable.Range(0, 20_000).Select(i => ($"xl/media/p{i}.bin", (string?)"x"))]);

    /// <summary>Five worksheets of 30 MB of spaces each (the 300 MB bomb's chunk, fewer times), deflated to about 30 KB each.</summary>
    private static byte[] InflateTotal()
    {
        var parts = WorkbookParts([.. Enumerable.Repeat<string?>(SheetHead, 5)]);
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var chunk = new byte[1 << 20];
            chunk.AsSpan().Fill((byte)' ');
            foreach (var (name, text) in parts)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(Encoding.UTF8.GetBytes(text!));
                for (var i = 0; name.StartsWith("xl/worksheets/", StringComparison.Ordinal) && i < 30; i++)
                {
                    entry.Write(chunk);
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>Sheets whose last cell is XFD1220: 19,988,480 cells each, under the sheet area limit, walked one by one.</summary>
    private static byte[] SlowSheets() => Workbook([.. Enumerable.Repeat(
        SheetHead + "<sheetData>" + MarkerRow + "<row r=\"1220\"><c r=\"XFD1220\"><v>1</v></c></row></sheetData></worksheet>", 900)]);

    private static byte[] MillionRows() => Workbook(
        SheetHead + "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"1048576\"><c r=\"A1048576\"><v>1</v></c></row></sheetData></worksheet>",
        SheetHead + "<sheetData>" + MarkerRow + "</sheetData></worksheet>");

    private static byte[] MergesOverlap() => Workbook(
        SheetHead + "<sheetData>" + MarkerRow + "<row r=\"1000\"><c r=\"Z1000\"><v>1</v></c></row></sheetData><mergeCells>" + Repeat("<mergeCell ref=\"A1:Z1000\"/>", 3_000) + "</mergeCells></worksheet>");

    private static byte[] CellsMany()
    {
        // 2 sheets of 400 rows by 300 columns: each within the workbook's limit, together over it.
        var row = new StringBuilder();
        for (var c = 0; c < 300; c++)
        {
            row.Append("<c><v>1</v></c>");
        }

        var sheet = SheetHead + "<sheetData>" + Repeat("<row>" + row + "</row>", 400) + "</sheetData></worksheet>";
        return Workbook([.. Enumerable.Repeat(sheet, 2)]);
    }

    private static byte[] DtdEntities()
    {
        var entities = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY a0 \"lol\">");
        for (var i = 1; i < 10; i++)
        {
            entities.Append($"<!ENTITY a{i} \"{Repeat($"&a{i - 1};", 10)}\">");
        }

        return Workbook("<?xml version=\"1.0\"?>" + entities + "]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&a9;</t></is></c></row></sheetData></worksheet>");
    }

    private static (string Name, string? Text)[] DocumentParts(string? body) =>
    [
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
        ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"),
        .. body is null ? Array.Empty<(string, string?)>() : [("word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body + "</w:body></w:document>")],
    ];

    private static byte[] Document(string body) => Zip(DocumentParts(body));

    private static byte[] NoMainPart() => Zip(
    [
        .. DocumentParts(Paragraph(CraftedCases.Marker)).Select(p => p.Name == "_rels/.rels" ? (p.Name, p.Text!.Replace("word/document.xml", "word/missing.xml", StringComparison.Ordinal)) : p),
    ]);

    private static string Paragraph(string text) => $"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>";

    private static string Cell(string text) => $"<w:tc>{Paragraph(text)}</w:tc>";

    private static string Table(string cells) => $"<w:tbl><w:tr>{cells}</w:tr></w:tbl>";
}
