using System.Collections.Immutable;
using Extractor.Sources.Ocr.Imaging;
using Extractor.Sources.Ocr.Paddle;
using OpenCvSharp;

namespace Extractor.Sources.Ocr;

/// <summary>
/// Puts back the comparison signs of a scanned table's cells that the recogniser missed or misread, read
/// from their ink's shape (<see cref="SignShape"/>): a sign alone in its cell (a 指标性质 column) read as
/// nothing or as a stray mark; a sign read as &gt; or &lt; or a stray mark in front of a number; a sign the
/// detector left out of the box of the number it stands before. A 0 alone in its cell, read as 。 or o,
/// is put back the same way, a dash alone read as 1, and a slash alone (a cell with nothing to report) read
/// as ~, 1 or nothing.
/// </summary>
internal static class ScanSigns
{
    /// <summary>What a shape-read sign's confidence is given: sure, though not the recogniser's own reading.</summary>
    public const float ShapeConfidence = 0.9f;

    /// <summary>Below this confidence an = the recogniser read alone yields to a sign with a chevron in its ink.</summary>
    private const float UnsureEquals = 0.5f;

    /// <summary>Units a table prints alone in its 计量单位 column, which no sign is read as.</summary>
    private const string UnitMarks = "%％‰℃";

    /// <summary>The least confidence at which a unit read alone in its cell stands against a sign's shape.</summary>
    private const float SureUnit = 0.8f;

    /// <summary>What the recogniser makes of a sign it cannot read, alone or before a number.</summary>
    private const string Confusable = "><＞＜≥≤=＝、\"》《Vv\\/。·'`^二三八：:-－—一";

    /// <summary>The readings of <paramref name="layout"/>'s pieces with signs read from <paramref name="ink"/> (255 ink, rulings erased).</summary>
    public static IReadOnlyList<OcrLine?> Apply(ScanLayout layout, IReadOnlyList<OcrLine?> lines, Mat ink, Mat? grey = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(ink);
        var result = lines.ToArray();

        // Cells with more than one piece read: a mark among them is a character of the cell's text (二 of a
        // label written one character a line, 二\n级\n指\n标), not a sign standing alone.
        var shared = layout.Pieces.Select((p, i) => (p.Cell, Read: lines[i] is { } l && l.Text.Trim().Length > 0))
            .Where(p => p.Cell is not null && p.Read)
            .GroupBy(p => p.Cell!)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToHashSet();
        for (var i = 0; i < result.Length; i++)
        {
            var piece = layout.Pieces[i];
            if (piece.Cell is not null)
            {
                result[i] = Fix(piece, result[i], ink, grey, layout.LineHeight, alone: !shared.Contains(piece.Cell));
            }
            else if (result[i] is { } read && read.Text.Trim().Length > 0 && ZeroRead(read)
                && SignShape.IsZero(ink, ToRect(piece.Region.Quad.Bounds, piece.Region.Quad.Bounds), layout.LineHeight))
            {
                // A table printed without rulings: a 0 standing alone (上年结转资金 0) is a line of its own, read as
                // o or too unsurely to be kept. A box read as nothing is not taken for one: outside a cell nothing
                // says a figure belongs there (a clump of noise beside a label was).
                result[i] = Alone(piece, read, '0');
            }
        }

        return result;
    }

    private static OcrLine? Fix(ScanPiece piece, OcrLine? line, Mat ink, Mat? grey, double lineHeight, bool alone)
    {
        var text = line?.Text.Trim() ?? string.Empty;

        // The piece's ink, kept inside its cell: what a mark or sign alone there is read from.
        var area = ToRect(piece.Region.Quad.Bounds, piece.CellArea);
        if (alone && text.Length <= 1 && text is not ("—" or "-" or "－" or "一" or "–") && SignShape.IsDash(ink, area, lineHeight))
        {
            // A dash alone in its cell, read as 1 or as nothing: the cell says there is nothing to report.
            return Alone(piece, line, '—');
        }

        if (alone && text.Length <= 1 && SignShape.IsSlash(ink, area, lineHeight))
        {
            // A slash alone (nothing to report), read unsurely or as another stroke (~, 1, 一): its ink leans.
            return Alone(piece, line, '/');
        }

        if (alone && text == "0" && ZeroRead(line) && SignShape.IsZero(ink, area, lineHeight))
        {
            // A 0 alone in its cell read unsurely (a lone 0 is read at 0.3–0.8): its ink is one ring.
            return Alone(piece, line, '0');
        }

        // A % whose slash a bitonal scan lost, alone in its cell (a 度量单位 column): two small rings, read as = or nothing.
        if (alone && text.Length <= 1 && text != "%" && SignShape.IsPercentRings(ink, area, lineHeight))
        {
            return Alone(piece, line, '%');
        }

        // >= or <= typed as two characters, alone in its cell: read as nothing, as one of them, or as letters (vn).
        if (alone && text.Length <= 2 && text.All(MaybeSign) && text is not (">=" or "<=")
            && SignShape.ReadPair(ink, area, lineHeight) is { } pair)
        {
            return Alone(piece, line, pair);
        }

        if (text.Length == 0 || (text.Length == 1 && MaybeSign(text[0])))
        {
            if (text.Length == 1 && !alone)
            {
                return line;
            }

            // A sign alone: the whole piece is the sign, or nothing is. A unit read surely stands: a % alone in a 计量单位 column has a stroke that leans like a chevron's.
            if (text.Length == 1 && UnitMarks.Contains(text[0]) && line!.Confidence >= SureUnit)
            {
                return line;
            }

            if (SignShape.Read(ink, area, lineHeight, grey) is { } sign)
            {
                return Adds(text, sign, line?.Confidence ?? 0) ? Alone(piece, line, sign) : line;
            }

            return ZeroRead(line) && SignShape.IsZero(ink, area, lineHeight) ? Alone(piece, line, '0') : line;
        }

        if (line is null || line.Characters.IsEmpty)
        {
            return line;
        }

        var first = line.Characters[0];
        if ((Confusable.Contains(first.Text, StringComparison.Ordinal) || first.Text is [var letter] && IsAlphabetLetter(letter)) && line.Characters.Length > 1 && char.IsAsciiDigit(line.Characters[1].Text.FirstOrDefault()))
        {
            // A sign read as something else before a number (a letter too: AR PL UMing's ≧ in a bitonal scan is
            // read M or W): its own piece of the line says which.
            return SignShape.Read(ink, ToRect(first.Box.Bounds, piece.CellArea), lineHeight, grey) is { } sign && Adds(first.Text, sign) ? FirstAs(line, sign) : line;
        }

        if (char.IsAsciiDigit(first.Text.FirstOrDefault()))
        {
            // A CJK font's ≧ before a number read as a digit (≧15 as 215, 5, 1, 3): a chevron pointing right over two
            // level bars apart from it. Not ≦: a 9's loop and its tail broken by noise read as one (95% as ≦5%).
            if (line.Characters.Length > 1 && SignShape.Read(ink, ToRect(first.Box.Bounds, piece.CellArea), lineHeight, grey) == '≧')
            {
                return FirstAs(line, '≧');
            }

            // A sign the detector left out of the box, between the cell's left wall and the number; or one inside
            // the box that the recogniser passed over (a CJK font's small ≧, read as nothing), between the box's
            // left and the first digit's ink when that digit stands well in from it.
            var bounds = line.Quad.Bounds;
            var left = piece.CellArea.Left;
            var inBox = first.Centre.X - (DigitHalf * lineHeight) - bounds.Left;
            return (bounds.Left - left >= lineHeight / 4 ? WithSign(line, ink, new Rect2f(left, bounds.Top, bounds.Left - left, bounds.Height), piece.CellArea, lineHeight) : null)
                ?? (inBox >= MissedSignFrom * lineHeight ? WithSign(line, ink, new Rect2f(bounds.Left, bounds.Top, (float)inBox, bounds.Height), piece.CellArea, lineHeight) : null)
                ?? line;
        }

        return line;
    }

    /// <summary><paramref name="line"/> with its first character read as <paramref name="sign"/> from the ink.</summary>
    private static OcrLine FirstAs(OcrLine line, char sign)
    {
        var first = line.Characters[0];
        return line with { Text = sign + line.Text[first.Text.Length..], Characters = line.Characters.SetItem(0, first with { Text = sign.ToString(), Confidence = ShapeConfidence }) };
    }

    /// <summary>How far, in line heights, a digit's ink may reach left of the centre the recogniser placed it at.</summary>
    public const double DigitHalf = 0.35;

    /// <summary>The least room, in line heights, before a line's first digit inside its box where a missed sign is looked for.</summary>
    public const double MissedSignFrom = 0.3;

    /// <summary>
    /// <paramref name="line"/> with the sign <paramref name="before"/> (on the page) holds put in front of it, or
    /// null when it holds none. Only a sign with a bar in its ink: a lone chevron-like mark there is as likely a
    /// speck or the remains of a seal, whose faint red left in the grey image would weigh as a bar.
    /// </summary>
    private static OcrLine? WithSign(OcrLine line, Mat ink, Rect2f before, Rect2f cell, double lineHeight)
    {
        if (SignShape.Read(ink, ToRect(before, cell), lineHeight) is not { } sign || sign is not ('≥' or '≤' or '≧' or '≦' or '='))
        {
            return null;
        }

        var box = Quad.FromRect(before);
        var added = new OcrCharacter(sign.ToString(), ShapeConfidence, box, box.Centre, []);
        return line with { Text = sign + line.Text, Characters = line.Characters.Insert(0, added) };
    }

    /// <summary>
    /// Whether the shape's sign tells more than the recogniser's reading: a bar it missed under a chevron, the
    /// second bar of a ≧ or ≦ (its dictionary has neither), or a sign where it read a stray mark or nothing. A
    /// sign it read with its bar stands, and an = read surely (<paramref name="confidence"/>; one read under
    /// <see cref="UnsureEquals"/> where the ink shows a chevron is the ≧ of a CJK font, whose two bars the
    /// recogniser sees and whose chevron it does not know).
    /// </summary>
    private static bool Adds(string read, char sign, float confidence = 1f) => read switch
    {
        "" => true,
        "≥" => sign == '≧',
        "≤" => sign == '≦',
        "=" or "＝" => confidence < UnsureEquals && sign != '=',
        "≧" or "≦" => false,
        ">" or "＞" => sign == '≥',
        "<" or "＜" => sign == '≤',
        _ => true,
    };

    /// <summary>Whether <paramref name="c"/> is a letter of the Latin (full width too), Greek or Cyrillic alphabets.</summary>
    private static bool IsAlphabetLetter(char c) =>
        char.IsLetter(c) && (c < '\u0530' || c is (>= 'Ａ' and <= 'Ｚ') or (>= 'ａ' and <= 'ｚ'));

    /// <summary>
    /// Whether a character read alone in a cell may be a sign misread: any mark or letter of an alphabet (Latin,
    /// full width too, Greek, Cyrillic: WenQuanYi Zen Hei's ≥ and ≤ in a bitonal scan are read Ｍ and И), not a
    /// digit nor a CJK character (二, 三 and 八 aside: an = blurred or with a speck, and a ≤ whose bar broke off,
    /// read as characters).
    /// </summary>
    private static bool MaybeSign(char c) =>
        !char.IsDigit(c) && (!char.IsLetter(c) || IsAlphabetLetter(c) || c is '二' or '三' or '八');

    /// <summary>
    /// Whether <paramref name="line"/> may be a 0 standing alone that the recogniser missed: nothing, a ring it took
    /// for a mark or letter (。 o O ° 〇 口), or a 0 read under <see cref="SureZero"/>.
    /// </summary>
    private static bool ZeroRead(OcrLine? line) => line?.Text.Trim() switch
    {
        null or "" or "。" or "o" or "O" or "°" or "〇" or "口" => true,
        "0" => line.Confidence < SureZero,
        _ => false,
    };

    /// <summary>The confidence from which a 0 read alone stands as read.</summary>
    private const float SureZero = 0.8f;

    private static OcrLine Alone(ScanPiece piece, OcrLine? line, char sign) => Alone(piece, line, sign.ToString());

    private static OcrLine Alone(ScanPiece piece, OcrLine? line, string sign)
    {
        var quad = piece.Region.Quad;
        var characters = sign.Select((c, i) =>
        {
            var part = quad.Slice(i / (double)sign.Length, (i + 1) / (double)sign.Length);
            return new OcrCharacter(c.ToString(), ShapeConfidence, part, part.Centre, []);
        });
        return new OcrLine(quad, sign, ShapeConfidence, [.. characters], line?.DetectionScore ?? piece.Region.Score);
    }

    /// <summary>A box in whole pixels, kept inside the cell.</summary>
    private static Rect ToRect(Rect2f box, Rect2f cell)
    {
        var left = (int)Math.Floor(Math.Max(box.Left, cell.Left));
        var top = (int)Math.Floor(Math.Max(box.Top, cell.Top));
        var right = (int)Math.Ceiling(Math.Min(box.Right, cell.Right));
        var bottom = (int)Math.Ceiling(Math.Min(box.Bottom, cell.Bottom));
        return new Rect(left, top, Math.Max(0, right - left), Math.Max(0, bottom - top));
    }
}
