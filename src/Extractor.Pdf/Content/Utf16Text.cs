namespace Extractor.Pdf.Content;

/// <summary>Checks on the UTF-16 text a font maps glyphs to.</summary>
internal static class Utf16Text
{
    /// <summary>
    /// The text with each unpaired surrogate replaced by U+FFFD. ToUnicode CMaps and /ActualText may hold
    /// any 16-bit values, and a lone surrogate breaks everything that reads text as code points.
    /// </summary>
    public static string WithoutLoneSurrogates(string text)
    {
        int i = FirstLoneSurrogate(text);
        if (i < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    private static int FirstLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
