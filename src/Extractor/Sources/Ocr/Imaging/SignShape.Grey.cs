using OpenCvSharp;

namespace Extractor.Sources.Ocr.Imaging;

/// <summary>The grey image's say in a sign's reading: a bar a blur ran into an arm, bars the ink mask ran together.</summary>
internal static partial class SignShape
{
    /// <summary>
    /// The darkness of a chevron's grey image below its point over the darkness above it: about 1 for a chevron
    /// alone (or a bracket read as one), more with a bar joined to its lower arm. Darkness (the paper's grey less the pixel's) is what
    /// a blur spreads but does not take away, so a bar that a heavy blur has merged into the lower arm of a ⩾
    /// — one thick arm in the ink mask — still weighs as much as the arm.
    /// </summary>
    private static double DarknessBelow(Mat grey, Rect chevron, int pointRow, double lineHeight)
    {
        var margin = Math.Max(2, (int)Math.Round(lineHeight / 8));
        var window = new Rect(chevron.X - margin, chevron.Y - margin, chevron.Width + (2 * margin), chevron.Height + (2 * margin)) & new Rect(0, 0, grey.Cols, grey.Rows);
        if (window.Width < 3 || window.Height < 3 || grey.Type() != MatType.CV_8UC1)
        {
            return 0;
        }

        using var part = new Mat(grey, window);
        var values = new byte[window.Width * window.Height];
        var at = 0;
        for (var y = 0; y < window.Height; y++)
        {
            for (var x = 0; x < window.Width; x++)
            {
                values[at++] = part.At<byte>(y, x);
            }
        }

        // The paper: the lighter tenth of the window (a sign's ink covers far less than nine tenths of it).
        var sorted = values.Order().ToArray();
        var paper = sorted[(int)(0.9 * (sorted.Length - 1))];
        var split = chevron.Y + pointRow - window.Y;
        double above = 0, below = 0;
        for (var y = 0; y < window.Height; y++)
        {
            for (var x = 0; x < window.Width; x++)
            {
                var dark = Math.Max(0, paper - values[(y * window.Width) + x]);
                if (y < split)
                {
                    above += dark;
                }
                else if (y > split)
                {
                    below += dark;
                }
            }
        }

        return below / Math.Max(1, above);
    }

    /// <summary>
    /// The darkness below a chevron's point over that above it beyond which a bar is joined to its lower arm:
    /// on the scanned fixtures and the sweep's scans a printed &gt;, &lt; or ) measures 0.7–1.1, a ⩾ whose bar
    /// a blur has merged into its lower arm 1.33–1.40, one with its bar apart 1.5–2.5.
    /// </summary>
    private const double DarkBelowWithBar = 1.2;

    /// <summary>
    /// Whether a single piece of ink is shaped as a small = run together: at least as wide as high, under half a
    /// line high and at most a character wide.
    /// </summary>
    private static bool IsLowBlock(Rect box, double lineHeight) =>
        box.Width >= box.Height && box.Height >= 3 && box.Height < lineHeight / 2 && box.Width <= 1.3 * lineHeight;

    /// <summary>
    /// Whether the grey of <paramref name="box"/> (page pixels, a row above and below it added) holds two level
    /// bars: its rows' darkness (255 less the grey), over the middle half of its width, rises to two peaks at
    /// least two rows apart, each at least <see cref="MinBarDarkness"/> and the fainter at least half the darker,
    /// with a row between them lighter than <see cref="BarGap"/> of the fainter. A dash, a blot or a digit
    /// darkens its rows evenly or in one run.
    /// </summary>
    internal static bool TwoBarsInGrey(Mat grey, Rect box)
    {
        var window = new Rect(box.X + (box.Width / 4), box.Y - 1, Math.Max(1, box.Width / 2), box.Height + 2) & new Rect(0, 0, grey.Cols, grey.Rows);
        if (window.Height < 4 || grey.Type() != MatType.CV_8UC1)
        {
            return false;
        }

        using var part = new Mat(grey, window);
        using var rows = new Mat();
        Cv2.Reduce(part, rows, ReduceDimension.Column, ReduceTypes.Avg, MatType.CV_64F);
        var darkness = Enumerable.Range(0, window.Height).Select(y => 255 - rows.At<double>(y, 0)).ToArray();

        // The darkest row, then the darkest at least two rows from it: the two bars if there are two.
        var first = Array.IndexOf(darkness, darkness.Max());
        var second = -1;
        for (var y = 0; y < darkness.Length; y++)
        {
            if (Math.Abs(y - first) >= 2 && (second < 0 || darkness[y] > darkness[second]))
            {
                second = y;
            }
        }

        if (second < 0)
        {
            return false;
        }

        // Both bars dark, and alike: a dash (one dark row beside the paper) or grain (rows a little darker than
        // the paper) has no second bar.
        var (upper, lower) = first < second ? (first, second) : (second, first);
        var fainter = Math.Min(darkness[upper], darkness[lower]);
        if (fainter < MinBarDarkness || fainter < 0.5 * darkness[first])
        {
            return false;
        }

        var gap = Enumerable.Range(upper + 1, lower - upper - 1).Min(y => darkness[y]);
        return gap < BarGap * fainter;
    }

    /// <summary>How much darker than white (grey levels) each bar's rows must be: a grainy scan's clumps darken theirs 20–25.</summary>
    private const double MinBarDarkness = 50;

    /// <summary>
    /// How light, against the fainter bar, the paper between the bars of a small = must stay: at 200 dpi the
    /// two bars of a 9-point ﹦ darkened their rows 105–110 grey levels and the row between them 66 (0.63).
    /// </summary>
    private const double BarGap = 0.75;
}
