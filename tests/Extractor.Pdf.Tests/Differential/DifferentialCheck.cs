using System.Text;

namespace Extractor.Pdf.Tests.Differential;

/// <summary>The outcome of comparing one page with poppler.</summary>
public sealed record PageComparison(int PageNumber, bool CharactersMatch, bool BoxesMatch, string Detail)
{
    public bool Passed => CharactersMatch && BoxesMatch;
}

/// <summary>
/// Compares our letters with poppler's words: the multiset of non-space characters must be equal, and every
/// letter's box must lie within a tolerance of the box of a poppler word holding that character.
/// </summary>
public static class DifferentialCheck
{
    public const double Tolerance = 1.0;

    /// <summary>Compares every page; an empty list means pdftotext could not read the file, so there is nothing to compare.</summary>
    public static List<PageComparison> CompareFile(string pdfPath)
    {
        var result = new List<PageComparison>();
        var reference = PopplerReference.ReadWords(pdfPath);
        if (reference is null)
        {
            return result;
        }

        var layout = PopplerReference.ReadLayoutText(pdfPath);
        using var doc = PdfDocument.Open(pdfPath);
        if (doc.NumberOfPages != reference.Count || layout is null || layout.Count != reference.Count)
        {
            result.Add(new PageComparison(0, false, false, $"page count {doc.NumberOfPages}, poppler {reference.Count}, pdftotext -layout {layout?.Count}"));
            return result;
        }

        for (int i = 1; i <= doc.NumberOfPages; i++)
        {
            result.Add(ComparePage(doc.GetPage(i), reference[i - 1], layout[i - 1]));
        }

        return result;
    }

    /// <param name="page">Our page.</param>
    /// <param name="reference">poppler's words for it.</param>
    /// <param name="layoutText">pdftotext -layout's text for it; its non-space characters must match as well.</param>
    public static PageComparison ComparePage(PdfPage page, PopplerPage reference, string? layoutText = null)
    {
        var ours = new Dictionary<string, int>(StringComparer.Ordinal);
        var theirs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var letter in page.Letters)
        {
            foreach (var r in NonSpace(letter.Value))
            {
                ours[r] = ours.GetValueOrDefault(r) + 1;
            }
        }

        foreach (var word in reference.Words)
        {
            foreach (var r in NonSpace(word.Text))
            {
                theirs[r] = theirs.GetValueOrDefault(r) + 1;
            }
        }

        var detail = new StringBuilder();
        bool charsMatch = true;
        foreach (var key in ours.Keys.Union(theirs.Keys).Order(StringComparer.Ordinal))
        {
            int a = ours.GetValueOrDefault(key), b = theirs.GetValueOrDefault(key);
            if (a != b)
            {
                charsMatch = false;
                if (detail.Length < 600)
                {
                    detail.Append($"'{key}'(U+{char.ConvertToUtf32(key, 0):X4}) ours {a} poppler {b}; ");
                }
            }
        }

        if (layoutText is not null)
        {
            var text = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var r in NonSpace(layoutText))
            {
                text[r] = text.GetValueOrDefault(r) + 1;
            }

            foreach (var key in ours.Keys.Union(text.Keys).Order(StringComparer.Ordinal))
            {
                int a = ours.GetValueOrDefault(key), b = text.GetValueOrDefault(key);
                if (a != b)
                {
                    charsMatch = false;
                    if (detail.Length < 600)
                    {
                        detail.Append($"'{key}' ours {a} pdftotext -layout {b}; ");
                    }
                }
            }
        }

        bool boxesMatch = true;
        int badBoxes = 0;
        foreach (var letter in page.Letters)
        {
            var chars = NonSpace(letter.Value).ToList();
            if (chars.Count == 0)
            {
                continue;
            }

            var (ax, ay) = ToPoppler(page, letter.GlyphBox.Left, letter.GlyphBox.Bottom);
            var (bx, by) = ToPoppler(page, letter.GlyphBox.Right, letter.GlyphBox.Top);
            double x0 = Math.Min(ax, bx), x1 = Math.Max(ax, bx), y0 = Math.Min(ay, by), y1 = Math.Max(ay, by);
            bool found = false;
            foreach (var w in reference.Words)
            {
                if (x0 >= w.XMin - Tolerance && x1 <= w.XMax + Tolerance && y0 >= w.YMin - Tolerance && y1 <= w.YMax + Tolerance &&
                    w.Text.Contains(chars[0], StringComparison.Ordinal))
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                boxesMatch = false;
                if (badBoxes++ < 3)
                {
                    detail.Append($"box of '{letter.Value}' [{x0:F2},{y0:F2},{x1:F2},{y1:F2}] not within a poppler word; ");
                }
            }
        }

        if (badBoxes > 3)
        {
            detail.Append($"{badBoxes} letters outside poppler's word boxes; ");
        }

        return new PageComparison(page.Number, charsMatch, boxesMatch, detail.ToString());
    }

    /// <summary>
    /// User space to pdftotext's coordinates: the media box (pdftotext does not crop), turned clockwise by /Rotate,
    /// origin at the top left.
    /// </summary>
    public static (double X, double Y) ToPoppler(PdfPage page, double x, double y)
    {
        var m = page.MediaBox;
        double xr = x - m.Left, yr = y - m.Bottom, w = m.Width, h = m.Height;
        return page.Rotation switch
        {
            90 => (yr, xr),
            180 => (w - xr, yr),
            270 => (h - yr, w - xr),
            _ => (xr, h - yr),
        };
    }

    /// <summary>Non-whitespace characters (by code point) of a string.</summary>
    public static IEnumerable<string> NonSpace(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsWhiteSpace(s[i]))
            {
                continue;
            }

            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                yield return s.Substring(i++, 2);
            }
            else
            {
                yield return s[i].ToString();
            }
        }
    }
}
