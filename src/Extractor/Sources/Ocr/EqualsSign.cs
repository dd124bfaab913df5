using Extractor.Sources.Ocr.Paddle;
using OpenCvSharp;

namespace Extractor.Sources.Ocr;

/// <summary>
/// Which of the three equals signs a form printed where the recogniser read one: the ASCII =, the full-width
/// ＝ and the small ﹦ of a CJK font. The recogniser knows no ﹦ and reads all three as = or ＝; what tells them
/// apart is the ink. The small ﹦ stands in a full em with short bars (0.27–0.40 em across in Noto Sans and
/// Serif CJK, WenQuanYi Zen Hei, AR PL UMing) and about 0.4 em of paper each side; the ASCII = has bars
/// 0.38–0.52 em across and 0.10–0.20 em of paper beside it; the full-width ＝ has bars 0.45–0.72 em across.
/// Measured on scans (200–300 dpi, blurred, noisy, bitonal) the ﹦ left 0.33–0.40 em of paper right of its ink
/// and had ink 0.39–0.51 em across, the ＝ had ink 0.57–0.83 em across and 0.16–0.31 em of paper, the = 0.03–0.20.
/// </summary>
internal static class EqualsSign
{
    /// <summary>
    /// <paramref name="lines"/> with each equals sign that has ink after it in its cell made the sign its ink
    /// shows (<see cref="Which"/>); a sign with nothing after it, or part of &gt;= or &lt;=, stays as read.
    /// </summary>
    /// <param name="lines">The page's lines (null for a piece with none).</param>
    /// <param name="ink">The page's ink.</param>
    /// <param name="em">The page's em, pixels.</param>
    /// <param name="cells">Each line's table cell (empty for none), where the ink after a sign is looked for.</param>
    public static IReadOnlyList<OcrLine?> Decide(IReadOnlyList<OcrLine?> lines, Mat ink, double em, IReadOnlyList<Rect2f>? cells = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(ink);
        return [.. lines.Select((line, i) => line is null ? null : Decide(line, ink, em, cells is not null && i < cells.Count ? cells[i] : default))];
    }

    private static OcrLine Decide(OcrLine line, Mat ink, double em, Rect2f cell)
    {
        var characters = line.Characters;
        var changed = characters.ToBuilder();
        for (var i = 0; i < characters.Length; i++)
        {
            if (characters[i].Text is not ("=" or "＝")
                || (i > 0 && characters[i - 1].Text is "<" or ">" or "＜" or "＞" or "=" or "＝")
                || (i + 1 < characters.Length && characters[i + 1].Text is "=" or "＝")
                || Measure(ink, line, i, em, cell) is not { } measured
                || Which(measured.Ink, measured.Right) is not { } sign || sign == characters[i].Text)
            {
                continue;
            }

            changed[i] = characters[i] with { Text = sign };
        }

        var result = changed.ToImmutable();
        return result.SequenceEqual(characters) ? line : line with { Text = string.Concat(result.Select(c => c.Text)), Characters = result };
    }

    /// <summary>
    /// The sign whose ink is <paramref name="ink"/> ems across with <paramref name="right"/> ems of paper after it:
    /// ﹦ for short bars with wide paper, ＝ for long bars (or bars at the ASCII sign's longest with more paper than
    /// it leaves), = for the rest; null when the sign is no equals sign's shape.
    /// </summary>
    public static string? Which(double ink, double right) =>
        ink < LeastInk ? null
        : right >= SmallFrom && ink <= SmallInkUpTo ? "﹦"
        : ink >= FullInkFrom || (ink >= LongInkFrom && right >= FullRoomFrom) ? "＝"
        : right < FullRoomFrom ? "=" : null;

    /// <summary>Paper of at least this many ems right of a sign's ink says ﹦ (the ASCII = leaves at most 0.20).</summary>
    public const double SmallFrom = 0.28;

    /// <summary>How far right of where a sign was read, in ems, the next ink is looked for.</summary>
    internal const double Reach = 2.5;

    /// <summary>The widest a sign's ink is, in ems (a ＝'s bars are 0.83 at most measured).</summary>
    internal const double MaxInk = 0.85;

    /// <summary>The farthest a sign's ink stands from where the recogniser placed it, in ems.</summary>
    internal const double MaxShift = 0.5;

    /// <summary>Ink narrower than this many ems is no equals sign's (a piece of one, or a speck: the ﹦'s measured 0.39 at least).</summary>
    public const double LeastInk = 0.3;

    /// <summary>A ﹦'s ink is at most this many ems across (0.51 at most measured; the ＝ at least 0.57).</summary>
    public const double SmallInkUpTo = 0.53;

    /// <summary>Ink at least this many ems across is a ＝ (the ASCII = at most 0.63 measured).</summary>
    public const double FullInkFrom = 0.68;

    /// <summary>Ink this many ems across with <see cref="FullRoomFrom"/> of paper after it is a ＝ of a font whose bars are short (WenQuanYi).</summary>
    public const double LongInkFrom = 0.55;

    /// <summary>Paper of at least this many ems after a long sign says ＝ (the ASCII = leaves at most 0.20 measured, its long-barred fonts' at most 0.12).</summary>
    public const double FullRoomFrom = 0.2;

    /// <summary>
    /// The width of the ink of character <paramref name="i"/> of <paramref name="line"/> and the paper right of it
    /// up to the next ink in <paramref name="cell"/> (in the line's own box when there is no cell), in ems of <paramref name="em"/> pixels;
    /// null when the ink does not show them plainly (the line not level, no narrow piece of ink where the sign
    /// was read, no ink within <see cref="Reach"/> right of it). The next ink need not be read on the same line:
    /// a ﹦'s wide paper often parts it from its figure into a piece of its own.
    /// </summary>
    public static (double Ink, double Right)? Measure(Mat ink, OcrLine line, int i, double em, Rect2f cell = default)
    {
        ArgumentNullException.ThrowIfNull(ink);
        ArgumentNullException.ThrowIfNull(line);
        var characters = line.Characters;
        if (i < 0 || i >= characters.Length || em < 6)
        {
            return null;
        }

        var quad = line.Quad;
        if (Math.Abs(quad.TopRight.Y - quad.TopLeft.Y) > 0.1 * Math.Abs(quad.TopRight.X - quad.TopLeft.X))
        {
            return null;
        }

        // An em of rows round the line's middle: a sign read alone has a box little taller than its bars.
        var middle = (Math.Min(quad.TopLeft.Y, quad.TopRight.Y) + Math.Max(quad.BottomLeft.Y, quad.BottomRight.Y)) / 2;
        var at = characters[i].Centre.X;
        var from = i > 0 ? characters[i - 1].Centre.X : at - em;
        var window = new Rect((int)Math.Floor(from), (int)Math.Floor(middle - (em / 2)), (int)Math.Ceiling(at + (Reach * em) - from), (int)Math.Ceiling(em));
        if (cell.Width > 0 && cell.Height > 0)
        {
            window &= new Rect((int)Math.Floor(cell.Left), (int)Math.Floor(cell.Top), (int)Math.Ceiling(cell.Width), (int)Math.Ceiling(cell.Height));
        }
        else
        {
            // Outside a table the ink after a sign is its own line's: a column's next cell may stand close by.
            var right = Math.Max(quad.TopRight.X, quad.BottomRight.X);
            window = window with { Width = Math.Max(0, Math.Min(window.Right, (int)Math.Ceiling(right)) - window.X) };
        }

        var rect = window & new Rect(0, 0, ink.Cols, ink.Rows);
        if (rect.Width < em || rect.Height < 4)
        {
            return null;
        }

        var inked = new bool[rect.Width];
        foreach (var piece in MarkInk.Pieces(ink, rect, em))
        {
            Array.Fill(inked, true, piece.X, piece.Width);
        }

        (int Start, int End)? sign = null;
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

            var distance = Math.Abs(rect.X + ((start + x) / 2.0) - at);
            if (start > 0 && x < inked.Length && x - start <= MaxInk * em && distance <= MaxShift * em && distance < best)
            {
                (sign, best) = ((start, x), distance);
            }
        }

        if (sign is not { } found)
        {
            return null;
        }

        var after = found.End;
        while (after < inked.Length && !inked[after])
        {
            after++;
        }

        if (after >= inked.Length)
        {
            return null;
        }

        return ((found.End - found.Start) / em, (after - found.End) / em);
    }
}
