using System.Collections.Immutable;
using Extractor.Text;

namespace Extractor.Layout;

/// <summary>
/// Reads row text in the seed's shape: one table row a line, cells separated by tabs, blank lines (or form
/// feeds) at page breaks. Accepts LF, CRLF and CR line ends, a byte-order mark, and trailing tabs.
/// </summary>
internal static class RowTextReader
{
    /// <summary>Parses decoded text into rows.</summary>
    public static RowText Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var lines = ImmutableArray.CreateBuilder<RowLine>();
        var page = 1;
        var pageHasContent = false;
        var lineNumber = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOfAny(['\n', '\r'], start);
            var lineEnd = end < 0 ? text.Length : end;
            var raw = text.AsSpan(start, lineEnd - start);
            lineNumber++;

            // A form feed starts a new page (pdftotext writes one between pages).
            var formFeeds = raw.Count('\f');
            var cells = SplitCells(raw.ToString().Replace("\f", string.Empty, StringComparison.Ordinal));
            if (formFeeds > 0 && pageHasContent)
            {
                page++;
                pageHasContent = false;
            }

            if (cells.IsEmpty)
            {
                if (pageHasContent)
                {
                    page++;
                    pageHasContent = false;
                }
            }
            else
            {
                lines.Add(new RowLine(lineNumber, page, cells));
                pageHasContent = true;
            }

            if (end < 0)
            {
                break;
            }

            start = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
            if (start == text.Length)
            {
                break;
            }
        }

        var pageCount = lines.Count == 0 ? 0 : lines[^1].Page;
        return new RowText(lines.ToImmutable(), pageCount);
    }

    private static ImmutableArray<RowCell> SplitCells(string line)
    {
        if (line.Length == 0)
        {
            return [];
        }

        var parts = line.Split('\t');
        var cells = ImmutableArray.CreateBuilder<RowCell>();
        for (var i = 0; i < parts.Length; i++)
        {
            var text = WhitespaceRule.Apply(parts[i]);
            if (text.Length > 0)
            {
                cells.Add(new RowCell(i, text, []));
            }
        }

        return cells.ToImmutable();
    }
}
