using System.Collections.Immutable;
using Extractor.Domain;
using Extractor.Model;
using Extractor.Sources;
using Extractor.Text;

namespace Extractor.Layout;

/// <summary>Label columns that span several rows (一级, 二级, 绩效指标): which rows each label's group covers.</summary>
internal static class StreamLabels
{
    /// <summary>
    /// True when a label at the top of a page continues the label at the bottom of the page before: together
    /// they make a known label while neither does alone, or they lie end to end.
    /// </summary>
    public static bool IsOneLabel(List<TextBlock> before, TextBlock after, double gap, LayoutOptions options)
    {
        var first = WhitespaceRule.Join(before.Select(b => b.Text));
        var joined = WhitespaceRule.Join(first, after.Text);
        static bool Known(string text) => Vocabulary.Level1Of(text) is not null || Vocabulary.Level2Of(text) is not null || Vocabulary.IsTableLabel(text);
        if (Known(joined) && !Known(first) && !Known(after.Text))
        {
            return true;
        }

        return gap <= options.LabelJoinGap * after.LineHeight && !Known(first) && !Known(after.Text);
    }

    /// <summary>
    /// The first row of each label's group. A merged label cell is printed at the middle of the rows it
    /// spans, and the groups of one column follow each other down the table; so the groups are the
    /// placement, in order, that puts every label nearest the middle of its rows. Rows may stay outside
    /// every group (an empty merged cell) at a
    /// small cost per row, so that an exact centred group is always preferred. Positions are continuous over
    /// the pages of the table.
    /// </summary>
    public static int[] GroupStarts(double[] tops, double[] bottoms, int[] pages, (double Top, double Bottom)[] labels, int first, LayoutOptions options)
    {
        var n = tops.Length;
        var m = labels.Length;
        if (m == 0 || first >= n)
        {
            return [.. labels.Select(_ => Math.Min(first, Math.Max(0, n - 1)))];
        }

        var rowHeight = Math.Max(1, (tops[first] - bottoms[n - 1]) / (n - first));

        // cost[k, i]: best cost with k labels placed and rows first..i-1 consumed.
        var cost = new double[m + 1, n + 1];
        var back = new (int K, int Row, bool Group)[m + 1, n + 1];
        for (var k = 0; k <= m; k++)
        {
            for (var i = 0; i <= n; i++)
            {
                cost[k, i] = double.PositiveInfinity;
            }
        }

        cost[0, first] = 0;
        for (var i = first; i <= n; i++)
        {
            for (var k = 0; k <= m; k++)
            {
                var here = cost[k, i];
                if (double.IsPositiveInfinity(here) || i == n)
                {
                    continue;
                }

                var skip = here + options.UnlabelledCost;
                if (skip < cost[k, i + 1])
                {
                    cost[k, i + 1] = skip;
                    back[k, i + 1] = (k, i, false);
                }

                if (k == m)
                {
                    continue;
                }

                var center = (labels[k].Top + labels[k].Bottom) / 2;
                var atFragmentTop = Math.Abs(tops[i] - labels[k].Top) / rowHeight;
                for (var end = i + 1; end <= n; end++)
                {
                    // A cell on one page has its text at its middle; a cell a page break cuts, at the top of a part.
                    double placement;
                    if (pages[end - 1] == pages[i])
                    {
                        placement = Math.Abs(((tops[i] + bottoms[end - 1]) / 2) - center) / rowHeight;
                    }
                    else
                    {
                        if (pages[end - 1] != pages[end - 2])
                        {
                            atFragmentTop = Math.Min(atFragmentTop, Math.Abs(tops[end - 1] - labels[k].Top) / rowHeight);
                        }

                        placement = Math.Min(atFragmentTop, options.MisplacedCost + (Math.Abs(((tops[i] + bottoms[end - 1]) / 2) - center) / rowHeight));
                    }

                    var total = here + placement;
                    if (total < cost[k + 1, end])
                    {
                        cost[k + 1, end] = total;
                        back[k + 1, end] = (k, i, true);
                    }
                }
            }
        }

        var starts = new int[m];
        var (kk, row) = (m, n);
        while (kk > 0)
        {
            var step = back[kk, row];
            if (step.Group)
            {
                starts[kk - 1] = step.Row;
            }

            (kk, row) = (step.K, step.Row);
        }

        return starts;
    }
}
