using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Extractor.Model;

namespace Extractor.Sources.Office;

/// <summary>
/// Reads a Word document (.docx) into the grid it prints. The Open XML SDK opens the package and finds the
/// main document part; the part is streamed, so memory does not grow with it. Every table row is a row, its
/// cells at their table-grid column (<c>gridBefore</c>, <c>gridSpan</c>), a vertically merged cell's text on its
/// first row and the rows below covered; a paragraph outside tables is a row of one cell. A cell's paragraphs
/// and line breaks join by the whitespace rule; a table inside a cell is read as that cell's text. Hidden text
/// and rows, deleted text, field codes, drawings and text boxes are not read. Explicit page breaks (page break
/// characters, <c>pageBreakBefore</c>, section breaks) start pages; Word's own pagination is not known.
/// </summary>
internal sealed partial class WordReader
{
    private static readonly HashSet<string> WordNamespaces =
    [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ];

    /// <summary>Subtrees that hold nothing printed that this reader reads: deleted or moved-away text, field codes, drawings, text boxes, table settings.</summary>
    private static readonly HashSet<string> Skipped =
        ["del", "moveFrom", "delText", "instrText", "delInstrText", "drawing", "pict", "object", "txbxContent", "tblGrid", "tblPr", "tblPrEx"];

    private readonly OfficeLimits limits;
    private readonly CancellationToken cancellationToken;
    private readonly ImmutableArray<GridRow>.Builder rows = ImmutableArray.CreateBuilder<GridRow>();
    private readonly ImmutableArray<Diagnostic>.Builder diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();

    private WordReader(OfficeLimits limits, CancellationToken cancellationToken)
    {
        this.limits = limits;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>Reads the document.</summary>
    /// <exception cref="OfficeFailure">The document is over a limit or has no main part.</exception>
    public static OfficeGrid Read(ReadOnlyMemory<byte> bytes, OfficeLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        using var stream = OfficeStreams.ReadOnly(bytes);
        using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = limits.MaxPartBytes });
        var part = document.MainDocumentPart ?? throw new OfficeFailure(DiagnosticCodes.Unreadable, "the Word document has no main document part");
        using var partStream = part.GetStream(FileMode.Open, FileAccess.Read);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = limits.MaxPartBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        using var xml = XmlReader.Create(partStream, settings);
        var reader = new WordReader(limits, cancellationToken);
        reader.Walk(xml);
        return new OfficeGrid(reader.rows.ToImmutable(), Math.Max(reader.lastPage, 1), reader.diagnostics.ToImmutable());
    }

    private void Walk(XmlReader xml)
    {
        // The local names of the open elements (empty for other namespaces): a property means what its parent says.
        var open = new Stack<string>();
        var steps = 0;
        var more = xml.Read();
        while (more)
        {
            if ((++steps & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (xml.NodeType == XmlNodeType.Element)
            {
                var name = WordNamespaces.Contains(xml.NamespaceURI) ? xml.LocalName : string.Empty;
                var parent = open.TryPeek(out var p) ? p : string.Empty;
                if (name == "t" && parent == "r")
                {
                    // Text of a run; ReadElementContentAsString leaves the reader after the element.
                    var text = xml.ReadElementContentAsString();
                    if (!runHidden)
                    {
                        paragraph.Append(text);
                    }

                    more = !xml.EOF;
                    continue;
                }

                if (Skips(xml, name, parent))
                {
                    xml.Skip();
                    more = !xml.EOF;
                    continue;
                }

                var empty = xml.IsEmptyElement;
                Start(xml, name, parent);
                if (empty)
                {
                    End(name);
                }
                else
                {
                    open.Push(name);
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement && open.Count > 0)
            {
                End(open.Pop());
            }

            more = xml.Read();
        }
    }

    private static bool Skips(XmlReader xml, string name, string parent) =>
        Skipped.Contains(name)
        || (name == "rPr" && parent == "pPr")           // the paragraph mark's properties, not its text's
        || (name == "sectPr" && parent != "pPr")        // the body's last section: no break after it
        || xml.LocalName == "AlternateContent";         // drawings and text boxes, each given twice

    /// <summary>True when an on/off property is on: present without a value, or with a value other than false/0/off.</summary>
    private static bool On(XmlReader xml) =>
        Value(xml) is not ("false" or "0" or "off");

    private static string? Value(XmlReader xml) => xml.GetAttribute("val", xml.NamespaceURI);

    private int Number(XmlReader xml) =>
        int.TryParse(Value(xml), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 0, limits.MaxColumns + 1) : 0;

    /// <summary>Text cut to the limit of one cell, with a warning.</summary>
    private string Cut(string text, string where)
    {
        if (text.Length <= limits.MaxCellLength)
        {
            return text;
        }

        diagnostics.Add(new Diagnostic(DiagnosticCodes.Unreadable, Severity.Warning, $"{where} holds {text.Length} characters, more than the limit of {limits.MaxCellLength}; the rest is not read", null, null, null));
        return text[..limits.MaxCellLength];
    }

    private void AddRow(ImmutableArray<GridText> cells, ImmutableArray<int> empty)
    {
        if (rows.Count >= limits.MaxRows)
        {
            throw new OfficeFailure(DiagnosticCodes.Unreadable, $"the document has more than {limits.MaxRows} rows and paragraphs, the limit");
        }

        rows.Add(new GridRow(page, cells, empty));
        lastPage = page;
    }

    /// <summary>An explicit page break: the next row starts a page, unless nothing was read on this one yet.</summary>
    private void PageBreak()
    {
        if (lastPage == page)
        {
            page++;
        }
    }
}
