using System.Collections.Immutable;

namespace Extractor.Layout;

/// <summary>
/// The seam between layout and grammar: the rows of a document, one table row a line, cells in columns,
/// pages kept apart. Text input enters the pipeline here; PDF input arrives here through the layout stage.
/// </summary>
/// <param name="Lines">The non-blank lines in reading order.</param>
/// <param name="PageCount">Number of pages.</param>
internal sealed record RowText(ImmutableArray<RowLine> Lines, int PageCount)
{
    /// <summary>Prints the row text in the seed's shape: tab-separated cells, a blank line between pages.</summary>
    public string ToTabText()
    {
        var sb = new System.Text.StringBuilder();
        var page = Lines.IsEmpty ? 1 : Lines[0].Page;
        foreach (var line in Lines)
        {
            if (line.Page != page)
            {
                sb.Append('\n');
                page = line.Page;
            }

            sb.Append(line.ToTabText()).Append('\n');
        }

        return sb.ToString();
    }
}
