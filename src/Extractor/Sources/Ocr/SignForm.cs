using Extractor.Domain;
using Extractor.Sources.Ocr.Imaging;
using Extractor.Sources.Ocr.Paddle;
using OpenCvSharp;

namespace Extractor.Sources.Ocr;

/// <summary>
/// Which form of a comparison sign a form printed where the recogniser read one. Forms print the ASCII =, the
/// full-width ＝ and the small ﹦ of a CJK font, and &gt; &lt; or ＞ ＜ (typed with a Chinese input method in its
/// full-width mode); the recogniser knows no ﹦ and cannot see a width. What tells them apart is the ink: how
/// wide the sign's ink is and how much paper it leaves before the next ink, in the page's em. The small ﹦
/// stands in a full em with short bars (0.27–0.40 em across in Noto Sans and Serif CJK, WenQuanYi Zen Hei,
/// AR PL UMing) and about 0.4 em of paper each side; the ASCII = has bars 0.38–0.52 em across and 0.10–0.20
/// em of paper beside it; the full-width ＝ has bars 0.45–0.72 em across; a full-width chevron is 0.46–0.77
/// em across with 0.20–0.36 of paper, an ASCII one 0.45–0.49 with 0.13–0.14. Measured on scans (200–300 dpi,
/// blurred, noisy, bitonal) the ﹦ left 0.33–0.40 em of paper right of its ink and had ink 0.39–0.51 em
/// across, the ＝ had ink 0.57–0.83 em across and 0.16–0.31 em of paper, the = 0.03–0.20; ＞ and ＜ had ink
/// 0.74–0.85 with 0.09–0.17 of paper (Noto, UKai) or 0.49–0.60 with 0.22–0.30 (Zen Hei), &gt; and &lt; ink
/// 0.45–0.60 with 0.03–0.11.
/// </summary>
internal static class SignForm
{
    /// <summary>
    /// <paramref name="lines"/> with each comparison sign that has ink after it in its cell made the form its ink
    /// shows (<see cref="EqualsForm"/>, <see cref="IsFullChevron"/>); a sign with nothing after it, or one of
    /// two signs together (&gt;=, &lt;=), stays as read.
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
            var text = characters[i].Text;
            var chevron = text.Length == 1 ? Chevrons.IndexOf(text[0], StringComparison.Ordinal) : -1;
            if ((chevron < 0 && text is not ("=" or "＝"))
                || (i > 0 && CellGrammar.IsOperator(characters[i - 1].Text)) || (i + 1 < characters.Length && CellGrammar.IsOperator(characters[i + 1].Text))
                || Measure(ink, line, i, em, cell) is not { } measured)
            {
                continue;
            }

            var form = chevron < 0 ? EqualsForm(measured.Ink, measured.Right)
                : IsFullChevron(measured.Ink, measured.Right) is { } full ? Chevrons[(chevron % 2) + (full ? 2 : 0)].ToString() : null;
            if (form is not null && form != text)
            {
                changed[i] = characters[i] with { Text = form };
            }
        }

        return line.Respelt(changed.ToImmutable());
    }

    /// <summary>The chevrons, half width then full: &gt; &lt; ＞ ＜ (a chevron's index modulo two is its direction).</summary>
    private const string Chevrons = "><＞＜";

    /// <summary>
    /// Whether a chevron whose ink is <paramref name="ink"/> ems across with <paramref name="right"/> ems of paper
    /// after it is full width (long strokes, or the paper of an em of its own) or half; null when neither shows.
    /// </summary>
    public static bool? IsFullChevron(double ink, double right) =>
        ink < LeastInk || right > MostPaper ? null
        : ink >= FullInkFrom || right >= FullChevronRoomFrom ? true
        : ink < HalfChevronInkUpTo && right < HalfChevronRoomUpTo ? false : null;

    /// <summary>Paper of at least this many ems after a chevron says full width (0.22 at least measured for ＞ of a short-stroked font, 0.11 at most for &gt;).</summary>
    public const double FullChevronRoomFrom = 0.18;

    /// <summary>A half-width chevron's ink is under this many ems across (0.60 at most measured; the long-stroked fonts' ＞ 0.74 at least).</summary>
    public const double HalfChevronInkUpTo = 0.65;

    /// <summary>A half-width chevron leaves under this many ems of paper (0.11 at most measured).</summary>
    public const double HalfChevronRoomUpTo = 0.15;

    /// <summary>
    /// The equals sign whose ink is <paramref name="ink"/> ems across with <paramref name="right"/> ems of paper after it:
    /// ﹦ for short bars with wide paper, ＝ for long bars (or bars at the ASCII sign's longest with more paper than
    /// it leaves), = for the rest; null when the sign is no equals sign's shape or the paper is the layout's.
    /// </summary>
    public static string? EqualsForm(double ink, double right) =>
        ink < LeastInk || right > MostPaper ? null
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

    /// <summary>
    /// Paper of more than this many ems after a sign is the layout's, not the glyph's (a sign and its figure set
    /// apart in a cell): it tells nothing of the sign.
    /// </summary>
    public const double MostPaper = 0.6;

    /// <summary>Ink narrower than this many ems is no equals sign's (a piece of one, or a speck: the ﹦'s measured 0.39 at least).</summary>
    public const double LeastInk = 0.3;

    /// <summary>A ﹦'s ink is at most this many ems across (0.51 at most measured; the ＝ at least 0.57).</summary>
    public const double SmallInkUpTo = 0.53;

    /// <summary>Ink at least this many ems across is a full-width sign (the ASCII = at most 0.63 measured, &gt; and &lt; 0.60).</summary>
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
        if (!MarkInk.IsLevel(quad))
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
            window &= PixelRect.Of(cell);
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

        var inked = MarkInk.InkedColumns(ink, rect, em);
        if (MarkInk.NearestRun(inked, at - rect.X, MaxInk * em, MaxShift * em) is not { } found)
        {
            return null;
        }

        return MarkInk.PaperAfter(inked, found.End) is { } paper ? ((found.End - found.Start) / em, paper / em) : null;
    }
}
