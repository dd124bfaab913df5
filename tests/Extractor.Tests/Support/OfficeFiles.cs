using System.IO.Compression;
using System.Security;
using System.Text;

namespace Extractor.Tests.Support;

/// <summary>
/// Small workbooks and Word documents written part by part, so that a test says in a few lines of XML what
/// the file holds: cells with number formats, merged ranges, hidden rows, columns and sheets, Word tables
/// with merged cells, hidden text and page breaks.
/// </summary>
public static class OfficeFiles
{
    /// <summary>The number formats of the test workbooks' styles: style index → (format id, format code or null for a built-in).</summary>
    public static readonly (int Id, string? Code)[] Styles =
    [
        (0, null),              // 0: General
        (4, null),              // 1: #,##0.00 (built in)
        (10, null),             // 2: 0.00% (built in)
        (164, "0.0000"),        // 3
        (49, null),             // 4: @ (text)
        (31, null),             // 5: zh-CN built-in yyyy"年"m"月"d"日"
    ];

    /// <summary>A cell: its reference, a string or a number, and a style index of <see cref="Styles"/>.</summary>
    public static string Cell(string reference, object value, int style = 0) => value switch
    {
        string text => $"<c r=\"{reference}\" t=\"inlineStr\" s=\"{style}\"><is><t xml:space=\"preserve\">{SecurityElement.Escape(text)}</t></is></c>",
        _ => $"<c r=\"{reference}\" s=\"{style}\"><v>{Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)}</v></c>",
    };

    /// <summary>A row of cells; <paramref name="hidden"/> hides it.</summary>
    public static string Row(int number, bool hidden, params string[] cells) =>
        $"<row r=\"{number}\"{(hidden ? " hidden=\"1\"" : string.Empty)}>{string.Concat(cells)}</row>";

    /// <summary>A row of cells.</summary>
    public static string Row(int number, params string[] cells) => Row(number, false, cells);

    /// <summary>A sheet's XML: hidden columns (1-based), rows, merged ranges.</summary>
    public static string Sheet(IEnumerable<string> rows, IEnumerable<string>? merges = null, IEnumerable<int>? hiddenColumns = null)
    {
        var cols = hiddenColumns?.Select(c => $"<col min=\"{c}\" max=\"{c}\" width=\"10\" hidden=\"1\" customWidth=\"1\"/>").ToList() ?? [];
        var merged = merges?.Select(m => $"<mergeCell ref=\"{m}\"/>").ToList() ?? [];
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + (cols.Count > 0 ? "<cols>" + string.Concat(cols) + "</cols>" : string.Empty)
            + "<sheetData>" + string.Concat(rows) + "</sheetData>"
            + (merged.Count > 0 ? $"<mergeCells count=\"{merged.Count}\">" + string.Concat(merged) + "</mergeCells>" : string.Empty)
            + "</worksheet>";
    }

    /// <summary>A workbook of sheets (name, XML, hidden).</summary>
    public static byte[] Xlsx(params (string Name, string Xml, bool Hidden)[] sheets)
    {
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = ContentTypes(
            [
                ("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
                ("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"),
                .. sheets.Select((_, i) => ($"/xl/worksheets/sheet{i + 1}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")),
            ]),
            ["_rels/.rels"] = Relationships(("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml")),
            ["xl/_rels/workbook.xml.rels"] = Relationships(
                [("rIdS", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml"),
                .. sheets.Select((_, i) => ($"rId{i + 1}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", $"worksheets/sheet{i + 1}.xml"))]),
            ["xl/workbook.xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                + string.Concat(sheets.Select((s, i) => $"<sheet name=\"{SecurityElement.Escape(s.Name)}\" sheetId=\"{i + 1}\"{(s.Hidden ? " state=\"hidden\"" : string.Empty)} r:id=\"rId{i + 1}\"/>"))
                + "</sheets></workbook>",
            ["xl/styles.xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.0000\"/></numFmts>"
                + "<fonts count=\"1\"><font/></fonts><fills count=\"1\"><fill/></fills><borders count=\"1\"><border/></borders>"
                + $"<cellXfs count=\"{Styles.Length}\">" + string.Concat(Styles.Select(s => $"<xf numFmtId=\"{s.Id}\" applyNumberFormat=\"1\"/>")) + "</cellXfs>"
                + "</styleSheet>",
        };
        for (var i = 0; i < sheets.Length; i++)
        {
            parts[$"xl/worksheets/sheet{i + 1}.xml"] = sheets[i].Xml;
        }

        return Zip(parts);
    }

    /// <summary>A Word document whose body is <paramref name="bodyXml"/> (elements in the <c>w</c> namespace).</summary>
    public static byte[] Docx(string bodyXml) => Zip(new Dictionary<string, string>
    {
        ["[Content_Types].xml"] = ContentTypes(("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")),
        ["_rels/.rels"] = Relationships(("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "word/document.xml")),
        ["word/document.xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + bodyXml + "</w:body></w:document>",
    });

    /// <summary>A paragraph of runs.</summary>
    public static string P(params string[] runs) => "<w:p>" + string.Concat(runs) + "</w:p>";

    /// <summary>A run of text.</summary>
    public static string R(string text) => $"<w:r><w:t xml:space=\"preserve\">{SecurityElement.Escape(text)}</w:t></w:r>";

    /// <summary>A table cell: its properties (<c>&lt;w:gridSpan w:val="2"/&gt;</c>, <c>&lt;w:vMerge/&gt;</c>) and paragraphs.</summary>
    public static string Tc(string properties, params string[] paragraphs) =>
        "<w:tc><w:tcPr>" + properties + "</w:tcPr>" + (paragraphs.Length == 0 ? "<w:p/>" : string.Concat(paragraphs)) + "</w:tc>";

    /// <summary>A table cell of one paragraph of text.</summary>
    public static string Tc(string text) => Tc(string.Empty, P(R(text)));

    /// <summary>A table row: its properties and cells.</summary>
    public static string Tr(string properties, params string[] cells) => "<w:tr><w:trPr>" + properties + "</w:trPr>" + string.Concat(cells) + "</w:tr>";

    /// <summary>A table of rows.</summary>
    public static string Tbl(params string[] rows) => "<w:tbl><w:tblPr/><w:tblGrid/>" + string.Concat(rows) + "</w:tbl>";

    /// <summary>A ZIP archive of text parts, written in order.</summary>
    public static byte[] Zip(IReadOnlyDictionary<string, string> parts)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in parts)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return stream.ToArray();
    }

    private static string ContentTypes(params (string Part, string Type)[] overrides) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + string.Concat(overrides.Select(o => $"<Override PartName=\"{o.Part}\" ContentType=\"{o.Type}\"/>"))
        + "</Types>";

    private static string Relationships(params (string Id, string Type, string Target)[] relationships) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + string.Concat(relationships.Select(r => $"<Relationship Id=\"{r.Id}\" Type=\"{r.Type}\" Target=\"{r.Target}\"/>"))
        + "</Relationships>";
}
