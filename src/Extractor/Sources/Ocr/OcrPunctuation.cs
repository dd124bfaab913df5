namespace Extractor.Sources.Ocr;

/// <summary>
/// Full-width punctuation told from half-width by the space it takes. Tesseract's Chinese model gives
/// <c>; : , ( )</c> for <c>； ： ， （ ）</c>; the printed glyphs differ in their advance: a full-width mark
/// takes a whole em (its ink at one side of it), a half-width one a quarter or a third of one. So a mark
/// tesseract read as a word of its own is full-width when the next word starts at least
/// <see cref="MarkSpacing"/> Chinese-character heights after the mark's centre (before it, for an opening
/// bracket); a bracket read at the start or end of a word (<c>(COD)</c>) when the gap between it and the
/// word beside it is at least <see cref="BracketGap"/> of that height. A mark at the end of a line, or with
/// no word beside it, has nothing to measure and is left as read.
/// </summary>
internal static class OcrPunctuation
{
    /// <summary>
    /// Centre of a mark to the next word, in Chinese-character heights, from which the mark is full-width.
    /// Measured on the scans: 0.46–1.09 for full-width marks; a half-width one leaves about 0.2.
    /// </summary>
    public const double MarkSpacing = 0.4;

    /// <summary>
    /// Gap between a bracket and the word it is read with, in Chinese-character heights, from which it is
    /// full-width. Measured on the scans and the born-digital fixtures rendered: −0.03–0.03 for ( after a
    /// Chinese character, 0.13–0.95 for （ and ）.
    /// </summary>
    public const double BracketGap = 0.1;

    private const string HalfMarks = ";:,?!()";
    private const string FullMarks = "；：，？！（）";

    /// <summary>
    /// The words of one cell with the marks that are full-width by their spacing given full-width, and
    /// what was changed. <paramref name="textHeight"/> is the height of the page's Chinese characters in
    /// pixels; nothing is changed without it.
    /// </summary>
    public static (List<OcrWord> Words, List<string> Repairs) Widen(IReadOnlyList<OcrWord> words, double textHeight)
    {
        ArgumentNullException.ThrowIfNull(words);
        var result = words.ToList();
        var repairs = new List<string>();
        if (textHeight <= 0)
        {
            return (result, repairs);
        }

        foreach (var line in Enumerable.Range(0, result.Count).GroupBy(i => (result[i].Block, result[i].Paragraph, result[i].Line)))
        {
            var order = line.OrderBy(i => result[i].Left).ToList();
            for (var k = 0; k < order.Count; k++)
            {
                var word = result[order[k]];
                OcrWord? previous = k > 0 ? result[order[k - 1]] : null;
                OcrWord? next = k + 1 < order.Count ? result[order[k + 1]] : null;
                var text = word.Text;
                var centre = (word.Left + word.Right) / 2.0;
                if (text.Length == 1 && HalfMarks.Contains(text[0], StringComparison.Ordinal))
                {
                    var space = text[0] == '(' ? (previous is null ? -1 : centre - previous.Right) : (next is null ? -1 : next.Left - centre);
                    if (space >= MarkSpacing * textHeight)
                    {
                        text = Full(text[0]).ToString();
                    }
                }
                else if (text.Length > 1)
                {
                    if (text[0] == '(' && previous is not null && word.Left - previous.Right >= BracketGap * textHeight)
                    {
                        text = "（" + text[1..];
                    }

                    if (text[^1] == ')' && next is not null && next.Left - word.Right >= BracketGap * textHeight)
                    {
                        text = text[..^1] + "）";
                    }
                }

                if (text != word.Text)
                {
                    repairs.Add($"full-width by its spacing: '{word.Text}' → '{text}'");
                    result[order[k]] = word with { Text = text };
                }
            }
        }

        return (result, repairs);
    }

    private static char Full(char half) => FullMarks[HalfMarks.IndexOf(half, StringComparison.Ordinal)];
}
