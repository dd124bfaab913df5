namespace Extractor.Pdf.Content;

/// <summary>A glyph in poppler's device space (display space, y down), before poppler reverses backward text.</summary>
internal struct GlyphRecord
{
    public int LetterIndex;
    public double X;
    public double Y;
    public double W;
    public double H;
    public int Rot;
    public double Size;
    public double Ascent;
    public double Descent;
    public bool WMode;
    public bool IsSpace;
    public int CharCount;
}

/// <summary>
/// Groups glyphs into words exactly as poppler's TextPage::addChar does, so that each letter's box can take the
/// extent across the line of the word that holds it (poppler sizes a word by its first glyph's font), and so that
/// text drawn twice (fake bold, shadows) can be removed word by word as poppler's TextBlock::coalesce does.
/// </summary>
internal static class PopplerWords
{
    private const double MinWordBreakSpace = 0.1;
    private const double MinDupBreakOverlap = 0.2;
    private const double DupMaxPriDelta = 0.1;
    private const double DupMaxSecDelta = 0.2;

    /// <summary>One word: letters it holds and its box in device space.</summary>
    internal sealed class Word
    {
        public required int Rot { get; init; }

        public required double FontSize { get; set; }

        /// <summary>The last character added (for poppler's merging of spacing accents).</summary>
        public int LastChar { get; set; }

        /// <summary>The edge where the last character ends (edge[len] in poppler).</summary>
        public double EndEdge => Rot switch
        {
            0 => XMax,
            1 => YMax,
            2 => XMin,
            _ => YMin,
        };

        public required bool WMode { get; init; }

        public double Base { get; set; }

        public double XMin { get; set; }

        public double XMax { get; set; }

        public double YMin { get; set; }

        public double YMax { get; set; }

        public double LastEdge { get; set; }

        public int Length { get; set; }

        public List<int> Letters { get; } = new();

        public System.Text.StringBuilder Text { get; } = new();
    }

    /// <summary>The box poppler gives a glyph that starts a word (setInitialBounds), in device space.</summary>
    public static (double XMin, double YMin, double XMax, double YMax) InitialBox(in GlyphRecord g)
    {
        double x = g.X, y = g.Y, w = g.W, h = g.H;
        Reverse(g.Rot, ref x, ref y, ref w, ref h);
        double fs = g.Size, ascent = g.Ascent * fs, descent = g.Descent * fs;
        if (g.WMode)
        {
            return g.Rot switch
            {
                0 => (x - fs, y - fs, x, y),
                1 => (x, y - fs, x + fs, y),
                2 => (x, y, x + fs, y + fs),
                _ => (x - fs, y, x, y + fs),
            };
        }

        var box = g.Rot switch
        {
            0 => (x, y - ascent, x, y - descent),
            1 => (x + descent, y, x + ascent, y),
            2 => (x, y + descent, x, y + ascent),
            _ => (x - ascent, y, x - descent, y),
        };
        // poppler's guard against a zero-height word.
        if (g.Rot is 0 or 2 && box.Item2 == box.Item4)
        {
            box = (x, y, x, y + 1);
        }
        else if (g.Rot is 1 or 3 && box.Item1 == box.Item3)
        {
            box = (x, y, x + 1, y);
        }

        return box;
    }

    /// <summary>Sets the extent along the line to the glyph's advance.</summary>
    public static void AlongLine(in GlyphRecord g, ref double xMin, ref double yMin, ref double xMax, ref double yMax)
    {
        double x = g.X, y = g.Y, w = g.W, h = g.H;
        Reverse(g.Rot, ref x, ref y, ref w, ref h);
        switch (g.Rot)
        {
            case 0:
            case 2:
                xMin = Math.Min(x, x + w);
                xMax = Math.Max(x, x + w);
                break;
            default:
                yMin = Math.Min(y, y + h);
                yMax = Math.Max(y, y + h);
                break;
        }
    }

    private static void Reverse(int rot, ref double x, ref double y, ref double w, ref double h)
    {
        if ((rot == 0 && w < 0) || (rot == 1 && h < 0) || (rot == 2 && w > 0) || (rot == 3 && h > 0))
        {
            x += w;
            y += h;
            w = -w;
            h = -h;
        }
    }

    /// <summary>Maps a device-space box back to user space.</summary>
    public static PdfRectangle ToUser(Matrix display, double pageHeight, double xMin, double yMin, double xMax, double yMax)
    {
        var inverse = display.Inverse();
        var (ux0, uy0) = inverse.Transform(Math.Min(xMin, xMax), pageHeight - Math.Min(yMin, yMax));
        var (ux1, uy1) = inverse.Transform(Math.Max(xMin, xMax), pageHeight - Math.Max(yMin, yMax));
        return new PdfRectangle(Math.Min(ux0, ux1), Math.Min(uy0, uy1), Math.Max(ux0, ux1), Math.Max(uy0, uy1));
    }

    // Spacing accents and the combining marks poppler turns them into when they sit on a letter.
    private static readonly Dictionary<int, int> CombiningForms = new()
    {
        [0x0060] = 0x0300, [0x00A8] = 0x0308, [0x00AF] = 0x0304, [0x00B4] = 0x0301, [0x00B8] = 0x0327, [0x02C6] = 0x0302,
        [0x02C7] = 0x030C, [0x02D8] = 0x0306, [0x02D9] = 0x0307, [0x02DA] = 0x030A, [0x02DC] = 0x0303, [0x02DD] = 0x030B,
    };

    private static int Combining(int c) => CombiningForms.TryGetValue(c, out var m) ? m : 0;

    private static bool IsAlphaNum(int c) => c is >= 0 and < 0x10000 && char.IsLetterOrDigit((char)c);

    /// <summary>Runs poppler's word building over the glyphs.</summary>
    public static List<Word> Build(List<GlyphRecord> glyphs, List<Letter> letters) => Build(glyphs, letters, new Dictionary<int, string>());

    /// <summary>Runs poppler's word building; <paramref name="values"/> receives letters whose text poppler changes (accents merged as combining marks).</summary>
    public static List<Word> Build(List<GlyphRecord> glyphs, List<Letter> letters, Dictionary<int, string> values)
    {
        var words = new List<Word>();
        Word? cur = null;
        bool lastCharOverlap = false;
        int lastLetter = -1;
        foreach (var g in glyphs)
        {
            if (g.IsSpace)
            {
                cur = End(cur, words);
                continue;
            }

            if (cur is not null && cur.Length > 0 && g.LetterIndex >= 0 && g.CharCount == 1 && !cur.WMode && !g.WMode &&
                TryCombine(cur, g, letters[g.LetterIndex].Value[0], lastLetter, values))
            {
                cur.Letters.Add(g.LetterIndex);
                lastLetter = g.LetterIndex;
                continue;
            }

            if (cur is not null && cur.Length > 0)
            {
                double baseV, sp, delta;
                switch (cur.Rot)
                {
                    case 0:
                        baseV = g.Y; sp = g.X - cur.XMax; delta = g.X - cur.LastEdge;
                        break;
                    case 1:
                        baseV = g.X; sp = g.Y - cur.YMax; delta = g.Y - cur.LastEdge;
                        break;
                    case 2:
                        baseV = g.Y; sp = cur.XMin - g.X; delta = cur.LastEdge - g.X;
                        break;
                    default:
                        baseV = g.X; sp = cur.YMin - g.Y; delta = cur.LastEdge - g.Y;
                        break;
                }

                bool overlap = Math.Abs(delta) < DupMaxPriDelta * cur.FontSize && Math.Abs(baseV - cur.Base) < DupMaxSecDelta * cur.FontSize;
                if (overlap || lastCharOverlap || sp < -MinDupBreakOverlap * cur.FontSize || sp > MinWordBreakSpace * cur.FontSize ||
                    Math.Abs(baseV - cur.Base) > 0.5 || g.Size != cur.FontSize || g.WMode != cur.WMode)
                {
                    cur = End(cur, words);
                }

                lastCharOverlap = overlap;
            }
            else
            {
                lastCharOverlap = false;
            }

            if (g.LetterIndex < 0)
            {
                continue;
            }

            cur ??= new Word { Rot = g.Rot, FontSize = g.Size, WMode = g.WMode };
            double x = g.X, y = g.Y, w = g.W, h = g.H;
            if ((cur.Rot == 0 && w < 0) || (cur.Rot == 1 && h < 0) || (cur.Rot == 2 && w > 0) || (cur.Rot == 3 && h > 0))
            {
                End(cur, words);
                cur = new Word { Rot = g.Rot, FontSize = g.Size, WMode = g.WMode };
                x += w;
                y += h;
                w = -w;
                h = -h;
            }

            int n = Math.Max(1, g.CharCount);
            double cw = w / n, ch = h / n;
            for (int i = 0; i < n; i++)
            {
                AddChar(cur, g, x + (i * cw), y + (i * ch), cw, ch);
            }

            cur.Letters.Add(g.LetterIndex);
            cur.Text.Append(letters[g.LetterIndex].Value);
            var v = letters[g.LetterIndex].Value;
            cur.LastChar = char.ConvertToUtf32(v, v.Length - 1 >= 1 && char.IsLowSurrogate(v[^1]) ? v.Length - 2 : v.Length - 1);
            lastLetter = g.LetterIndex;
        }

        End(cur, words);
        return words;
    }

    /// <summary>poppler's TextWord::addCombining: a spacing accent over (or before) a letter becomes a combining mark.</summary>
    private static bool TryCombine(Word word, in GlyphRecord g, char u, int lastLetter, Dictionary<int, string> values)
    {
        int current = Combining(u);
        int previous = Combining(word.LastChar);
        double edgeMid = (word.LastEdge + word.EndEdge) / 2;
        bool horizontal = word.Rot is 0 or 2;
        if (current != 0 && IsAlphaNum(word.LastChar))
        {
            double maxMid = Math.Abs(word.EndEdge - word.LastEdge) * 0.3;
            double charMid = horizontal ? g.X + (g.W / 2) : g.Y + (g.H / 2);
            double charBase = horizontal ? g.Y : g.X;
            double maxBase = horizontal ? (word.YMax - word.YMin) * 0.4 : (word.XMax - word.XMin) * 0.4;
            if (Math.Abs(charMid - edgeMid) >= maxMid || Math.Abs(charBase - word.Base) >= maxBase)
            {
                return false;
            }

            values[g.LetterIndex] = char.ConvertFromUtf32(current);
            word.Text.Append(char.ConvertFromUtf32(current));
            word.LastEdge = edgeMid;
            word.LastChar = current;
            word.Length++;
            return true;
        }

        if (previous != 0 && IsAlphaNum(u) && lastLetter >= 0)
        {
            double maxBase = (g.Ascent - g.Descent) * g.Size * 0.4;
            double charMid = horizontal ? g.X + (g.W / 2) : g.Y + (g.H / 2);
            double charBase = horizontal ? g.Y : g.X;
            double maxMid = Math.Abs((horizontal ? g.W : g.H) * 0.3);
            if (Math.Abs(charMid - edgeMid) >= maxMid || Math.Abs(charBase - word.Base) >= maxBase)
            {
                return false;
            }

            // The accent drawn before its letter: the letter takes its place and the accent becomes a combining mark.
            values[lastLetter] = char.ConvertFromUtf32(previous);
            word.FontSize = g.Size;
            var text = word.Text.ToString();
            word.Text.Clear().Append(text[..^1]).Append(u).Append(char.ConvertFromUtf32(previous));
            if (word.Length == 1)
            {
                word.Length = 0;
                AddChar(word, g, g.X, g.Y, g.W, g.H);
                word.Length++;
            }
            else
            {
                switch (word.Rot)
                {
                    case 0: word.XMax = g.X + g.W; break;
                    case 1: word.YMax = g.Y + g.H; break;
                    case 2: word.XMin = g.X + g.W; break;
                    default: word.YMin = g.Y + g.H; break;
                }

                word.Length++;
            }

            double start = horizontal ? g.X : g.Y;
            word.LastEdge = (start + word.EndEdge) / 2;
            word.LastChar = previous;
            return true;
        }

        return false;
    }

    private static Word? End(Word? cur, List<Word> words)
    {
        if (cur is not null && cur.Length > 0)
        {
            words.Add(cur);
        }

        return null;
    }

    private static void AddChar(Word word, in GlyphRecord g, double x, double y, double dx, double dy)
    {
        if (word.Length == 0)
        {
            // setInitialBounds with the first glyph's font.
            double fs = word.FontSize, ascent = g.Ascent * fs, descent = g.Descent * fs;
            if (word.WMode)
            {
                switch (word.Rot)
                {
                    case 0: word.XMin = x - fs; word.YMin = y - fs; word.YMax = y; word.Base = y; break;
                    case 1: word.XMin = x; word.YMin = y - fs; word.XMax = x + fs; word.Base = x; break;
                    case 2: word.YMin = y; word.XMax = x + fs; word.YMax = y + fs; word.Base = y; break;
                    default: word.XMin = x - fs; word.XMax = x; word.YMax = y + fs; word.Base = x; break;
                }
            }
            else
            {
                switch (word.Rot)
                {
                    case 0:
                        word.XMin = x; word.YMin = y - ascent; word.YMax = y - descent; word.Base = y;
                        if (word.YMin == word.YMax)
                        {
                            word.YMin = y;
                            word.YMax = y + 1;
                        }

                        break;
                    case 1:
                        word.XMin = x + descent; word.YMin = y; word.XMax = x + ascent; word.Base = x;
                        if (word.XMin == word.XMax)
                        {
                            word.XMin = x;
                            word.XMax = x + 1;
                        }

                        break;
                    case 2:
                        word.YMin = y + descent; word.XMax = x; word.YMax = y + ascent; word.Base = y;
                        if (word.YMin == word.YMax)
                        {
                            word.YMin = y;
                            word.YMax = y + 1;
                        }

                        break;
                    default:
                        word.XMin = x - ascent; word.XMax = x - descent; word.YMax = y; word.Base = x;
                        if (word.XMin == word.XMax)
                        {
                            word.XMin = x;
                            word.XMax = x + 1;
                        }

                        break;
                }
            }
        }

        double fsz = word.FontSize;
        if (word.WMode)
        {
            switch (word.Rot)
            {
                case 0: word.LastEdge = x - fsz; word.XMax = x; break;
                case 1: word.LastEdge = y - fsz; word.YMax = y; break;
                case 2: word.LastEdge = x + fsz; word.XMin = x; break;
                default: word.LastEdge = y + fsz; word.YMin = y; break;
            }
        }
        else
        {
            switch (word.Rot)
            {
                case 0: word.LastEdge = x; word.XMax = x + dx; break;
                case 1: word.LastEdge = y; word.YMax = y + dy; break;
                case 2: word.LastEdge = x; word.XMin = x + dx; break;
                default: word.LastEdge = y; word.YMin = y + dy; break;
            }
        }

        word.Length++;
    }

    /// <summary>
    /// Applies the words to the letters: each letter takes its word's extent across the line, and words that
    /// repeat an earlier word at (nearly) the same place are dropped when <paramref name="removeDuplicates"/> is set.
    /// </summary>
    public static List<Letter> Apply(List<Letter> letters, List<GlyphRecord> glyphs, Matrix display, double pageHeight, bool removeDuplicates)
    {
        if (letters.Count == 0)
        {
            return letters;
        }

        var values = new Dictionary<int, string>();
        var words = Build(glyphs, letters, values);
        var result = new Letter?[letters.Count];
        for (int i = 0; i < letters.Count; i++)
        {
            result[i] = values.TryGetValue(i, out var v) ? letters[i] with { Value = v } : letters[i];
        }

        var glyphOfLetter = new int[letters.Count];
        for (int i = 0; i < glyphs.Count; i++)
        {
            if (glyphs[i].LetterIndex >= 0)
            {
                glyphOfLetter[glyphs[i].LetterIndex] = i;
            }
        }

        foreach (var word in words)
        {
            foreach (var li in word.Letters)
            {
                var g = glyphs[glyphOfLetter[li]];
                var (xMin, yMin, xMax, yMax) = (word.XMin, word.YMin, word.XMax, word.YMax);
                if (!word.WMode)
                {
                    AlongLine(g, ref xMin, ref yMin, ref xMax, ref yMax);
                }
                else
                {
                    (xMin, yMin, xMax, yMax) = InitialBox(g);
                    if (word.Rot is 0 or 2)
                    {
                        (yMin, yMax) = (word.YMin, word.YMax);
                    }
                    else
                    {
                        (xMin, xMax) = (word.XMin, word.XMax);
                    }
                }

                result[li] = result[li]! with { GlyphBox = ToUser(display, pageHeight, xMin, yMin, xMax, yMax) };
            }
        }

        if (removeDuplicates)
        {
            RemoveDuplicates(words, result);
        }

        var list = new List<Letter>(letters.Count);
        foreach (var l in result)
        {
            if (l is not null)
            {
                list.Add(l);
            }
        }

        return list;
    }

    private static void RemoveDuplicates(List<Word> words, Letter?[] result)
    {
        // poppler keeps the first word in its pool order (baseline bucket of 4 pt, then position along the line).
        var ordered = words
            .Select((w, i) => (Word: w, Index: i))
            .OrderBy(t => t.Word.Rot)
            .ThenBy(t => Math.Floor(t.Word.Base / 4))
            .ThenBy(t => Primary(t.Word))
            .ThenBy(t => t.Index)
            .Select(t => t.Word)
            .ToList();
        // Buckets of 8 pt across and along the line keep the search local: duplicates lie within 0.2 em.
        var seen = new Dictionary<(int Rot, string Text, long Across, long Along), List<Word>>();
        foreach (var w in ordered)
        {
            var text = w.Text.ToString();
            long across = (long)Math.Floor(w.Base / 8);
            long along = (long)Math.Floor(Primary(w) / 8);
            bool duplicate = false;
            for (long a = across - 1; a <= across + 1 && !duplicate; a++)
            {
                for (long b = along - 1; b <= along + 1 && !duplicate; b++)
                {
                    if (!seen.TryGetValue((w.Rot, text, a, b), out var candidates))
                    {
                        continue;
                    }

                    foreach (var earlier in candidates)
                    {
                        double pri = DupMaxPriDelta * earlier.FontSize, sec = DupMaxSecDelta * earlier.FontSize;
                        bool same = w.Rot is 0 or 2
                            ? Math.Abs(earlier.XMin - w.XMin) < pri && Math.Abs(earlier.XMax - w.XMax) < pri && Math.Abs(earlier.YMin - w.YMin) < sec && Math.Abs(earlier.YMax - w.YMax) < sec
                            : Math.Abs(earlier.XMin - w.XMin) < sec && Math.Abs(earlier.XMax - w.XMax) < sec && Math.Abs(earlier.YMin - w.YMin) < pri && Math.Abs(earlier.YMax - w.YMax) < pri;
                        if (same)
                        {
                            duplicate = true;
                            break;
                        }
                    }
                }
            }

            if (duplicate)
            {
                foreach (var li in w.Letters)
                {
                    result[li] = null;
                }

                continue;
            }

            var key = (w.Rot, text, across, along);
            if (!seen.TryGetValue(key, out var list))
            {
                seen[key] = list = new List<Word>();
            }

            list.Add(w);
        }
    }

    private static double Primary(Word w) => w.Rot switch
    {
        0 => w.XMin,
        1 => w.YMin,
        2 => -w.XMax,
        _ => -w.YMax,
    };
}
