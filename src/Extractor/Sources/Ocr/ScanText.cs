using System.Collections.Immutable;
using System.Text;
using Extractor.Domain;
using Extractor.Geometry;
using Extractor.Model;
using Extractor.Sources.Ocr.Paddle;
using Extractor.Text;
using OpenCvSharp;

namespace Extractor.Sources.Ocr;

/// <summary>
/// Turns the recognised pieces of a page into the layout stage's glyphs. A table cell becomes one glyph
/// holding its lines joined by the whitespace rule, folded and repaired (<see cref="OcrCellText"/>), with the
/// lowest confidence of its lines; a number cell also keeps the readings its characters' runners-up give,
/// for the checks to choose from. Text outside the tables becomes one glyph a character, spread over each
/// word, as a PDF's text layer gives them, so the stream layout measures gaps and lines as it does there.
/// </summary>
internal static class ScanText
{
    /// <summary>A runner-up below this probability is no reading worth trying.</summary>
    public const float MinAlternative = 0.02f;

    /// <summary>Only characters read less surely than this are given their runners-up.</summary>
    public const float SureCharacter = 0.95f;

    /// <summary>
    /// A sign or dash alone in its piece is kept down to this confidence: the recogniser, which reads lines,
    /// is unsure of one mark with nothing beside it, yet reads it right (a 指标性质 cell holding only ≥).
    /// </summary>
    public const float MinSignConfidence = 0.2f;

    /// <summary>A runner-up ≥ or ≤ of a &gt; or &lt; read less surely than <see cref="SureCharacter"/> is taken from this probability.</summary>
    public const float SignWithBar = 0.05f;

    private const string Marks = "≥≤<>=＝＞＜—-一";

    /// <summary>
    /// What a reading made only of these says is specks: a copier's or a noisy scan's clumps in an empty cell read
    /// as <c>.</c>, <c>..</c>, <c>·.·</c> (a row cut by a page break, holding only the end of its reason, was taken for an
    /// indicator of its own for the <c>..</c> a speck in its actual-value cell was read as). A <c>0</c> read as <c>。</c> is put
    /// back from its ink's ring before this (<see cref="ScanSigns"/>).
    /// </summary>
    private const string SpeckMarks = ".·:：、,，。";

    /// <summary>
    /// The readings sure enough to keep: at least <paramref name="minConfidence"/> sure of what they say once
    /// folded (<see cref="FoldedConfidence"/>), or a mark alone at least <see cref="MinSignConfidence"/>; never one
    /// of specks' marks only (<see cref="SpeckMarks"/>).
    /// </summary>
    public static IReadOnlyList<OcrLine?> Kept(IReadOnlyList<OcrLine?> lines, float minConfidence)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return [.. lines.Select(l => l is null || IsSpecks(l.Text) ? null : FoldedConfidence(l)).Select(l => l is null || l.Confidence >= minConfidence || (l.Text.Trim().Length == 1 && Marks.Contains(l.Text.Trim(), StringComparison.Ordinal)) ? l : null)];
    }

    /// <summary>Whether a reading holds nothing but specks' marks (<see cref="SpeckMarks"/>) and spaces, and some of them.</summary>
    internal static bool IsSpecks(string text) =>
        text.Any(c => !char.IsWhiteSpace(c)) && text.All(c => char.IsWhiteSpace(c) || SpeckMarks.Contains(c, StringComparison.Ordinal));

    /// <summary>
    /// <paramref name="line"/> with each character's confidence that of what it says: its own probability and
    /// its runners-up's that are the same character but for its width (<see cref="OcrFold"/>, and NFKC: % and
    /// ％). A lone 1 is read as 1 and as １ at about half each, a lone % as % and ％ — the recogniser is sure of
    /// the character, unsure of the width it has no way to see — and, by its own probability alone, would be
    /// dropped as unsure. The text stays as read; the line's confidence is again the mean of its characters'.
    /// </summary>
    internal static OcrLine FoldedConfidence(OcrLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Characters.IsEmpty || line.Characters.All(c => c.Alternatives.All(a => !SameButWidth(a.Text, c.Text))))
        {
            return line;
        }

        var characters = line.Characters.Select(c =>
        {
            var same = c.Alternatives.Where(a => SameButWidth(a.Text, c.Text)).Sum(a => a.Probability);
            return same > 0 ? c with { Confidence = Math.Min(1f, c.Confidence + same) } : c;
        }).ToImmutableArray();
        return line with { Characters = characters, Confidence = characters.Average(c => c.Confidence) };
    }

    private static bool SameButWidth(string a, string b) =>
        OcrFold.Fold(a) == OcrFold.Fold(b) || a.Normalize(NormalizationForm.FormKC) == b.Normalize(NormalizationForm.FormKC);

    /// <summary>
    /// A character's text: folded (<see cref="OcrFold"/>), and a &gt; or &lt; the recogniser was unsure of
    /// read as ≥ or ≤ when that is its runner-up (the recogniser reads the bar under a chevron poorly, and
    /// a form's comparison signs are mostly ≥ and ≤; a printed &gt; is read surely).
    /// </summary>
    internal static string Text(OcrCharacter c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Confidence < SureCharacter && c.Text is ">" or "＞" or "<" or "＜")
        {
            var barred = c.Text is ">" or "＞" ? "≥" : "≤";
            if (c.Alternatives.Any(a => a.Text == barred && a.Probability >= SignWithBar))
            {
                return barred;
            }
        }

        return OcrFold.Fold(c.Text);
    }

    /// <summary>The glyphs, repairs and other readings of a page's recognised pieces (<paramref name="lines"/> in the order of the layout's pieces; <paramref name="ink"/> the page's ink, which places the lines outside the cells).</summary>
    public static (ImmutableArray<Glyph> Glyphs, ImmutableArray<Diagnostic> Repairs, ImmutableArray<OcrAlternative> Alternatives) Build(
        ScanFrame frame, ScanLayout layout, IReadOnlyList<OcrLine?> lines, Mat ink)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(ink);
        var glyphs = ImmutableArray.CreateBuilder<Glyph>();
        var repairs = ImmutableArray.CreateBuilder<Diagnostic>();
        var alternatives = ImmutableArray.CreateBuilder<OcrAlternative>();
        var read = layout.Pieces.Select((p, i) => (Piece: p, Line: lines[i])).Where(x => x.Line is not null).ToList();

        var free = read.Where(x => x.Piece.Cell is null).Select(x => x.Line!).ToList();
        var ems = FreeGlyphs.Ems(free);
        for (var i = 0; i < free.Count; i++)
        {
            glyphs.AddRange(Words(frame, free[i], ems[i], ink, repairs));
        }

        var cellGlyphs = new List<(int Glyph, Rect2f Area)>();
        foreach (var cell in read.Where(x => x.Piece.Cell is not null).GroupBy(x => x.Piece.Cell!))
        {
            var cellLines = ReadingOrder.Sort(cell.Select(x => x.Line!), l => l.Quad);
            var raw = CellText(cellLines);
            var (text, fixes) = Clean(raw);
            if (text.Length == 0)
            {
                continue;
            }

            foreach (var fix in fixes)
            {
                repairs.Add(new Diagnostic(DiagnosticCodes.OcrRepair, Severity.Info, $"page {frame.Page}: OCR repair, {fix}", frame.Page, null, text));
            }

            var others = Others(cellLines, text);
            if (!others.IsEmpty)
            {
                alternatives.Add(new OcrAlternative(frame.Page, glyphs.Count, others));
            }

            var area = cell.First().Piece.CellArea;
            var left = Math.Clamp(cellLines.Min(l => l.Quad.Bounds.Left), area.Left, area.Right - 1);
            var top = Math.Clamp(cellLines.Min(l => l.Quad.Bounds.Top), area.Top, area.Bottom - 1);
            var right = Math.Clamp(cellLines.Max(l => l.Quad.Bounds.Right), left + 1, area.Right);
            var bottom = Math.Clamp(cellLines.Max(l => l.Quad.Bounds.Bottom), top + 1, area.Bottom);
            var glyph = Glyph(frame, text, left, top, right, bottom) with { Confidence = Math.Round(cellLines.Min(l => l.Confidence), 3) };
            cellGlyphs.Add((glyphs.Count, area));
            glyphs.Add(glyph);
        }

        LevelHeaders.Restore(glyphs, cellGlyphs, repairs, frame.Page);
        return (glyphs.ToImmutable(), repairs.ToImmutable(), alternatives.ToImmutable());
    }

    /// <summary>
    /// The text of a cell's lines in reading order: lines side by side joined (a space between two that
    /// are neither CJK where the gap is wide), rows joined by the whitespace rule; a dash alone on a row over
    /// a CJK character read as 一.
    /// </summary>
    internal static string CellText(IReadOnlyList<OcrLine> lines, int? swap = null, string? with = null)
    {
        var rows = new List<string>();
        var row = new StringBuilder();
        OcrLine? previous = null;
        var index = 0;
        foreach (var line in lines)
        {
            var text = new StringBuilder();
            foreach (var c in line.Characters)
            {
                text.Append(index++ == swap ? with : Text(c));
            }

            if (previous is not null && SameRow(previous, line))
            {
                var gap = line.Quad.Bounds.Left - previous.Quad.Bounds.Right;
                if (row.Length > 0 && text.Length > 0 && gap > 0.3 * line.Quad.Height && !WhitespaceRule.IsCjk(row[^1]) && !WhitespaceRule.IsCjk(text[0]))
                {
                    row.Append(' ');
                }
            }
            else if (previous is not null)
            {
                rows.Add(row.ToString());
                row.Clear();
            }

            row.Append(text);
            previous = line;
        }

        rows.Add(row.ToString());

        // A bar alone on its line over a CJK character is 一 (一\n级\n指\n标, a label written a character a line),
        // which the recogniser, seeing the bar alone, reads as a dash.
        for (var i = 0; i + 1 < rows.Count; i++)
        {
            if (rows[i] is "-" or "—" or "－" or "–" && rows[i + 1].Length > 0 && WhitespaceRule.IsCjk(rows[i + 1][0]))
            {
                rows[i] = "一";
            }
        }

        return WhitespaceRule.Join(rows);
    }

    /// <summary>A cell's text folded (<see cref="OcrFold"/>) and repaired, and what the repairs changed.</summary>
    internal static (string Text, IReadOnlyList<string> Repairs) Clean(string raw)
    {
        var folded = WhitespaceRule.Apply(OcrFold.Fold(raw));
        return OcrCellText.Repair(folded);
    }

    /// <summary>
    /// The other readings of a number cell: each doubtful character replaced by a runner-up, the cell
    /// cleaned as usual; those with a digit that differ from <paramref name="text"/>, likeliest first, at most four.
    /// </summary>
    internal static ImmutableArray<string> Others(IReadOnlyList<OcrLine> lines, string text)
    {
        if (!text.Any(char.IsAsciiDigit))
        {
            return [];
        }

        var candidates = new List<(string Text, float Probability)>();
        var index = 0;
        foreach (var c in lines.SelectMany(l => l.Characters))
        {
            if (c.Confidence < SureCharacter)
            {
                foreach (var alternative in c.Alternatives.Where(a => a.Probability >= MinAlternative).Take(2))
                {
                    var (other, _) = Clean(CellText(lines, index, alternative.Text));
                    candidates.Add((other, alternative.Probability));
                }
            }

            index++;
        }

        return [.. candidates
            .Where(c => c.Text.Any(char.IsAsciiDigit) && c.Text != text)
            .OrderByDescending(c => c.Probability)
            .Select(c => c.Text)
            .Distinct(StringComparer.Ordinal)
            .Take(4)];
    }

    /// <summary>
    /// The glyphs of a line outside the tables, shaped as a text layer's (<see cref="FreeGlyphs"/>): the line
    /// folded, a near miss of a vocabulary word of the same length snapped (the title above all), each
    /// character a glyph as wide as its advance round where the recogniser saw it, <paramref name="em"/> high
    /// round the middle of the line's ink (a line running down the page: each character round where it was seen).
    /// </summary>
    private static IEnumerable<Glyph> Words(ScanFrame frame, OcrLine line, double em, Mat ink, ImmutableArray<Diagnostic>.Builder repairs)
    {
        var characters = line.Characters.Select(c => c with { Text = Text(c) }).ToList();
        var text = string.Concat(characters.Select(c => c.Text));
        if (LabelSnapper.Snap(text.Trim()) is { } snapped && snapped.Length == text.Trim().Length && characters.All(c => c.Text.Length == 1))
        {
            var start = text.Length - text.TrimStart().Length;
            repairs.Add(new Diagnostic(DiagnosticCodes.OcrRepair, Severity.Info, $"page {frame.Page}: OCR repair, label snapped to the vocabulary: '{text.Trim()}' → '{snapped}'", frame.Page, null, snapped));
            for (var i = 0; i < snapped.Length; i++)
            {
                characters[start + i] = characters[start + i] with { Text = snapped[i].ToString() };
            }
        }

        var bounds = line.Quad.Bounds;
        var down = FreeGlyphs.RunsDown(line);
        var middle = bounds.Top + (bounds.Height / 2.0);
        if (!down && InkMiddle(ink, bounds, em) is { } inked)
        {
            middle = inked;
        }

        var shown = characters.Where(c => !string.IsNullOrWhiteSpace(c.Text)).ToList();
        if (down)
        {
            foreach (var c in shown)
            {
                var half = FreeGlyphs.Advance(c.Text) * em / 2;
                yield return Glyph(frame, c.Text, c.Centre.X - half, c.Centre.Y - (em / 2), c.Centre.X + half, c.Centre.Y + (em / 2)) with { Confidence = Math.Round(c.Confidence, 3) };
            }

            yield break;
        }

        foreach (var word in FreeGlyphs.Words(shown, em))
        {
            // The word's characters side by side from where the first was seen to where the last was, each as
            // wide as its advance: the recogniser's positions are a fraction of an em off, which a text layer's are not.
            var advances = word.Select(c => FreeGlyphs.Advance(c.Text)).ToArray();
            var left = FreeGlyphs.Middle(word[0], em) - (advances[0] * em / 2);
            var right = FreeGlyphs.Middle(word[^1], em) + (advances[^1] * em / 2);
            var unit = (right - left) / advances.Sum();
            var at = left;
            for (var i = 0; i < word.Count; i++)
            {
                yield return Glyph(frame, word[i].Text, at, middle - (em / 2), at + (advances[i] * unit), middle + (em / 2)) with { Confidence = Math.Round(word[i].Confidence, 3) };
                at += advances[i] * unit;
            }
        }
    }

    /// <summary>
    /// The middle of the band one <paramref name="em"/> high within a quarter of an em of an area's middle that
    /// holds the most of its ink (the nearest to the middle of equal ones); null when the area has no ink. A
    /// detector's box may reach into the lines above and below it, so the first and last inked rows are not
    /// the line's, and its middle is a point or so off the ink's.
    /// </summary>
    private static double? InkMiddle(Mat ink, Rect2f area, double em)
    {
        var box = Imaging.PixelRect.Of(area) & new Rect(0, 0, ink.Cols, ink.Rows);
        if (box.Width <= 0 || box.Height <= 0)
        {
            return null;
        }

        using var inside = new Mat(ink, box);
        using var counts = new Mat();
        Cv2.Reduce(inside, counts, ReduceDimension.Column, ReduceTypes.Sum, MatType.CV_32S);
        var rows = counts.Rows;
        var band = Math.Clamp((int)Math.Round(em), 1, rows);
        var sums = new long[rows + 1];
        for (var y = 0; y < rows; y++)
        {
            sums[y + 1] = sums[y] + counts.At<int>(y, 0);
        }

        if (sums[rows] == 0)
        {
            return null;
        }

        // Within a quarter of an em of the box's middle: a short line's box reaches into a longer line beside
        // it, whose band may hold more ink than its own.
        var (best, bestTop) = (-1L, 0);
        var centre = (rows - band) / 2.0;
        var reach = Math.Max(1, (int)Math.Round(em / 4));
        for (var top = Math.Max(0, (int)centre - reach); top + band <= rows && top <= centre + reach; top++)
        {
            var sum = sums[top + band] - sums[top];
            if (sum > best || (sum == best && Math.Abs(top - centre) < Math.Abs(bestTop - centre)))
            {
                (best, bestTop) = (sum, top);
            }
        }

        return box.Y + bestTop + (band / 2.0);
    }

    /// <summary>A glyph of <paramref name="text"/> boxed by a prepared-image pixel box.</summary>
    private static Glyph Glyph(ScanFrame frame, string text, double left, double top, double right, double bottom)
    {
        var (x0, y1) = frame.ToDisplay(left, top);
        var (x1, y0) = frame.ToDisplay(right, bottom);
        return new Glyph(text, x0, y0, x1, y1, Math.Max(1, y1 - y0), frame.ToSourceBox(left, top, right, bottom));
    }

    /// <summary>Whether two lines of a cell sit side by side: half the shorter one's height shared.</summary>
    private static bool SameRow(OcrLine a, OcrLine b)
    {
        var (p, q) = (a.Quad.Bounds, b.Quad.Bounds);
        var shorter = Math.Min(p.Height, q.Height);
        return shorter > 0 && Math.Max(0, Math.Min(p.Bottom, q.Bottom) - Math.Max(p.Top, q.Top)) >= 0.5 * shorter;
    }
}
