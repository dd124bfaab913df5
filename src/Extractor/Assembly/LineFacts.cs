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
            MayBeTitle |= t.Length <= 60 && t.Contains("自评表", StringComparison.Ordinal);
            MayBeYear |= t.Length <= 16 && t.Contains('年') && t.AsSpan().IndexOfAnyInRange('0', '9') >= 0;
            MayBeFunds |= HeaderNames.FundColumn(t) != ColumnRole.Unknown || t.StartsWith("项目资金", StringComparison.Ordinal) || t.StartsWith("资金情况", StringComparison.Ordinal) || t.StartsWith("预算执行情况", StringComparison.Ordinal);
            MayBeGoals |= HeaderNames.GoalsColumn(t) != ColumnRole.Unknown;
            MayBeIndicatorHeader |= HeaderNames.IndicatorColumn(t) is not (ColumnRole.Unknown or ColumnRole.Weight or ColumnRole.Score);
            MayBeTotal |= Vocabulary.IsTotalLabel(t);
        }

        var first = line.Cells.IsEmpty ? string.Empty : line.Cells[0].Text;
        foreach (var label in Vocabulary.HeadLabels.Select(h => h.Word))
        {
            if (first.StartsWith(label, StringComparison.Ordinal))
            {
                MayBeLabelValues = true;
                break;
            }
        }
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
