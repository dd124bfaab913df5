using System.Collections.Immutable;
using System.Text;
using System.Xml;
using Extractor.Model;
using Extractor.Text;

namespace Extractor.Sources.Office;

/// <summary>What each element of the main document part does to the rows being read.</summary>
internal sealed partial class WordReader
{
    private readonly StringBuilder paragraph = new();
    private readonly List<string> cellParagraphs = [];
    private readonly ImmutableArray<GridText>.Builder rowCells = ImmutableArray.CreateBuilder<GridText>();
    private readonly ImmutableArray<int>.Builder rowEmpty = ImmutableArray.CreateBuilder<int>();

    private int page = 1;
    private int lastPage;
    private bool breakAfterParagraph;
    private int tableDepth;
    private int tables;
    private int tableRow;
    private int column;
    private bool rowHidden;
    private bool inCell;
    private int cellColumn;
    private int cellSpan;
    private bool cellCovered;
    private bool runHidden;
    private int cells;

    private void Start(XmlReader xml, string name, string parent)
    {
        switch (name)
        {
            case "p":
                paragraph.Clear();
                break;
            case "pageBreakBefore" when parent == "pPr" && On(xml) && tableDepth == 0:
                PageBreak();
                break;
            case "sectPr":
                // A section break inside a paragraph's properties: a new page after it, unless the next section is continuous.
                breakAfterParagraph = tableDepth == 0;
                break;
            case "type" when parent == "sectPr" && Value(xml) == "continuous":
                breakAfterParagraph = false;
                break;
            case "r":
                runHidden = false;
                break;
            case "vanish" when parent == "rPr":
                runHidden = On(xml);
                break;
            case "tab" when parent == "r" && !runHidden:
                paragraph.Append('\t');
                break;
            case "br" when parent == "r" && !runHidden:
                LineBreak(xml);
                break;
            case "cr" when parent == "r" && !runHidden:
                paragraph.Append('\n');
                break;
            case "noBreakHyphen" when parent == "r" && !runHidden:
                paragraph.Append('-');
                break;
            case "sym" when parent == "r" && !runHidden:
                paragraph.Append(Symbol(xml.GetAttribute("font", xml.NamespaceURI), xml.GetAttribute("char", xml.NamespaceURI)));
                break;
            case "tbl":
                StartTable();
                break;
            case "tr" when tableDepth == 1:
                StartRow();
                break;
            case "gridBefore" when parent == "trPr" && tableDepth == 1:
                column += Number(xml);
                break;
            case "hidden" when parent == "trPr" && tableDepth == 1:
                rowHidden = On(xml);
                break;
            case "tc" when tableDepth == 1:
                (inCell, cellColumn, cellSpan, cellCovered) = (true, column, 1, false);
                cellParagraphs.Clear();
                break;
            case "gridSpan" when parent == "tcPr" && tableDepth == 1:
                cellSpan = Math.Max(1, Number(xml));
                break;
            case "vMerge" or "hMerge" when parent == "tcPr" && tableDepth == 1:
                // A merge's first cell says restart; the cells it covers say continue, or nothing.
                cellCovered = Value(xml) != "restart";
                break;
        }
    }

    private void End(string name)
    {
        switch (name)
        {
            case "p":
                EndParagraph();
                break;
            case "r":
                runHidden = false;
                break;
            case "tc" when tableDepth == 1:
                EndCell();
                break;
            case "tr" when tableDepth == 1:
                if (!rowHidden && rowCells.Count > 0)
                {
                    AddRow(rowCells.ToImmutable(), rowEmpty.ToImmutable());
                }

                break;
            case "tbl":
                tableDepth--;
                break;
        }
    }

    /// <summary>
    /// The character of a symbol inserted from a font (<c>w:sym</c>): Word's Insert Symbol writes the comparison
    /// signs of targets this way when the Symbol font is chosen (≥ is its 0xB3). Other fonts' symbols carry their
    /// Unicode value; a private-use code of another font is not known and reads as nothing.
    /// </summary>
    private static string Symbol(string? font, string? code)
    {
        if (!int.TryParse(code, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var value) || value is < 0x20 or > 0xFFFF)
        {
            return string.Empty;
        }

        var low = value & 0xFF;
        if (value is >= 0xF000 and <= 0xF0FF || (string.Equals(font, "Symbol", StringComparison.OrdinalIgnoreCase) && value < 0x100))
        {
            return string.Equals(font, "Symbol", StringComparison.OrdinalIgnoreCase) && SymbolFont.TryGetValue(low, out var mapped) ? mapped.ToString() : string.Empty;
        }

        return char.IsSurrogate((char)value) ? string.Empty : ((char)value).ToString();
    }

    /// <summary>The Symbol font's characters that forms print: comparison and arithmetic signs, degrees, per mille.</summary>
    private static readonly Dictionary<int, char> SymbolFont = new()
    {
        [0x3C] = '<', [0x3D] = '=', [0x3E] = '>', [0xA3] = '≤', [0xB3] = '≥', [0xB9] = '≠', [0xB1] = '±',
        [0xB4] = '×', [0xB8] = '÷', [0xB0] = '°', [0x25] = '%', [0x2B] = '+', [0x2D] = '−', [0xBB] = '≈',
    };

    private void LineBreak(XmlReader xml)
    {
        if (xml.GetAttribute("type", xml.NamespaceURI) != "page" || tableDepth > 0)
        {
            paragraph.Append('\n');
        }
        else if (string.IsNullOrWhiteSpace(paragraph.ToString()))
        {
            PageBreak();
        }
        else
        {
            breakAfterParagraph = true;
        }
    }

    private void StartTable()
    {
        if (++tableDepth > 1)
        {
            return;
        }

        if (++tables > limits.MaxSheets)
        {
            throw new OfficeFailure(DiagnosticCodes.Unreadable, $"the document has more than {limits.MaxSheets} tables, the limit");
        }

        tableRow = 0;
    }

    private void StartRow()
    {
        tableRow++;
        column = 0;
        rowHidden = false;
        rowCells.Clear();
        rowEmpty.Clear();
    }

    private void EndParagraph()
    {
        var text = paragraph.ToString();
        paragraph.Clear();
        if (tableDepth > 0)
        {
            if (inCell)
            {
                cellParagraphs.Add(text);
            }

            return;
        }

        var cut = WhitespaceRule.Apply(Cut(text, "a paragraph"));
        if (cut.Length > 0)
        {
            AddRow([new GridText(0, cut, null)], []);
        }

        if (breakAfterParagraph)
        {
            PageBreak();
            breakAfterParagraph = false;
        }
    }

    private void EndCell()
    {
        inCell = false;
        if (++cells > limits.MaxCells)
        {
            throw new OfficeFailure(DiagnosticCodes.Unreadable, $"the document's tables have more than {limits.MaxCells} cells, the limit");
        }

        if (cellColumn > limits.MaxColumns)
        {
            throw new OfficeFailure(DiagnosticCodes.Unreadable, $"a row of table {tables} spans more than {limits.MaxColumns} grid columns, the limit");
        }

        if (!cellCovered)
        {
            var text = WhitespaceRule.Apply(Cut(string.Join('\n', cellParagraphs), $"table {tables} row {tableRow}"));
            if (text.Length > 0)
            {
                rowCells.Add(new GridText(cellColumn, text, CellPlace.InTable(tables, tableRow)));
            }
            else
            {
                rowEmpty.Add(cellColumn);
            }
        }

        column = cellColumn + cellSpan;
    }
}
