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
