using Extractor.Grammar;
using Extractor.Layout;
using Extractor.Domain;

namespace Extractor.Assembly;

/// <summary>
/// Cheap facts about a row, worked out once, that tell which row rules can possibly match: a row rule
/// is only run when the words it needs are present.
/// </summary>
internal sealed class LineFacts
{
    public LineFacts(RowLine line)
    {
        Text = line.ToTabText();
        foreach (var cell in line.Cells)
        {
            var t = cell.Text;
            MayBeTitle |= Vocabulary.IsTitleText(t);
            MayBeYear |= t.Length <= 16 && t.Contains('年') && t.AsSpan().IndexOfAnyInRange('0', '9') >= 0;
            MayBeFunds |= HeaderNames.FundColumn(t) != ColumnRole.Unknown || Vocabulary.FundsTitles.Any(w => t.StartsWith(w, StringComparison.Ordinal));
            MayBeGoals |= HeaderNames.GoalsColumn(t) != ColumnRole.Unknown;
            MayBeIndicatorHeader |= HeaderNames.IndicatorColumn(t) is not (ColumnRole.Unknown or ColumnRole.Weight or ColumnRole.Score);
            MayBeTotal |= Vocabulary.IsTotalLabel(t);
        }

        var first = line.Cells.IsEmpty ? string.Empty : line.Cells[0].Text;
        var colon = first.IndexOfAny(['：', ':']);
        MayBeLabelValues = Vocabulary.HeadLabelOf(colon > 0 ? first[..colon] : first) is not null;
    }

    /// <summary>The row in tab-separated form, as the row rules read it.</summary>
    public string Text { get; }

    public bool MayBeTitle { get; }

    public bool MayBeYear { get; }

    public bool MayBeLabelValues { get; }

    public bool MayBeFunds { get; }

    public bool MayBeGoals { get; }

    public bool MayBeIndicatorHeader { get; }

    public bool MayBeTotal { get; }
}
