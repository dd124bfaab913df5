using Extractor.Sources.Ocr.Paddle;

namespace Extractor.Sources.Ocr;

/// <summary>
/// The width of a punctuation mark, told by the room it takes in its line. The recogniser sees a comma,
/// a colon, a bracket or a slash, not whether it was typed full width (，) or half (,), and gives the full-width one
/// beside Chinese text; a form prints either, and the contract keeps marks as printed. A full-width mark
/// takes an em, as a Chinese character does; a half-width one a quarter to half of one. So between two
/// characters the room a mark takes is the distance between its neighbours' centres less half of each
/// neighbour's advance: an em apart, it is full width; well under, half. Where the page's ink is given, the
/// blank round the mark's own ink (<see cref="MarkInk"/>) is measured to the pixel and decides first, and a
/// mark ending a line centred in its cell is measured by where the line starts. The em is the line's own pitch of
/// adjacent Chinese characters (a justified line's spacing is in it as in the mark's room), a digit's or
/// letter's advance the line's pitch of adjacent ones, else <see cref="FreeGlyphs.NarrowAdvance"/> of an em. A mark
/// without a neighbour on both sides (a closing bracket at the end) takes the width of its partner, and a
/// line with too few Chinese characters to measure is left as read.
/// </summary>
internal static class MarkWidth
{
    /// <summary>
    /// A room at least this many ems is a full-width mark. The recogniser places a character to about a
    /// quarter of an em (its steps): measured on scans at 200 dpi, full-width marks took 0.60–1.29 ems (all but
    /// two 0.75 or more), half-width ones 0–0.56 (a slash 0.70–0.78: left as read).
    /// </summary>
    public const double FullFrom = 0.8;

    /// <summary>A room at most this many ems is a half-width mark; between the two the mark stays as read.</summary>
    public const double HalfUpTo = 0.55;

    /// <summary>
    /// A blank round the mark's ink (<see cref="MarkInk.Blank"/>) at least this many ems is a full-width mark, unless
    /// the recogniser placed its neighbours as close as <see cref="InkFullAbove"/>. Measured on scans of the
    /// family's renderings at 150–600 dpi: full-width marks 0.73–1.25 ems (but where a speck of noise stood in
    /// the blank), half-width ones 0.08–0.33.
    /// </summary>
    public const double InkFullFrom = 0.6;

    /// <summary>
    /// A slash with at least this much room by the recogniser's places is full width, with less half: a
    /// half-width slash's ink touches its neighbours and shows no blank, and its places measured 0.70–0.78 em
    /// — the room the other marks take full width from — while no form of the corpus prints a full-width one.
    /// </summary>
    public const double SlashFullFrom = 0.95;

    /// <summary>A blank round the ink at most this many ems is a half-width mark, unless the recogniser's room says full (<see cref="FullFrom"/>): a speck in a full mark's blank cuts it.</summary>
    public const double InkHalfUpTo = 0.45;

    /// <summary>The least room, in ems, by the recogniser's places, beside which a wide blank still says full width.</summary>
    public const double InkFullAbove = 0.2;

    /// <summary>The marks decided, full width and half.</summary>
    private static readonly (char Full, char Half)[] Marks = [('，', ','), ('；', ';'), ('：', ':'), ('（', '('), ('）', ')'), ('／', '/')];

    /// <summary>
    /// Each line (null for a piece with none) with its marks' widths decided. A mark left undecided (its room
    /// between the two widths, a line's last mark, a line too short to measure) takes the width the page's
    /// decided marks of its kind all took, when at least <see cref="PageStyleFrom"/> were decided and all
    /// alike: a form is typed with one kind of colon, of bracket, of slash. Where lines are given their table cells,
    /// only marks in cells give the style. Marks between two digits (a figure's separators, 2,350.00) neither give
    /// the style nor take it.
    /// </summary>
    public static IReadOnlyList<OcrLine?> Decide(IReadOnlyList<OcrLine?> lines, OpenCvSharp.Mat? ink = null, IReadOnlyList<OpenCvSharp.Rect2f>? cells = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var pitches = lines.Select(l => l is null ? null : Pitch(l)).ToList();
        double? pageEm = pitches.OfType<double>().ToList() is { Count: > 0 } measured ? FreeGlyphs.Median(measured) : null;
        var decisions = lines.Select((l, i) => l is null ? null : Measure(l, pitches[i], pageEm, ink)).ToList();
        if (ink is not null && cells is not null && pageEm is { } em)
        {
            // Lines ending in a mark are short: they are measured in the page's pitch.
            DecideLineEnds(lines, decisions, ink, cells, em);
        }

        // A kind's style on the page: the width all its decided marks beside no digit took, when there are enough of
        // them; on a page with a table, the table's only: the filler types its cells in one style, the template's
        // heading above them may be in another (绩效目标自评表（2019年度） over cells typed 数(按月平均)).
        var tabled = cells is not null && cells.Any(c => c.Width > 0);
        var style = Style(lines, decisions, Enumerable.Range(0, lines.Count).Where(i => !tabled || (i < cells!.Count && cells[i].Width > 0)), PageStyleFrom);

        // Before it, a cell's own: the marks decided in the lines of its cell, all alike (a sentence's last comma,
        // ending its line, typed as the comma before it). Each cell's once, for all its lines.
        var cellStyles = cells is null ? [] : Enumerable.Range(0, Math.Min(lines.Count, cells.Count))
            .Where(i => cells[i].Width > 0)
            .GroupBy(i => cells[i])
            .ToDictionary(cell => cell.Key, cell => Style(lines, decisions, cell, 1).Select((own, mark) => own ?? style[mark]).ToArray());
        bool?[] LineStyle(int i) => cells is not null && i < cells.Count && cellStyles.TryGetValue(cells[i], out var own) ? own : style;

        IReadOnlyList<OcrLine?> result = [.. lines.Select((l, i) => l is null || decisions[i] is not { } d ? l : Apply(l, d, LineStyle(i)))];

        // The comparison signs, whose forms the recogniser does not tell apart, from their ink in the page's em.
        return ink is not null && pageEm is { } pageEmPixels ? SignForm.Decide(result, ink, pageEmPixels, cells) : result;
    }

    /// <summary>
    /// Each mark's style over the lines <paramref name="over"/>: the width all decided marks of its kind beside no
    /// digit took, when at least <paramref name="least"/> were decided and all alike; else null.
    /// </summary>
    private static bool?[] Style(IReadOnlyList<OcrLine?> lines, List<bool?[]?> decisions, IEnumerable<int> over, int least)
    {
        var (full, half) = (new int[Marks.Length], new int[Marks.Length]);
        foreach (var i in over)
        {
            if (decisions[i] is not { } decided)
            {
                continue;
            }

            for (var j = 0; j < decided.Length; j++)
            {
                if (decided[j] is { } isFull && InText(lines[i]!, j))
                {
                    (isFull ? full : half)[Kind(MarkIndex(lines[i]!.Characters[j].Text[0]))]++;
                }
            }
        }

        var style = new bool?[Marks.Length];
        for (var mark = 0; mark < Marks.Length; mark++)
        {
            var kind = Kind(mark);
            if (full[kind] + half[kind] >= least && (full[kind] == 0 || half[kind] == 0))
            {
                style[mark] = full[kind] > 0;
            }
        }

        return style;
    }

    /// <summary><paramref name="line"/> with its marks' widths decided, alone (no page to take a style from).</summary>
    public static OcrLine Decide(OcrLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Decide([line])[0]!;
    }

    /// <summary>Decided marks at least this many, all of one width, give a page's style for their kind.</summary>
    public const int PageStyleFrom = 3;

    private static bool IsSlash(char c) => c is '/' or '／';

    /// <summary>Brackets opening and closing are one kind; every other mark its own.</summary>
    private static int Kind(int mark) => Marks[mark].Half == ')' ? MarkIndex('(') : mark;

    /// <summary>
    /// Whether character <paramref name="i"/> of <paramref name="line"/> is no figure's separator: it does not
    /// stand between two digits (2,350.00; 12:30), nor beside one at an end of the line (a figure wrapped after
    /// its separator). A mark with a digit on one side only inside a line is the text's (指标1:资金, 其中:30万元,
    /// 原因(100字以内)).
    /// </summary>
    private static bool InText(OcrLine line, int i)
    {
        var characters = line.Characters;
        var digitBefore = i > 0 && char.IsAsciiDigit(characters[i - 1].Text[0]);
        var digitAfter = i < characters.Length - 1 && char.IsAsciiDigit(characters[i + 1].Text[0]);
        var atEnd = i == 0 || i == characters.Length - 1;
        return atEnd ? !digitBefore && !digitAfter : !(digitBefore && digitAfter);
    }

    /// <summary>
    /// Whether each character of <paramref name="line"/> is a full-width mark (true), a half-width one
    /// (false) or neither or undecided (null); null when the line's characters do not spell its text one
    /// character each (nothing can be changed in it).
    /// </summary>
    private static bool?[]? Measure(OcrLine line, double? pitch, double? pageEm, OpenCvSharp.Mat? ink)
    {
        var characters = line.Characters;
        if (characters.IsEmpty || characters.Any(c => c.Text.Length != 1) || string.Concat(characters.Select(c => c.Text)) != line.Text)
        {
            return null;
        }

        var decided = new bool?[characters.Length];
        if (characters.Length < 3 || !characters.Any(c => MarkIndex(c.Text[0]) >= 0))
        {
            return decided;
        }

        // A line too short for its own pitch has only its slashes measured, in the page's em (`583元/人*月`): the
        // slash's room tells little either way, and the other marks' rooms in the page's em misled (a figure's
        // separator taken for a full-width comma).
        var slashesOnly = pitch is null;
        if (Positions(line) is not { } at || (pitch ?? pageEm) is not { } em)
        {
            return decided;
        }

        var text = characters.Select(c => c.Text[0]).ToArray();
        var wide = characters.Select(c => FreeGlyphs.IsCjkCharacter(c.Text)).ToArray();
        var latin = text.Select(char.IsAsciiLetterOrDigit).ToArray();
        var narrow = Pitch(latin, at) ?? FreeGlyphs.NarrowAdvance * em;
        double? Advance(int i) => wide[i] ? em : latin[i] ? narrow : null;
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (MarkIndex(text[i]) < 0 || (slashesOnly && !IsSlash(text[i])))
            {
                continue;
            }

            // The blank round the mark's ink, where it can be measured, tells more surely than the places read.
            var blank = ink is null ? null : MarkInk.Blank(ink, line, i, em);
            if (Advance(i - 1) is not { } before || Advance(i + 1) is not { } after)
            {
                // Beside a sign or a mark, whose advance is not known (≥, read > as often as not, is an em wide in
                // some fonts and narrow in others), the blank alone decides.
                decided[i] = IsSlash(text[i]) ? null : blank >= InkFullFrom ? true : blank <= InkHalfUpTo ? false : null;
                continue;
            }

            var room = (at[i + 1] - at[i - 1] - ((before + after) / 2)) / em;
            decided[i] = blank >= InkFullFrom && room > InkFullAbove ? true
                : IsSlash(text[i]) ? room >= SlashFullFrom
                : blank <= InkHalfUpTo && room < FullFrom ? false
                : room >= FullFrom ? true : room <= HalfUpTo ? false : null;
        }

        PairBrackets(text, decided);
        return decided;
    }

    /// <summary><paramref name="line"/> with each mark at the width decided for it, else (beside no digit) the page's style for its kind, else as read.</summary>
    private static OcrLine Apply(OcrLine line, bool?[] decided, bool?[] style)
    {
        var characters = line.Characters;
        var changed = characters.ToBuilder();
        for (var i = 0; i < characters.Length; i++)
        {
            var mark = MarkIndex(characters[i].Text[0]);
            if (mark >= 0 && (decided[i] ?? (InText(line, i) ? style[mark] : null)) is { } full)
            {
                var wanted = full ? Marks[mark].Full : Marks[mark].Half;
                if (wanted != characters[i].Text[0])
                {
                    changed[i] = changed[i] with { Text = wanted.ToString() };
                }
            }
        }

        return line.Respelt(changed.ToImmutable());
    }

    /// <summary>A bracket left undecided takes the width of its decided partner: a pair is of one width.</summary>
    private static void PairBrackets(char[] text, bool?[] decided)
    {
        var open = new Stack<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '(' or '（')
            {
                open.Push(i);
            }
            else if (text[i] is ')' or '）' && open.Count > 0)
            {
                var start = open.Pop();
                decided[i] ??= decided[start];
                decided[start] ??= decided[i];
            }
        }
    }

    /// <summary>
    /// Where each character of <paramref name="line"/> stands along it, in pixels from its start (so that a line
    /// running down the page or tilted measures as a level one); null for a line of no length.
    /// </summary>
    private static double[]? Positions(OcrLine line)
    {
        var (ox, oy) = (line.Quad.TopLeft.X, line.Quad.TopLeft.Y);
        var (dx, dy) = (line.Quad.TopRight.X - ox, line.Quad.TopRight.Y - oy);
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        return length <= 0 ? null : [.. line.Characters.Select(c => (((c.Centre.X - ox) * dx) + ((c.Centre.Y - oy) * dy)) / length)];
    }

    /// <summary>
    /// Marks that end a line of a table cell whose other lines are centred in it (a label wrapped in a narrow
    /// column, 其中: above 本年 above 财政拨款), decided by where the line starts: centred, a line of n Chinese
    /// characters and a mark a wide starts half an em further left than one with a mark of half an em. The cell's
    /// other lines, all Chinese, must each stand within <see cref="CentredWithin"/> of the cell's middle and one
    /// of them leave at least <see cref="RoomyBy"/> of the cell empty (lines filling the cell say nothing of
    /// how they are aligned), and none start where the line does; a line left-aligned with them measures no
    /// width and stays undecided.
    /// </summary>
    private static void DecideLineEnds(IReadOnlyList<OcrLine?> lines, List<bool?[]?> decisions, OpenCvSharp.Mat ink, IReadOnlyList<OpenCvSharp.Rect2f> cells, double em)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var last = lines[i] is { } line ? line.Characters.Length - 1 : -1;
            var cell = i < cells.Count ? cells[i] : default;
            if (last < 1 || decisions[i] is not { } decided || decided[last] is not null || cell.Width <= 0
                || MarkIndex(lines[i]!.Characters[last].Text[0]) < 0 || !lines[i]!.Characters[..last].All(c => FreeGlyphs.IsCjkCharacter(c.Text)))
            {
                continue;
            }

            var middle = cell.Left + (cell.Width / 2);
            var (centres, lefts, roomy, centred) = (new List<double>(), new List<int>(), false, true);
            for (var j = 0; j < lines.Count && centred; j++)
            {
                if (j == i || j >= cells.Count || cells[j] != cell || lines[j] is not { } other || other.Characters.IsEmpty
                    || !other.Characters.All(c => FreeGlyphs.IsCjkCharacter(c.Text)) || MarkInk.Span(ink, Band(other, cell), em) is not { } span)
                {
                    continue;
                }

                var centre = (span.Left + span.Right) / 2.0;
                centred = Math.Abs(centre - middle) <= CentredWithin * em;
                roomy |= cell.Width - (span.Right - span.Left) >= RoomyBy * em;
                centres.Add(centre);
                lefts.Add(span.Left);
            }

            // A line starting where another does is left-aligned with it (a paragraph whose full lines stand in the
            // cell's middle only because they fill it): its start says nothing of its mark.
            if (!centred || !roomy || centres.Count == 0 || MarkInk.Span(ink, Band(lines[i]!, cell), em) is not { } own
                || lefts.Any(l => Math.Abs(l - own.Left) < AlignedWithin * em))
            {
                continue;
            }

            // The line's advance less its Chinese characters' is the mark's; its ink starts a side bearing into it.
            var advance = (2 * (centres.Average() - own.Left) / em) + (2 * SideBearing) - last;
            decided[last] = advance >= LineEndFullFrom ? true : advance <= LineEndHalfUpTo ? false : null;
        }
    }

    /// <summary>The middle of a line's box, inside its cell: the rows every Chinese character has ink in, and no neighbouring line's.</summary>
    private static OpenCvSharp.Rect2f Band(OcrLine line, OpenCvSharp.Rect2f cell)
    {
        var bounds = line.Quad.Bounds;
        var (top, bottom) = (bounds.Top + (0.2f * bounds.Height), bounds.Bottom - (0.2f * bounds.Height));
        var (left, right) = (Math.Max(bounds.Left, cell.Left), Math.Min(bounds.Right, cell.Right));
        return new OpenCvSharp.Rect2f(left, top, Math.Max(0, right - left), Math.Max(0, bottom - top));
    }

    /// <summary>How far, in ems, a centred line's middle may stand from its cell's.</summary>
    public const double CentredWithin = 0.2;

    /// <summary>Lines whose ink starts within this many ems of each other are taken as aligned at the left.</summary>
    public const double AlignedWithin = 0.1;

    /// <summary>The empty width, in ems, one of a cell's other lines must leave for its centring to show.</summary>
    public const double RoomyBy = 0.6;

    /// <summary>The blank, in ems, a Chinese character's ink leaves each side of it.</summary>
    public const double SideBearing = 0.05;

    /// <summary>A mark ending a centred line with an advance of at least this many ems is full width.</summary>
    public const double LineEndFullFrom = 0.75;

    /// <summary>A mark ending a centred line with an advance of at most this many ems is half width.</summary>
    public const double LineEndHalfUpTo = 0.62;

    /// <summary>A line's pitch of adjacent Chinese characters (its em), or null when it has under two such pairs.</summary>
    internal static double? Pitch(OcrLine line) =>
        Positions(line) is { } at ? Pitch([.. line.Characters.Select(c => FreeGlyphs.IsCjkCharacter(c.Text))], at) : null;

    /// <summary>
    /// The mean distance between the centres of adjacent characters both of a kind, over the pairs within
    /// <see cref="PitchSpread"/> of their median (a space typed between two, a character misplaced), or null
    /// under two pairs. The recogniser places a character to a step of about a fifth of an em, so one pair's
    /// distance is an em give or take a step; over a run of adjacent pairs the steps cancel (the mean is the run's
    /// length over its pairs), where the median keeps one pair's error.
    /// </summary>
    private static double? Pitch(bool[] kind, double[] at)
    {
        var gaps = new List<double>();
        for (var i = 1; i < kind.Length; i++)
        {
            if (kind[i - 1] && kind[i] && at[i] > at[i - 1])
            {
                gaps.Add(at[i] - at[i - 1]);
            }
        }

        if (gaps.Count < 2)
        {
            return null;
        }

        // Two pairs far apart have a median near neither: then there is no run to average, and the median stands.
        var median = FreeGlyphs.Median(gaps);
        var kept = gaps.Where(g => Math.Abs(g - median) <= PitchSpread * median).ToList();
        return kept.Count == 0 ? median : kept.Average();
    }

    /// <summary>How far from the median pair's distance, as a share of it, a pair still counts in a line's pitch.</summary>
    public const double PitchSpread = 0.4;

    /// <summary>Where <paramref name="c"/> stands in <see cref="Marks"/>, either width; -1 for no mark decided here.</summary>
    private static int MarkIndex(char c) => Array.FindIndex(Marks, m => m.Full == c || m.Half == c);
}
