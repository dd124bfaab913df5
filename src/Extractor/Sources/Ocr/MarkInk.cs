using Extractor.Sources.Ocr.Imaging;
using Extractor.Sources.Ocr.Paddle;
using OpenCvSharp;

namespace Extractor.Sources.Ocr;

/// <summary>
/// The blank round a punctuation mark, measured in the page's ink rather than from where the recogniser
/// placed the characters (to about a quarter of an em): the paper left of the mark's ink up to its
/// neighbour's and right of it up to the next one's. A full-width mark stands in an em of its own, so the
/// blank round its ink is most of an em wherever in that em the font sets it (a Chinese colon at the left,
/// an opening bracket at the right); a half-width one leaves a quarter to half of one.
/// </summary>
internal static class MarkInk
{
    /// <summary>
    /// The blank round mark <paramref name="i"/> of <paramref name="line"/> in ems of <paramref name="em"/>
    /// pixels, or null when the ink does not show it plainly: the line not level, no neighbour on a side, no
    /// narrow piece of ink near where the mark was read, or no ink beyond the blank on a side before the
    /// neighbour's middle.
    /// </summary>
    public static double? Blank(Mat ink, OcrLine line, int i, double em)
    {
        ArgumentNullException.ThrowIfNull(ink);
        ArgumentNullException.ThrowIfNull(line);
        var characters = line.Characters;
        if (i <= 0 || i >= characters.Length - 1 || em < 6)
        {
            return null;
        }

        var quad = line.Quad;
        var (top, bottom) = (Math.Min(quad.TopLeft.Y, quad.TopRight.Y), Math.Max(quad.BottomLeft.Y, quad.BottomRight.Y));
        if (!IsLevel(quad) || bottom - top < 0.5 * em)
        {
            return null;
        }

        var (from, to) = ((int)Math.Round(characters[i - 1].Centre.X), (int)Math.Round(characters[i + 1].Centre.X));
        var rect = new Rect(from, (int)Math.Floor(top), to - from, (int)Math.Ceiling(bottom - top)) & new Rect(0, 0, ink.Cols, ink.Rows);
        if (rect.Width < em || rect.Width > 4 * em || rect.Height < 4)
        {
            return null;
        }

        // The mark's ink: the run of inked columns with blank on both sides nearest where it was read, and narrow.
        var inked = InkedColumns(ink, rect, em);
        if (NearestRun(inked, characters[i].Centre.X - rect.X, MaxMarkWidth * em, MaxShift * em) is not { } found)
        {
            return null;
        }

        // Blank up to the window's edge: the neighbour's ink does not reach its middle there, and the blank is not all the mark's.
        return PaperBefore(inked, found.Start) is { } left && PaperAfter(inked, found.End) is { } right ? (left + right) / em : null;
    }

    /// <summary>
    /// The left and right edges, in page pixels, of the ink inside <paramref name="box"/> that is no speck
    /// (<see cref="SpeckDivisor"/>), or null when there is none.
    /// </summary>
    public static (int Left, int Right)? Span(Mat ink, OpenCvSharp.Rect2f box, double em)
    {
        ArgumentNullException.ThrowIfNull(ink);
        var rect = PixelRect.Of(box) & new Rect(0, 0, ink.Cols, ink.Rows);
        if (rect.Width < 2 || rect.Height < 2)
        {
            return null;
        }

        var pieces = Pieces(ink, rect, em);
        return pieces.Count == 0 ? null : (rect.X + pieces.Min(p => p.Left), rect.X + pieces.Max(p => p.Right));
    }

    /// <summary>Whether a line's box runs level: its top edge rises or falls at most a tenth of its length.</summary>
    internal static bool IsLevel(Quad quad) => Math.Abs(quad.TopRight.Y - quad.TopLeft.Y) <= 0.1 * Math.Abs(quad.TopRight.X - quad.TopLeft.X);

    /// <summary>The blank columns from <paramref name="end"/> to the next inked one, or null when there is no ink after it.</summary>
    internal static int? PaperAfter(bool[] inked, int end)
    {
        var after = end;
        while (after < inked.Length && !inked[after])
        {
            after++;
        }

        return after < inked.Length ? after - end : null;
    }

    /// <summary>The blank columns before <paramref name="start"/> back to the last inked one, or null when there is no ink before it.</summary>
    internal static int? PaperBefore(bool[] inked, int start)
    {
        var before = start - 1;
        while (before >= 0 && !inked[before])
        {
            before--;
        }

        return before >= 0 ? start - before - 1 : null;
    }

    /// <summary>Which columns of <paramref name="rect"/> its ink stands in, specks (<see cref="SpeckDivisor"/>) left out.</summary>
    internal static bool[] InkedColumns(Mat ink, Rect rect, double em)
    {
        var inked = new bool[rect.Width];
        foreach (var piece in Pieces(ink, rect, em))
        {
            Array.Fill(inked, true, piece.X, piece.Width);
        }

        return inked;
    }

    /// <summary>
    /// The run of inked columns with blank on both sides whose middle is nearest <paramref name="at"/>, at most
    /// <paramref name="widest"/> columns wide and <paramref name="farthest"/> from it; null when there is none.
    /// </summary>
    internal static (int Start, int End)? NearestRun(bool[] inked, double at, double widest, double farthest)
    {
        ArgumentNullException.ThrowIfNull(inked);
        (int Start, int End)? nearest = null;
        var best = double.MaxValue;
        for (var x = 0; x < inked.Length;)
        {
            if (!inked[x])
            {
                x++;
                continue;
            }

            var start = x;
            while (x < inked.Length && inked[x])
            {
                x++;
            }

            var distance = Math.Abs(((start + x) / 2.0) - at);
            if (start > 0 && x < inked.Length && x - start <= widest && distance <= farthest && distance < best)
            {
                (nearest, best) = ((start, x), distance);
            }
        }

        return nearest;
    }

    /// <summary>The boxes, in <paramref name="rect"/>'s pixels, of its pieces of ink that are no speck (<see cref="SpeckDivisor"/>).</summary>
    private static List<Rect> Pieces(Mat ink, Rect rect, double em)
    {
        var speck = Math.Max(2, em * em / SpeckDivisor);
        using var window = new Mat(ink, rect);
        return [.. InkComponents.Of(window).Where(p => p.Area >= speck).Select(p => p.Box)];
    }

    /// <summary>A piece of ink under an em squared over this many pixels is a speck.</summary>
    internal const double SpeckDivisor = 200;

    /// <summary>The widest a mark's ink is, in ems (a slash, a bracket and a comma are narrower).</summary>
    internal const double MaxMarkWidth = 0.5;

    /// <summary>The farthest a mark's ink stands from where the recogniser placed it, in ems.</summary>
    internal const double MaxShift = 0.4;
}
