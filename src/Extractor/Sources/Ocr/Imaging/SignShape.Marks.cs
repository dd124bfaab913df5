using OpenCvSharp;

namespace Extractor.Sources.Ocr.Imaging;

/// <summary>
/// The marks a cell holds alone that are no comparison sign: a dash or a slash (nothing to report) and a
/// digit 0, each told from the shape of its ink where the recogniser, reading one mark with nothing beside it,
/// is unsure.
/// </summary>
internal static partial class SignShape
{
    /// <summary>
    /// Whether the ink of <paramref name="area"/> is one level dash alone: a single bar, lower than a quarter of
    /// a line and at least a third of one long. Read alone, the recogniser takes a cell's — (nothing to report)
    /// for a 1 as often as not; no digit is a flat bar.
    /// </summary>
    public static bool IsDash(Mat ink, Rect area, double lineHeight)
    {
        return PartsIn(ink, ref area, lineHeight) is [{ IsBar: true } bar] && bar.Box.Height <= lineHeight / 4 && bar.Box.Width >= lineHeight / 3;
    }

    /// <summary>
    /// The comparison <paramref name="area"/>'s ink spells in two characters, &gt;= or &lt;= (a chevron with an =
    /// beside it, right of its middle and within its height), or null. Offices typing in a spreadsheet write
    /// &gt;= as often as ≥; in a narrow 指标性质 column the pair stands close to the walls and the recogniser reads
    /// nothing of it, or the = alone.
    /// </summary>
    public static string? ReadPair(Mat ink, Rect area, double lineHeight)
    {
        var parts = PartsIn(ink, ref area, lineHeight).Where(p => p.IsBar || CharacterSized(p, lineHeight)).ToList();
        if (parts is not [_, _, _] || parts.Where(p => p.IsBar).ToList() is not [var upper, var lower] || parts.SingleOrDefault(p => !p.IsBar) is not { } chevron
            || !Stacked(upper.Box, lower.Box))
        {
            return null;
        }

        var (mark, bars) = (chevron.Box, upper.Box | lower.Box);
        var union = mark | bars;
        if (bars.Left < mark.Left + (mark.Width / 2) || bars.Top < mark.Top - (mark.Height / 4) || bars.Bottom > mark.Bottom + (mark.Height / 4)
            || mark.Height < lineHeight / 4 || union.Height > 1.3 * lineHeight || union.Width > 2 * lineHeight)
        {
            return null;
        }

        using var window = new Mat(ink, area);
        using var piece = new Mat(window, mark);
        return Point(piece).Right switch
        {
            true => ">=",
            false => "<=",
            null => null,
        };
    }

    /// <summary>
    /// Whether the ink of <paramref name="area"/> is one slash alone: a single stroke at least a third of a line
    /// high, slanted from its foot on the left to its top on the right, a stroke's width across on every row.
    /// A form's cell with nothing to report often holds only /, which the recogniser, reading it alone, takes
    /// for ~, 1 or nothing as often as for /.
    /// </summary>
    public static bool IsSlash(Mat ink, Rect area, double lineHeight)
    {
        if (PartsIn(ink, ref area, lineHeight) is not [{ IsBar: false } part])
        {
            return false;
        }

        var box = part.Box;
        if (box.Height < lineHeight / 3 || box.Height > 1.3 * lineHeight || box.Width < 0.2 * box.Height || box.Width > box.Height)
        {
            return false;
        }

        using var window = new Mat(ink, area);
        using var stroke = new Mat(window, box);
        var (first, last, count) = Rows(stroke);
        var centres = new List<double>(box.Height);
        for (var y = 0; y < box.Height; y++)
        {
            if (count[y] == 0)
            {
                continue;
            }

            // A row's ink is one short run: a stroke crossed, not a bowl or two arms.
            var run = last[y] - first[y] + 1;
            if (run > Math.Max(3, 0.6 * box.Width) || count[y] < 0.7 * run)
            {
                return false;
            }

            centres.Add((first[y] + last[y]) / 2.0);
        }

        var sixth = Math.Max(1, centres.Count / 6);
        return centres.Take(sixth).Average() - centres.TakeLast(sixth).Average() >= 0.5 * box.Width;
    }

    /// <summary>
    /// Whether the ink of <paramref name="area"/> is one digit 0 alone: a single ring (a stroke round a hole)
    /// about a digit's height. Read alone, the recogniser takes a 0 for 。 or o, which it would not beside
    /// other digits; 。 is a small ring at the foot of the line, o a short one.
    /// </summary>
    public static bool IsZero(Mat ink, Rect area, double lineHeight)
    {
        // Clumps of a grainy scan's noise beside the ring, under a quarter of a line across, are no part of it.
        var parts = PartsIn(ink, ref area, lineHeight).Where(p => CharacterSized(p, lineHeight)).ToList();
        if (parts.Count != 1)
        {
            return false;
        }

        var box = parts[0].Box;
        var ratio = (double)box.Width / box.Height;
        if (box.Height < 0.45 * lineHeight || box.Height > 1.2 * lineHeight || ratio < 0.3 || ratio > 0.95)
        {
            return false;
        }

        using var window = new Mat(ink, area);
        return HasHole(window, box);
    }

    /// <summary>
    /// Whether the ink of <paramref name="area"/> is a % whose slash is lost: two small rings alone, the second
    /// below and right of the first. A bitonal scan thresholds the hairline slash of a small % away; the rings
    /// left were read as = or as nothing (a 度量单位 column's %, every row of a form).
    /// </summary>
    public static bool IsPercentRings(Mat ink, Rect area, double lineHeight)
    {
        var parts = PartsIn(ink, ref area, lineHeight);
        if (parts is not [{ IsBar: false } first, { IsBar: false } second])
        {
            return false;
        }

        var (upper, lower) = first.Box.Y <= second.Box.Y ? (first.Box, second.Box) : (second.Box, first.Box);
        var small = Math.Max(Math.Max(upper.Width, upper.Height), Math.Max(lower.Width, lower.Height)) <= 0.5 * lineHeight
            && Math.Min(Math.Min(upper.Width, upper.Height), Math.Min(lower.Width, lower.Height)) >= 4;
        var diagonal = lower.Y + (lower.Height / 2.0) > upper.Bottom - (upper.Height / 4.0) && lower.X + (lower.Width / 2.0) > upper.Right - (upper.Width / 4.0);
        if (!small || !diagonal)
        {
            return false;
        }

        using var window = new Mat(ink, area);
        return HasHole(window, upper) && HasHole(window, lower);
    }

    /// <summary>Whether the ink inside <paramref name="box"/> of <paramref name="window"/> holds paper that does not reach the box's edge: a hole.</summary>
    private static bool HasHole(Mat window, Rect box)
    {
        using var ring = new Mat(window, box);
        using var padded = new Mat();
        Cv2.CopyMakeBorder(ring, padded, 1, 1, 1, 1, BorderTypes.Constant, Scalar.All(0));
        using var paper = new Mat();
        Cv2.BitwiseNot(padded, paper);
        using var labels = new Mat();
        return Cv2.ConnectedComponents(paper, labels, PixelConnectivity.Connectivity4) >= 3;
    }
}
