using Extractor.Sources.Ocr.Imaging;
using Extractor.Sources.Ocr.Paddle;
using OpenCvSharp;

namespace Extractor.Sources.Ocr;

/// <summary>
/// Text the detector did not box: runs of character-sized ink that no detected line covers. The detector
/// misses a lone short figure (a score's 5 in a column without rulings) and, on a grainy scan, now and then a
/// whole line of a wrapped paragraph; the ink is there. Each run becomes a region to read as the detector's
/// are; what it reads is kept only when the recogniser is sure of it (<see cref="MinConfidence"/>), so that a
/// blot, a signature or the remains of a seal adds nothing.
/// </summary>
internal static class UndetectedInk
{
    /// <summary>A run read with less confidence than this is dropped: it was not boxed as text, so the reading must vouch for it.</summary>
    public const float MinConfidence = 0.8f;

    /// <summary>Most runs taken from one page: a page of blots is not read blot by blot.</summary>
    public const int MaxRuns = 200;

    /// <summary>
    /// Regions round the runs of ink in <paramref name="ink"/> (255 ink, rulings erased) that no box of
    /// <paramref name="covered"/> touches, grown by a margin; in page order (top to bottom, then left to right).
    /// A run is pieces of ink side by side on a line, each from a third to one and a half lines high, three
    /// pixels to two lines wide (what erasing a ruling leaves along it is thinner), not a thin upright stroke
    /// a line high, no more than a line apart, away from the image's edges; it holds one piece at least half a
    /// line high. Given the page's grey <paramref name="grey"/>, a run's ink is at least <see cref="MinDarkness"/>
    /// as dark as the detected lines' ink.
    /// </summary>
    public static IReadOnlyList<TextRegion> Find(Mat ink, IReadOnlyList<Rect2f> covered, double lineHeight, Mat? grey = null)
    {
        ArgumentNullException.ThrowIfNull(ink);
        ArgumentNullException.ThrowIfNull(covered);
        if (lineHeight <= 0 || ink.Empty())
        {
            return [];
        }

        var usableGrey = grey is not null && grey.Type() == MatType.CV_8UC1 && grey.Size() == ink.Size() ? grey : null;
        var paper = usableGrey is null ? 0 : GreyLevels.Paper(usableGrey);
        var textDarkness = usableGrey is null ? null : TextDarkness(ink, usableGrey, covered, paper);

        var (cols, rows) = (ink.Cols, ink.Rows);
        var margin = Math.Max(2, 0.15 * lineHeight);
        var grown = covered.Select(box => new Rect2f((float)(box.Left - margin), (float)(box.Top - margin), (float)(box.Width + (2 * margin)), (float)(box.Height + (2 * margin)))).ToList();
        var speck = Math.Max(3, lineHeight * lineHeight / 200);
        var pieces = new List<Rect>();
        foreach (var (box, area) in Pieces(ink, lineHeight))
        {
            if (area < speck || box.Width < 3 || box.Height < lineHeight / 3 || box.Height > 1.5 * lineHeight || box.Width > 2 * lineHeight
                || box.X <= 0 || box.Y <= 0 || box.Right >= cols || box.Bottom >= rows)
            {
                continue;
            }

            // A thin upright stroke a line high is a ruling too short for the ruling finder (the stubs of a row
            // that a page break cut from its table), not a 1 or an l, which stand lower.
            if (box.Width <= lineHeight / 6 && box.Height >= 0.8 * lineHeight)
            {
                continue;
            }

            if (!grown.Any(g => g.Left < box.Right && g.Right > box.Left && g.Top < box.Bottom && g.Bottom > box.Top))
            {
                pieces.Add(box);
            }
        }

        var page = new Rect2f(0, 0, cols, rows);
        return [.. Runs(pieces, lineHeight)
            .Where(run => pieces.Any(p => p.Height >= lineHeight / 2 && (run & p) == p))
            .Where(run => textDarkness is not { } text || (InkComponents.MeanGrey(ink, usableGrey!, run) is { } mean && paper - mean >= MinDarkness * text))
            .OrderBy(run => run.Y).ThenBy(run => run.X)
            .Take(MaxRuns)
            .Select(run => new TextRegion(Quad.FromRect(ScanCells.DetectorBox(run, page, lineHeight)), 0))];
    }

    /// <summary>
    /// The pieces of ink (their boxes and pixel counts) that fit in two lines' height, found a band of rows at a
    /// time: the labels of a whole 200-dpi page are 16 MB, held twice when two conversions run. Bands overlap by
    /// two lines; a piece is taken from the band whose rows after its first and through its last row of
    /// overlap its top row lies in (the first band from its first row), and only when the band holds it whole.
    /// </summary>
    private static IEnumerable<(Rect Box, int Area)> Pieces(Mat ink, double lineHeight)
    {
        var (cols, rows) = (ink.Cols, ink.Rows);
        var overlap = (int)Math.Ceiling(2 * lineHeight);
        var height = Math.Max(BandRows, 2 * overlap);
        var step = height - overlap;
        for (var top = 0; top < rows; top += step)
        {
            var band = new Rect(0, top, cols, Math.Min(height, rows - top));
            var last = band.Bottom == rows;
            using var window = new Mat(ink, band);
            foreach (var (box, area) in InkComponents.Of(window))
            {
                var mine = (top == 0 || box.Y > 0) && box.Y <= step;
                if (mine && (box.Bottom < band.Height || last))
                {
                    yield return (new Rect(box.X, box.Y + top, box.Width, box.Height), area);
                }
            }

            if (last)
            {
                yield break;
            }
        }
    }

    /// <summary>Rows of ink labelled at a time (<see cref="Pieces"/>).</summary>
    private const int BandRows = 256;

    /// <summary>
    /// How dark a run's ink must be, against the page's text (<see cref="TextDarkness"/>): what is left of a
    /// red seal in the grey page (its red channel, 25–40 grey levels under the paper) is ink to the adaptive
    /// threshold, and a piece of its ring is read as 0 surely; printed text is 120–190 levels under it.
    /// </summary>
    public const double MinDarkness = 0.5;

    /// <summary>
    /// The darkness of the page's printed text: the paper's grey less the median, over the detected lines
    /// (sixty of them at most, spread over the page), of their ink's mean grey; null without a line with ink.
    /// </summary>
    private static double? TextDarkness(Mat ink, Mat grey, IReadOnlyList<Rect2f> lines, double paper)
    {
        var means = new List<double>();
        var step = Math.Max(1, lines.Count / 60);
        for (var i = 0; i < lines.Count; i += step)
        {
            var box = lines[i];
            var rect = new Rect((int)box.Left, (int)box.Top, (int)box.Width, (int)box.Height) & new Rect(0, 0, ink.Cols, ink.Rows);
            if (InkComponents.MeanGrey(ink, grey, rect) is { } mean)
            {
                means.Add(mean);
            }
        }

        return means.Count == 0 ? null : paper - FreeGlyphs.Median(means);
    }

    /// <summary>The pieces joined into runs: two pieces are of one run when they share half the lower one's height and stand at most a line apart.</summary>
    private static List<Rect> Runs(List<Rect> pieces, double lineHeight)
    {
        var ordered = pieces.OrderBy(p => p.X).ToList();
        var runs = new List<Rect>();
        var taken = new bool[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            if (taken[i])
            {
                continue;
            }

            var run = ordered[i];
            taken[i] = true;
            for (var j = i + 1; j < ordered.Count; j++)
            {
                var next = ordered[j];
                if (next.X - run.Right > lineHeight)
                {
                    // Sorted by their left edges: every piece after this one stands further off still, and the
                    // run cannot grow towards them.
                    break;
                }

                var shared = Math.Min(run.Bottom, next.Bottom) - Math.Max(run.Top, next.Top);
                if (!taken[j] && shared >= 0.5 * Math.Min(run.Height, next.Height))
                {
                    run |= next;
                    taken[j] = true;
                }
            }

            runs.Add(run);
        }

        return runs;
    }
}
