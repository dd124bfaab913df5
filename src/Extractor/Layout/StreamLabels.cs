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

        // A label's group lies about its middle, between the labels before and after it; so the state "k labels
        // placed, rows up to i consumed" is only kept for i between the rows of labels k-1 and k (with a
        // margin). The table costs rows × labels, not rows² × labels, in time and memory.
        var near = new int[m];
        for (var k = 0; k < m; k++)
        {
            var center = (labels[k].Top + labels[k].Bottom) / 2;
            var at = Array.FindIndex(bottoms, first, b => b <= center);
            near[k] = Math.Max(k == 0 ? first : near[k - 1], at < 0 ? n : at);
        }

        const int margin = 3;
        var lo = new int[m + 1];
        var hi = new int[m + 1];
        for (var k = 0; k <= m; k++)
        {
            lo[k] = k == 0 ? first : Math.Clamp(near[k - 1] - margin, first, n);
            hi[k] = k == m ? n : Math.Clamp(near[k] + margin + 1, first, n);
        }

        // cost[k][i - lo[k]]: best cost with k labels placed and rows first..i-1 consumed.
        var cost = new double[m + 1][];
        var back = new (int K, int Row, bool Group)[m + 1][];
        for (var k = 0; k <= m; k++)
        {
            cost[k] = new double[hi[k] - lo[k] + 1];
            back[k] = new (int, int, bool)[hi[k] - lo[k] + 1];
            Array.Fill(cost[k], double.PositiveInfinity);
        }

        bool Improve(int k, int i, double total, (int K, int Row, bool Group) step)
        {
            if (i < lo[k] || i > hi[k] || !(total < cost[k][i - lo[k]]))
            {
                return false;
            }

            cost[k][i - lo[k]] = total;
            back[k][i - lo[k]] = step;
            return true;
        }

        cost[0][0] = 0;
        for (var i = first; i <= n; i++)
        {
            for (var k = 0; k <= m; k++)
            {
                if (i < lo[k] || i > hi[k])
                {
                    continue;
                }

                var here = cost[k][i - lo[k]];
                if (double.IsPositiveInfinity(here) || i == n)
                {
                    continue;
                }

                Improve(k, i + 1, here + options.UnlabelledCost, (k, i, false));
                if (k == m)
                {
                    continue;
                }

                var center = (labels[k].Top + labels[k].Bottom) / 2;
                var atFragmentTop = Math.Abs(tops[i] - labels[k].Top) / rowHeight;
                var scanned = i + 1;
                for (var end = Math.Max(i + 1, lo[k + 1]); end <= hi[k + 1]; end++)
                {
                    // The top of every part of the group that starts a page, up to this end.
                    for (; scanned < end; scanned++)
                    {
                        if (pages[scanned] != pages[scanned - 1])
                        {
                            atFragmentTop = Math.Min(atFragmentTop, Math.Abs(tops[scanned] - labels[k].Top) / rowHeight);
                        }
                    }

                    // A cell on one page has its text at its middle; a cell a page break cuts, at the top of a part.
                    double placement;
                    if (pages[end - 1] == pages[i])
                    {
                        placement = Math.Abs(((tops[i] + bottoms[end - 1]) / 2) - center) / rowHeight;
                    }
                    else
                    {
                        placement = Math.Min(atFragmentTop, options.MisplacedCost + (Math.Abs(((tops[i] + bottoms[end - 1]) / 2) - center) / rowHeight));
                    }

                    Improve(k + 1, end, here + placement, (k, i, true));
                }
            }
        }

        var starts = new int[m];
        if (double.IsPositiveInfinity(cost[m][n - lo[m]]))
        {
            return [.. near.Select(r => Math.Min(r, n - 1))];
        }

        var (kk, row) = (m, n);
        while (kk > 0)
        {
            var step = back[kk][row - lo[kk]];
            if (step.Group)
            {
                starts[kk - 1] = step.Row;
            }

            (kk, row) = (step.K, step.Row);
        }

        return starts;
    }
}
