using Extractor.Sources.Ocr.Paddle;
using Extractor.Text;

namespace Extractor.Sources.Ocr;

/// <summary>
/// The size of the type of lines read outside any cell (a title, a table printed without rulings), so that
/// their glyphs can be shaped as a text layer's: one glyph a character, as wide as its advance and one em
/// high. The stream layout parts cells at gaps of a quarter of an em and stacks a cell's wrapped lines by
/// the gap that recurs between them; the detector's boxes are a point or two taller or shorter from one
/// line to the next and reach past the ink by a margin that is not a fixed share of the type (measured: 1.3
/// times the em for 10-point type, 1.07 for an 18-point title), so neither their height nor their width
/// gives the gaps a text layer has.
/// </summary>
internal static class FreeGlyphs
{
    /// <summary>The share of an em a character other than a CJK one advances (digits, Latin letters, half-width marks).</summary>
    public const double NarrowAdvance = 0.55;

    /// <summary>An em within this share of the page's typical one is taken as the typical one: a form sets its body in one size.</summary>
    public const double SameSize = 0.2;

    /// <summary>The ratio of a detector box's short side to the em when no line of the page has two CJK characters side by side.</summary>
    public const double BoxPerEm = 1.3;

    /// <summary>
    /// The em of each line, in page pixels: the median distance between neighbouring CJK characters (set
    /// solid, a CJK character advances one em), else the box's short side over the page's ratio of box to
    /// pitch; an em within <see cref="SameSize"/> of the page's median is that median, and so is a smaller
    /// one measured by its box, and one measured by its characters whose box is of the body's size.
    /// </summary>
    public static double[] Ems(IReadOnlyList<OcrLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var pitches = lines.Select(Pitch).ToArray();
        var sides = lines.Select(Side).ToArray();
        var ratios = pitches.Select((p, i) => p is { } pitch ? sides[i] / pitch : double.NaN).Where(r => !double.IsNaN(r)).ToList();
        var ratio = ratios.Count == 0 ? BoxPerEm : Median(ratios);
        var byBox = sides.Select(s => s / ratio).ToArray();
        var ems = pitches.Select((p, i) => p ?? byBox[i]).ToArray();
        if (ems.Length == 0)
        {
            return ems;
        }

        // A line without two CJK characters side by side (a number, a mark) is measured by its box, which is
        // its ink's: smaller than the em of its type unless the type is larger. A short line's pitch is one
        // or two steps between characters placed a fraction of an em off (on a 150-dpi scan 拨款 measured
        // 0.79 of the body's em, and 绩效一级, two header cells' words read as one line, 1.29 — the median of
        // 28, 50 and 33 pixels), so where its box says the type is the body's, the body's em is taken.
        var typical = Median(ems);
        bool Body(double em, int i) => Same(em, typical) || (pitches[i] is null ? em < typical : Same(byBox[i], typical));
        return [.. ems.Select((e, i) => Body(e, i) ? typical : e)];
    }

    private static bool Same(double em, double typical) => Math.Abs((em / typical) - 1) <= SameSize;

    /// <summary>How far a character advances, in ems: one for a CJK character or mark, <see cref="NarrowAdvance"/> for each other.</summary>
    public static double Advance(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.EnumerateRunes().Sum(r => WhitespaceRule.IsCjk(r.Value) ? 1.0 : NarrowAdvance);
    }

    /// <summary>Full-width marks whose ink fills the left of their em (closing marks, commas, stops).</summary>
    private const string InkLeft = "，。、；：！？）」』》”’〕】";

    /// <summary>Full-width marks whose ink fills the right of their em (opening marks).</summary>
    private const string InkRight = "（「『《“‘〔【";

    /// <summary>
    /// Where the em of a character lies from where its ink was seen, in ems: a quarter to the right for a
    /// full-width closing mark (its ink fills the left of its em), a quarter to the left for an opening
    /// one, nothing for the rest. Without it the gap after `”` in `“两新”组织党` measured 0.55 of an em and
    /// parted the word.
    /// </summary>
    public static double EmOffset(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length != 1 ? 0 : InkLeft.Contains(text[0], StringComparison.Ordinal) ? 0.25 : InkRight.Contains(text[0], StringComparison.Ordinal) ? -0.25 : 0;
    }

    /// <summary>The middle of a character's em along its line, in page pixels.</summary>
    public static double Middle(OcrCharacter character, double em)
    {
        ArgumentNullException.ThrowIfNull(character);
        return character.Centre.X + (EmOffset(character.Text) * em);
    }

    /// <summary>The gap, in ems, between two characters of a line beyond which they are two words (two cells of a table without rulings).</summary>
    public const double WordGap = 0.5;

    /// <summary>
    /// The characters of a line in words: a character more than <see cref="WordGap"/> of an em beyond where
    /// the one before it ends (by where the recogniser saw each, <see cref="EmOffset"/>, and how far each
    /// advances) starts a word.
    /// </summary>
    public static IEnumerable<List<OcrCharacter>> Words(IReadOnlyList<OcrCharacter> characters, double em)
    {
        ArgumentNullException.ThrowIfNull(characters);
        var word = new List<OcrCharacter>();
        foreach (var c in characters)
        {
            if (word.Count > 0 && Middle(c, em) - Middle(word[^1], em) - ((Advance(word[^1].Text) + Advance(c.Text)) * em / 2) > WordGap * em)
            {
                yield return word;
                word = [];
            }

            word.Add(c);
        }

        if (word.Count > 0)
        {
            yield return word;
        }
    }

    /// <summary>Whether the line runs down the page (a label printed a character under another, read as one tall box).</summary>
    public static bool RunsDown(OcrLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var bounds = line.Quad.Bounds;
        return line.Characters.Length > 1 && bounds.Height > 1.5 * bounds.Width;
    }

    /// <summary>The median distance between neighbouring CJK characters of the line; null without two side by side.</summary>
    internal static double? Pitch(OcrLine line)
    {
        var down = RunsDown(line);
        var steps = new List<double>();
        for (var i = 1; i < line.Characters.Length; i++)
        {
            var (a, b) = (line.Characters[i - 1], line.Characters[i]);
            if (IsCjkCharacter(a.Text) && IsCjkCharacter(b.Text))
            {
                steps.Add(down ? Math.Abs(b.Centre.Y - a.Centre.Y) : Math.Abs(b.Centre.X - a.Centre.X));
            }
        }

        return steps.Count == 0 ? null : Median(steps);
    }

    /// <summary>Whether <paramref name="text"/> is a CJK character (not a mark): one that advances a whole em.</summary>
    internal static bool IsCjkCharacter(string text) =>
        text.Length > 0 && char.IsLetter(text, 0) && text.EnumerateRunes().All(r => WhitespaceRule.IsCjk(r.Value));

    /// <summary>A line's box across its direction: its height, or its width when it runs down the page.</summary>
    private static double Side(OcrLine line)
    {
        var bounds = line.Quad.Bounds;
        return RunsDown(line) ? bounds.Width : bounds.Height;
    }

    /// <summary>The median of <paramref name="values"/> (the mean of the middle two of an even count).</summary>
    internal static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>
    /// The value at which <paramref name="values"/>, sorted by value (in place), reach half their total weight;
    /// <paramref name="values"/> holds at least one.
    /// </summary>
    internal static double WeightedMedian(List<(double Value, double Weight)> values)
    {
        values.Sort((a, b) => a.Value.CompareTo(b.Value));
        var half = values.Sum(v => v.Weight) / 2;
        double seen = 0;
        foreach (var (value, weight) in values)
        {
            seen += weight;
            if (seen >= half)
            {
                return value;
            }
        }

        return values[^1].Value;
    }
}
