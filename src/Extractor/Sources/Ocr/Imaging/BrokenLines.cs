using OpenCvSharp;

namespace Extractor.Sources.Ocr.Imaging;

/// <summary>
/// Rulings a scan broke. A thin line scanned in black and white and then straightened breaks into dashes a
/// pixel or two apart, its rows at different places, and no run of it is as long as the finder's kernel: the
/// cells either side of it are read as one. The ink is bridged a pixel across the line and a few along it and
/// then opened as <see cref="RulingFinder"/> does. Bridging joins other things too — the strokes of a row of
/// characters, noise along the edge of a straightened page — so a piece so found is a line only when it is at
/// least twice the kernel's length, adds to what was found unbridged, keeps a pixel's thickness of ink on
/// average, is not mostly glyphs' ink (<see cref="Standing"/>), has paper on both sides and its ink stands out
/// from that paper. It then takes the place of the pieces of it found unbridged. A hairline printed grey and
/// scanned in black and white is left as dots a few pixels apart, more than that bridging closes: a second,
/// wider bridging finds such lines (<see cref="HairlineGap"/>), keeping the pieces the first found at their place
/// and thickness, and running a line on beyond them, or keeping one found alone, only where it is darker than
/// the paper beside it.
/// </summary>
internal static class BrokenLines
{
    /// <summary>The closing along a line before the opening, in pixels (odd, centred): it bridges gaps of four.</summary>
    public const int Gap = 5;

    /// <summary>The least mean thickness of a broken line, in pixels of ink a pixel of its length.</summary>
    public const double MinThickness = 1.0;

    /// <summary>
    /// The second bridging's closing, for hairlines (<see cref="HairlineMinThickness"/>): it bridges gaps of eight. A
    /// hairline printed grey and scanned in black and white keeps dots of one to three pixels, up to seven apart
    /// (bitonal scans of the family's renderings at 150–200 dpi, blurred and noisy).
    /// </summary>
    public const int HairlineGap = 9;

    /// <summary>
    /// The least mean thickness of a line the second bridging finds, in pixels of ink a pixel of its length: such
    /// hairlines, straightened, measured 0.9–1.8 (the rulings of the same pages 2.1–3.3).
    /// </summary>
    public const double HairlineMinThickness = 0.5;

    /// <summary>
    /// The share of its length a piece may have found already and still be added: bridging closes gaps of a few
    /// pixels, never a row's height where a merged cell has no wall, so a line found in pieces is joined too.
    /// </summary>
    public const double MostFound = 0.99;

    /// <summary>Most ink a line's sides may hold, as a share of a band a few pixels beyond each side.</summary>
    public const double SideInk = 0.2;

    /// <summary>
    /// How much thicker across than a line's mean thickness, in pixels, a piece of ink may be and still be one of its
    /// dashes: a pixel each side. Measured on lines joined by bridging (bitonal and noisy scans, 168–300 dpi, mean
    /// thickness 1.7–3.3), their dashes are 2–3 pixels across; a row of type of 14–17 pixels an em bridged into one
    /// piece is its glyphs, 7–13 pixels across.
    /// </summary>
    public const double Wander = 2;

    /// <summary>
    /// The most of a line's ink that may belong to glyphs (<see cref="Standing"/>): text meets a ruling in places,
    /// while the strokes of a row of figures bridged into one piece are all figures'.
    /// </summary>
    public const double MostStanding = 0.5;

    /// <summary>
    /// A piece of ink at most this many times as long along a line as it is across is a glyph's (<see cref="Standing"/>):
    /// the lines of a grid, joined into one piece where they cross, and text touching a line run far longer.
    /// </summary>
    public const double Compact = 4;

    /// <summary>Adds the lines that only bridging finds, each in place of the pieces of it found already.</summary>
    /// <param name="found">The rulings of one direction the finder found unbridged; the lines bridging finds are added.</param>
    /// <param name="ink">The page's ink mask (ink 255).</param>
    /// <param name="grey">The grey page the mask was made from.</param>
    /// <param name="horizontal">True for lines running left to right.</param>
    /// <param name="kernel">The finder's opening kernel along the lines.</param>
    /// <param name="close">The finder's closing kernel along the lines, applied after the opening.</param>
    /// <param name="maxThickness">The thickest ruling, in pixels.</param>
    public static void Join(List<Ruling> found, Mat ink, Mat grey, bool horizontal, Mat kernel, Mat close, double maxThickness)
    {
        // Both bridgings start from the ink widened a pixel across the lines.
        using var widened = new Mat();
        using (var across = Cv2.GetStructuringElement(MorphShapes.Rect, horizontal ? new Size(1, 3) : new Size(3, 1)))
        {
            Cv2.Dilate(ink, widened, across);
        }

        Join(found, ink, widened, grey, horizontal, kernel, close, Gap, (MinThickness, maxThickness));
        Join(found, ink, widened, grey, horizontal, kernel, close, HairlineGap, (HairlineMinThickness, maxThickness));
    }

    /// <summary>
    /// One bridging of <paramref name="widened"/> (the ink widened a pixel across the lines): gaps of <paramref name="gap"/>
    /// less one closed, lines of a mean thickness within <paramref name="thickness"/> kept.
    /// </summary>
    private static void Join(List<Ruling> found, Mat ink, Mat widened, Mat grey, bool horizontal, Mat kernel, Mat close, int gap, (double Min, double Max) thickness)
    {
        var length = horizontal ? kernel.Cols : kernel.Rows;
        using var mask = new Mat();
        using (var along = Cv2.GetStructuringElement(MorphShapes.Rect, horizontal ? new Size(gap, 1) : new Size(1, gap)))
        {
            Cv2.MorphologyEx(widened, mask, MorphTypes.Close, along);
        }

        Cv2.MorphologyEx(mask, mask, MorphTypes.Open, kernel);
        Cv2.MorphologyEx(mask, mask, MorphTypes.Close, close);
        Cv2.FindContours(mask, out var outlines, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        foreach (var outline in outlines)
        {
            var box = Cv2.BoundingRect(outline);
            var (from, to, near, far) = horizontal ? (box.X, box.Right - 1, box.Y, box.Bottom) : (box.Y, box.Bottom - 1, box.X, box.Right);
            if (to - from + 1 < 2 * length)
            {
                continue;
            }

            var pieces = found.Where(r => r.At >= near - 1 && r.At <= far && r.To >= from && r.From <= to).ToList();
            if (Covered(pieces, from, to) > MostFound * (to - from + 1) || !ClearSides(ink, box, horizontal) || !RulingFinder.StandsOut(ink, grey, box, horizontal))
            {
                continue;
            }

            if (RulingFinder.Measure(outline, box, horizontal, mask, ink) is { } line && line.Thickness >= thickness.Min && line.Thickness <= thickness.Max
                && Standing(ink, box, horizontal, line.Thickness) <= MostStanding)
            {
                if (gap > Gap)
                {
                    // Bridged this widely, a line runs on into a noisy scan's specks, and specks join into lines of
                    // their own. Where the first bridging found pieces of it, the line is theirs with the gaps between
                    // them closed, its place and thickness theirs, and it runs on beyond them only as far as it is as
                    // much darker than the paper beside it as a ruling's ink is. Where it found none, its ends are
                    // taken back to where a kernel's length of it is darker than that paper, and the whole line must be
                    // as dark as a ruling's ink.
                    if (pieces.Count > 0)
                    {
                        line = Joined(ink, grey, line, pieces);
                    }
                    else
                    {
                        var (start, end) = DarkEnds(grey, line, length, gap);
                        if (end - start + 1 < 2 * length || Contrast(grey, line, start, end) < RulingFinder.MinContrast)
                        {
                            continue;
                        }

                        line = line with { From = start, To = end };
                    }
                }
                else if (pieces.Count > 0)
                {
                    // Bridging joins noise to a line's ends too: beyond the pieces found unbridged, an end is kept only
                    // where it holds as much ink as a line (a wall's end is where a cut row's other walls end).
                    var (first, last) = (pieces.Min(p => p.From), pieces.Max(p => p.To));
                    line = line with
                    {
                        From = first > line.From && Thickness(mask, ink, box, horizontal, line.From, first - 1) < thickness.Min ? first : line.From,
                        To = last < line.To && Thickness(mask, ink, box, horizontal, last + 1, line.To) < thickness.Min ? last : line.To,
                    };
                }

                found.RemoveAll(pieces.Contains);
                found.Add(line);
            }
        }
    }

    /// <summary>
    /// The pieces of <paramref name="line"/> the first bridging found, as one line: from the first to the last, at their
    /// place and of their thickness (each weighed by its length), run on beyond them to where <paramref name="line"/>
    /// ends only where that stretch is as much darker than the paper beside it as a ruling's ink is and that paper is
    /// clear (<see cref="ClearSides"/>): a glyph's upright stroke met on the way is dark too, but has the rest of its
    /// glyph beside it (a wall run on through 预期目标 below it had cut the goals' header in two).
    /// </summary>
    private static Ruling Joined(Mat ink, Mat grey, Ruling line, List<Ruling> pieces)
    {
        var (first, last) = (pieces.Min(p => p.From), pieces.Max(p => p.To));
        var weight = pieces.Sum(p => (double)p.Length);
        var joined = line with
        {
            At = pieces.Sum(p => p.At * p.Length) / weight,
            Thickness = pieces.Sum(p => p.Thickness * p.Length) / weight,
        };
        bool Runs(int from, int to) => Contrast(grey, joined, from, to) >= RulingFinder.MinContrast && ClearSides(ink, Band(joined, from, to), joined.IsHorizontal);
        return joined with
        {
            From = first > line.From && Runs(line.From, first - 1) ? line.From : first,
            To = last < line.To && Runs(last + 1, line.To) ? line.To : last,
        };
    }

    /// <summary>
    /// How much darker than the darker of its sides, in grey levels, a stretch of a hairline two pixels wide must be to
    /// be part of it: its dots take a quarter to a half of the stretch, a noisy scan's specks as much of either side
    /// (a table's faint outer wall found by the wide bridging had run 150 pixels on into the noise below the table).
    /// </summary>
    public const double HairlineContrast = 12;

    /// <summary>
    /// The first and last places of <paramref name="line"/>, in steps of <paramref name="step"/>, from which a stretch
    /// <paramref name="window"/> long is darker than the paper beside it (<see cref="HairlineContrast"/>).
    /// </summary>
    private static (int From, int To) DarkEnds(Mat grey, Ruling line, int window, int step)
    {
        var start = line.From;
        while (start + window - 1 <= line.To && Contrast(grey, line, start, start + window - 1) < HairlineContrast)
        {
            start += step;
        }

        var end = line.To;
        while (end - window + 1 >= start && Contrast(grey, line, end - window + 1, end) < HairlineContrast)
        {
            end -= step;
        }

        return (start, end);
    }

    /// <summary>The band two pixels wide along <paramref name="line"/> from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static Rect Band(Ruling line, int from, int to)
    {
        var across = (int)Math.Floor(line.At - 0.5);
        return line.IsHorizontal ? new Rect(from, across, to - from + 1, 2) : new Rect(across, from, 2, to - from + 1);
    }

    /// <summary>
    /// How much darker, in grey levels, a band two pixels wide along <paramref name="line"/> from <paramref name="from"/>
    /// to <paramref name="to"/> is than the darker of the bands beside it (<see cref="RulingFinder.Sides"/>).
    /// </summary>
    private static double Contrast(Mat grey, Ruling line, int from, int to)
    {
        var page = new Rect(0, 0, grey.Cols, grey.Rows);
        var stretch = Band(line, from, to) & page;
        if (stretch.Width <= 0 || stretch.Height <= 0)
        {
            return 0;
        }

        using var part = new Mat(grey, stretch);
        var sides = RulingFinder.Sides(stretch, line.IsHorizontal, page.Size).Select(side =>
        {
            using var beside = new Mat(grey, side);
            return Cv2.Mean(beside).Val0;
        }).ToList();
        return sides.Count == 0 ? 0 : sides.Min() - Cv2.Mean(part).Val0;
    }

    /// <summary>The mean thickness of a piece's ink from <paramref name="from"/> to <paramref name="to"/> along it.</summary>
    private static double Thickness(Mat mask, Mat ink, Rect box, bool horizontal, int from, int to)
    {
        var stretch = horizontal ? new Rect(from, box.Y, to - from + 1, box.Height) : new Rect(box.X, from, box.Width, to - from + 1);
        using var part = new Mat(mask, stretch);
        using var inked = new Mat(ink, stretch);
        using var both = new Mat();
        Cv2.BitwiseAnd(part, inked, both);
        return (double)Cv2.CountNonZero(both) / (to - from + 1);
    }

    /// <summary>
    /// The share of the ink in <paramref name="box"/> that belongs to glyphs: pieces of ink more than <see cref="Wander"/>
    /// pixels thicker across than a line of mean thickness <paramref name="thickness"/> and compact (<see cref="Compact"/>),
    /// each looked at as far beyond the box again as the box is thick (four pixels at least). A broken line's dashes
    /// are as thick as the line, and where it meets the grid or text, one long piece with them; where bridging joins
    /// a row of figures or characters, the ink is theirs. A piece crossing the whole window is a ruling of the other
    /// direction, with the dashes joined to it at the crossing, not a glyph: seen through the window, a thin grid's
    /// crossing is as compact as a character (a dotted wall of a bitonal scan at 150 dpi, its crossings a quarter or
    /// more of its ink, had measured as glyphs'); a glyph of a row bridged whole stands within the row.
    /// </summary>
    internal static double Standing(Mat ink, Rect box, bool horizontal, double thickness)
    {
        var reach = Math.Max(4, horizontal ? box.Height : box.Width);
        var window = (horizontal ? new Rect(box.X, box.Y - reach, box.Width, box.Height + (2 * reach)) : new Rect(box.X - reach, box.Y, box.Width + (2 * reach), box.Height))
            & new Rect(0, 0, ink.Cols, ink.Rows);
        using var part = new Mat(ink, window);
        using var labels = new Mat();
        var span = horizontal ? window.Height : window.Width;
        bool[] thick = [false, .. InkComponents.Of(part, labels).Select(piece =>
        {
            var (along, across) = horizontal ? (piece.Box.Width, piece.Box.Height) : (piece.Box.Height, piece.Box.Width);
            return across > thickness + Wander && along <= Compact * across && across < span;
        })];

        // The ink inside the box counted by the piece it belongs to: a wall crossing a line is a tall piece, but only
        // its crossing lies in the box.
        var (all, standing) = (0, 0);
        var (top, left) = (box.Y - window.Y, box.X - window.X);
        for (var y = top; y < top + box.Height; y++)
        {
            for (var x = left; x < left + box.Width; x++)
            {
                var label = labels.At<int>(y, x);
                all += label > 0 ? 1 : 0;
                standing += thick[label] ? 1 : 0;
            }
        }

        return all == 0 ? 0 : (double)standing / all;
    }

    /// <summary>How much of <paramref name="from"/>…<paramref name="to"/> the pieces cover, in pixels.</summary>
    private static int Covered(List<Ruling> pieces, int from, int to)
    {
        var covered = 0;
        var end = from - 1;
        foreach (var piece in pieces.OrderBy(p => p.From))
        {
            var start = Math.Max(piece.From, end + 1);
            var stop = Math.Min(piece.To, to);
            if (stop >= start)
            {
                covered += stop - start + 1;
                end = stop;
            }
        }

        return covered;
    }

    /// <summary>
    /// Whether a piece has paper on both sides along its length, as a ruling has (text meets it in places):
    /// bridged strokes of a row of characters have the rest of the characters above and below them.
    /// </summary>
    private static bool ClearSides(Mat ink, Rect box, bool horizontal)
    {
        var sides = RulingFinder.Sides(box, horizontal, new Size(ink.Cols, ink.Rows)).ToList();
        return sides.Count == 2 && sides.All(side =>
        {
            using var part = new Mat(ink, side);
            return Cv2.CountNonZero(part) <= SideInk * side.Width * side.Height;
        });
    }
}
