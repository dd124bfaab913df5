using System.Text;

namespace Extractor.OcrProbe;

/// <summary>How close an OCR text is to the reference, whitespace ignored.</summary>
/// <param name="ReferenceLength">Characters in the reference.</param>
/// <param name="Distance">Levenshtein distance between the two, characters as they are.</param>
/// <param name="DistanceNfkc">The same after NFKC folding (full-width forms to ASCII).</param>
/// <param name="Recall">Share of the reference's characters (NFKC) the OCR text holds, as multisets.</param>
/// <param name="Precision">Share of the OCR's characters (NFKC) the reference holds.</param>
/// <param name="DistanceAligned">Levenshtein distance (NFKC) once the OCR's lines are put in the reference's order.</param>
/// <param name="Aligned">The OCR's text (NFKC, no whitespace) with its lines in the reference's order.</param>
internal sealed record TextScore(int ReferenceLength, int Distance, int DistanceNfkc, double Recall, double Precision, int DistanceAligned, string Aligned)
{
    /// <summary>1 − distance / reference length, characters as they are.</summary>
    public double Accuracy => ReferenceLength == 0 ? 1 : 1 - ((double)Distance / ReferenceLength);

    /// <summary>1 − distance / reference length after NFKC folding.</summary>
    public double AccuracyNfkc => ReferenceLength == 0 ? 1 : 1 - ((double)DistanceNfkc / ReferenceLength);

    /// <summary>1 − distance / reference length (NFKC) with the OCR's lines in the reference's order: reading order does not count.</summary>
    public double AccuracyAligned => ReferenceLength == 0 ? 1 : 1 - ((double)DistanceAligned / ReferenceLength);

    /// <summary>Scores the OCR's <paramref name="lines"/> against <paramref name="reference"/>.</summary>
    public static TextScore Of(string reference, IReadOnlyList<string> lines)
    {
        var ocr = string.Join('\n', lines);
        var r = Strip(reference);
        var o = Strip(ocr);
        var rn = Strip(reference.Normalize(NormalizationForm.FormKC));
        var on = Strip(ocr.Normalize(NormalizationForm.FormKC));
        var (recall, precision) = Bags(rn, on);
        var aligned = string.Concat(LineAlignment.InReferenceOrder(rn, [.. lines.Select(l => Strip(l.Normalize(NormalizationForm.FormKC)))]));
        return new TextScore(r.Length, Levenshtein(r, o), Levenshtein(rn, on), recall, precision, Levenshtein(rn, aligned), aligned);
    }

    /// <summary>The text without whitespace.</summary>
    public static string Strip(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                b.Append(c);
            }
        }

        return b.ToString();
    }

    /// <summary>Insertions, deletions and substitutions turning <paramref name="a"/> into <paramref name="b"/>.</summary>
    public static int Levenshtein(string a, string b)
    {
        if (a.Length == 0)
        {
            return b.Length;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var ca = a[i - 1];
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (ca == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static (double Recall, double Precision) Bags(string reference, string ocr)
    {
        var counts = new Dictionary<char, int>();
        foreach (var c in reference)
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        var common = 0;
        foreach (var c in ocr)
        {
            if (counts.GetValueOrDefault(c) > 0)
            {
                counts[c]--;
                common++;
            }
        }

        return (reference.Length == 0 ? 1 : (double)common / reference.Length, ocr.Length == 0 ? 1 : (double)common / ocr.Length);
    }
}
