using Extractor.Sources.Ocr.Imaging;
using OpenCvSharp;

namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// Drops the detected lines whose ink is far fainter than the page's text: the print of a thin sheet's back
/// showing through it, mirrored; a light stain; what is left of a coloured stamp once its colour is taken out
/// (<see cref="Imaging.SealInk"/>). A line's ink is measured as how far its darkest pixels lie under its own
/// paper (its lightest), so a page lit unevenly, printed light or on grey paper keeps every line: the reference is the page's
/// own lines.
/// </summary>
internal static class FaintLines
{
    /// <summary>
    /// A line whose ink lies less than this share as far under its paper as the page's reference line does is
    /// dropped. Print showing through from a sheet's back measured a fifth of the text's depth; text in the
    /// shadow of a bound report's spine, half of it.
    /// </summary>
    public const double Share = 0.3;

    /// <summary>
    /// The reference is this quantile of the lines' depths: not their median, which a back printed as densely as
    /// the front would bring down to the faint lines' own.
    /// </summary>
    public const double ReferenceQuantile = 0.75;

    /// <summary>The share of a line's box taken as its ink: its darkest pixels (a thin slash or dash alone in its box is a few hundredths of it).</summary>
    public const double InkShare = 0.01;

    /// <summary>
    /// The share of a line's box taken as its paper: its lightest pixels. Not the median: a tight box round a
    /// bold number is more than half ink.
    /// </summary>
    public const double PaperShare = 0.1;

    /// <summary>Fewest lines a page needs for a reference: a page of a few lines has no majority to go by.</summary>
    public const int MinLines = 8;

    /// <summary>The lines of <paramref name="regions"/> (detected on <paramref name="grey"/>) that are not faint.</summary>
    public static IReadOnlyList<TextRegion> Without(Mat grey, IReadOnlyList<TextRegion> regions)
    {
        ArgumentNullException.ThrowIfNull(grey);
        ArgumentNullException.ThrowIfNull(regions);
        if (regions.Count < MinLines)
        {
            return regions;
        }

        var depths = regions.Select(r => Depth(grey, r.Quad.Bounds)).ToList();
        var measured = depths.OfType<double>().Order().ToList();
        if (measured.Count < MinLines)
        {
            return regions;
        }

        var reference = measured[(int)Math.Round(ReferenceQuantile * (measured.Count - 1))];
        return [.. regions.Where((_, i) => depths[i] is not { } depth || depth >= Share * reference)];
    }

    /// <summary>How many grey levels the darkest pixels of <paramref name="bounds"/> (<see cref="InkShare"/>) lie under its lightest (<see cref="PaperShare"/>, its paper), or null for a box of a pixel or two.</summary>
    internal static double? Depth(Mat grey, Rect2f bounds)
    {
        var page = new Rect(0, 0, grey.Cols, grey.Rows);
        var left = (int)Math.Floor(bounds.Left);
        var top = (int)Math.Floor(bounds.Top);
        var box = new Rect(left, top, (int)Math.Ceiling(bounds.Right) - left, (int)Math.Ceiling(bounds.Bottom) - top) & page;
        if (box.Width < 3 || box.Height < 3)
        {
            return null;
        }

        using var part = new Mat(grey, box);
        var counts = GreyLevels.Count(part);
        var (ink, paper) = (GreyLevels.Quantile(counts, InkShare), GreyLevels.Quantile(counts, 1 - PaperShare));
        return paper - ink;
    }
}
