namespace Extractor.Pdf.Content;

/// <summary>
/// Removes text drawn twice at (nearly) the same place — fake bold, shadows — the way poppler's text output does:
/// glyphs are grouped into runs, and a run whose text and box match an earlier run within 0.1 em along the line
/// and 0.2 em across it is dropped.
/// </summary>
internal static class DuplicateGlyphs
{
    public static List<Letter> Remove(List<Letter> letters)
    {
        if (letters.Count < 2)
        {
            return letters;
        }

        // Build runs: consecutive letters on one baseline, same size, touching or close.
        var runs = new List<(int Start, int End)>();
        int start = 0;
        for (int i = 1; i <= letters.Count; i++)
        {
            if (i == letters.Count || Breaks(letters[i - 1], letters[i]))
            {
                runs.Add((start, i));
                start = i;
            }
        }

        var remove = new bool[letters.Count];
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int r = 0; r < runs.Count; r++)
        {
            var (s, e) = runs[r];
            var key = string.Concat(Enumerable.Range(s, e - s).Select(i => letters[i].Value)) + "\u0001" + Math.Round(letters[s].FontSize, 1);
            if (byKey.TryGetValue(key, out var earlier))
            {
                bool duplicate = false;
                foreach (var other in earlier)
                {
                    if (SameBox(letters, runs[other], runs[r]))
                    {
                        duplicate = true;
                        break;
                    }
                }

                if (duplicate)
                {
                    for (int i = s; i < e; i++)
                    {
                        remove[i] = true;
                    }

                    continue;
                }

                earlier.Add(r);
            }
            else
            {
                byKey[key] = new List<int> { r };
            }
        }

        if (!remove.Contains(true))
        {
            return letters;
        }

        var result = new List<Letter>(letters.Count);
        for (int i = 0; i < letters.Count; i++)
        {
            if (!remove[i])
            {
                result.Add(letters[i]);
            }
        }

        return result;
    }

    private static bool Breaks(Letter a, Letter b)
    {
        if (string.IsNullOrWhiteSpace(a.Value) || string.IsNullOrWhiteSpace(b.Value) || a.FontSize != b.FontSize || a.IsVertical != b.IsVertical)
        {
            return true;
        }

        double gap = Distance(a.EndBaseLine, b.StartBaseLine);
        double overlap = Distance(a.StartBaseLine, b.StartBaseLine);
        // A glyph drawn over the previous one starts a new run (that is what duplicates look like).
        return gap > 0.1 * a.FontSize || overlap < 0.1 * a.FontSize;
    }

    private static double Distance(PdfPoint p, PdfPoint q) => Math.Sqrt(((p.X - q.X) * (p.X - q.X)) + ((p.Y - q.Y) * (p.Y - q.Y)));

    private static bool SameBox(List<Letter> letters, (int Start, int End) a, (int Start, int End) b)
    {
        var boxA = Union(letters, a);
        var boxB = Union(letters, b);
        double size = letters[a.Start].FontSize;
        double pri = 0.1 * size, sec = 0.2 * size;
        bool horizontal = Math.Abs(letters[a.Start].EndBaseLine.X - letters[a.Start].StartBaseLine.X) >= Math.Abs(letters[a.Start].EndBaseLine.Y - letters[a.Start].StartBaseLine.Y);
        double dxMin = Math.Abs(boxA.Left - boxB.Left), dxMax = Math.Abs(boxA.Right - boxB.Right);
        double dyMin = Math.Abs(boxA.Bottom - boxB.Bottom), dyMax = Math.Abs(boxA.Top - boxB.Top);
        return horizontal
            ? dxMin < pri && dxMax < pri && dyMin < sec && dyMax < sec
            : dxMin < sec && dxMax < sec && dyMin < pri && dyMax < pri;
    }

    private static PdfRectangle Union(List<Letter> letters, (int Start, int End) run)
    {
        var box = letters[run.Start].GlyphBox;
        for (int i = run.Start + 1; i < run.End; i++)
        {
            box = box.Union(letters[i].GlyphBox);
        }

        return box;
    }
}
