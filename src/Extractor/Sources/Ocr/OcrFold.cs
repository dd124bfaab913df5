using System.Text;

namespace Extractor.Sources.Ocr;

/// <summary>
/// Characters the recogniser gives for what the forms print otherwise: full-width digits and Latin letters
/// (<c>５</c>, <c>Ａ</c>), which the forms print half-width and the contract's numbers need as ASCII, and the
/// radical 丶, which is how the recognizer reads the enumeration comma 、 of some fonts. Punctuation keeps
/// the width it was read with: the contract keeps full-width marks as printed.
/// </summary>
internal static class OcrFold
{
    /// <summary><paramref name="text"/> with those characters replaced.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var folded = c switch
            {
                >= '０' and <= '９' => (char)(c - '０' + '0'),
                >= 'Ａ' and <= 'Ｚ' => (char)(c - 'Ａ' + 'A'),
                >= 'ａ' and <= 'ｚ' => (char)(c - 'ａ' + 'a'),
                '丶' => '、',
                _ => c,
            };
            if (folded != c)
            {
                sb ??= new StringBuilder(text);
                sb[i] = folded;
            }
        }

        return sb?.ToString() ?? text;
    }
}
