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
/// from that paper. It then takes the place of the pieces of it found unbridged.
/// </summary>
internal static class BrokenLines
{
    /// <summary>The closing along a line before the opening, in pixels (odd, centred): it bridges gaps of four.</summary>
    public const int Gap = 5;

    /// <summary>The least mean thickness of a broken line, in pixels of ink a pixel of its length.</summary>
    public const double MinThickness = 1.0;

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
        var length = horizontal ? kernel.Cols : kernel.Rows;
        using var mask = new Mat();
        using (var across = Cv2.GetStructuringElement(MorphShapes.Rect, horizontal ? new Size(1, 3) : new Size(3, 1)))
        using (var along = Cv2.GetStructuringElement(MorphShapes.Rect, horizontal ? new Size(Gap, 1) : new Size(1, Gap)))
        {
            Cv2.Dilate(ink, mask, across);
            Cv2.MorphologyEx(mask, mask, MorphTypes.Close, along);
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

            if (RulingFinder.Measure(outline, box, horizontal, mask, ink) is { } line && line.Thickness >= MinThickness && line.Thickness <= maxThickness
                && Standing(ink, box, horizontal, line.Thickness) <= MostStanding)
            {
                // Bridging joins noise to a line's ends too: beyond the pieces found unbridged, an end is kept only
                // where it holds as much ink as a line (a wall's end is where a cut row's other walls end).
                if (pieces.Count > 0)
                {
                    var (first, last) = (pieces.Min(p => p.From), pieces.Max(p => p.To));
                    line = line with
                    {
                        From = first > line.From && Thickness(mask, ink, box, horizontal, line.From, first - 1) < MinThickness ? first : line.From,
                        To = last < line.To && Thickness(mask, ink, box, horizontal, last + 1, line.To) < MinThickness ? last : line.To,
                    };
                }

                found.RemoveAll(pieces.Contains);
                found.Add(line);
            }
        }
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
