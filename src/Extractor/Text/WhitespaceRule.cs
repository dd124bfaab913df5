using System.Text;

namespace Extractor.Text;

/// <summary>
/// The contract's whitespace rule. Whitespace next to a CJK character or CJK/full-width punctuation is
/// dropped; other runs of whitespace become one space; text is trimmed. Nothing else changes.
/// </summary>
internal static class WhitespaceRule
{
    /// <summary>Applies the rule to one piece of text.</summary>
    public static string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        // Zero-width characters are not spacing: they vanish rather than become a space.
        if (text.AsSpan().IndexOfAny('\u200B', '\uFEFF') >= 0)
        {
            text = text.Replace("\u200B", string.Empty, StringComparison.Ordinal).Replace("\uFEFF", string.Empty, StringComparison.Ordinal);
        }

        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!IsWhitespace(c))
            {
                sb.Append(c);
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsWhitespace(text[i]))
            {
                i++;
            }

            // Leading and trailing runs disappear (trim).
            if (start == 0 || i == text.Length)
            {
                continue;
            }

            if (!IsCjkAt(text, start - 1, before: true) && !IsCjkAt(text, i, before: false))
            {
                sb.Append(' ');
            }
        }

        return sb.ToString();
    }

    /// <summary>Joins pieces of one cell (wrapped lines, halves split by a page break) and applies the rule.</summary>
    public static string Join(IEnumerable<string> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return Apply(string.Join(' ', parts.Where(p => p.Length > 0)));
    }

    /// <summary>Joins two pieces of one cell.</summary>
    public static string Join(string first, string second) => Join([first, second]);

    /// <summary>True for any Unicode whitespace, including the ideographic space and no-break space.</summary>
    public static bool IsWhitespace(char c) => char.IsWhiteSpace(c);

    /// <summary>True for a CJK ideograph, kana, hangul, or CJK/full-width punctuation.</summary>
    public static bool IsCjk(int codePoint) => codePoint switch
    {
        >= 0x2E80 and <= 0x2FDF => true,   // radicals
        >= 0x3000 and <= 0x303F => true,   // CJK symbols and punctuation
        >= 0x3040 and <= 0x31FF => true,   // kana, bopomofo, strokes
        >= 0x3200 and <= 0x4DBF => true,   // enclosed, compatibility, extension A
        >= 0x4E00 and <= 0x9FFF => true,   // unified ideographs
        >= 0xAC00 and <= 0xD7AF => true,   // hangul
        >= 0xF900 and <= 0xFAFF => true,   // compatibility ideographs
        >= 0xFE10 and <= 0xFE1F => true,   // vertical forms
        >= 0xFE30 and <= 0xFE6F => true,   // compatibility and small forms
        >= 0xFF00 and <= 0xFFEF => true,   // half-width and full-width forms
        >= 0x20000 and <= 0x3FFFF => true, // extensions B and later
        0x2018 or 0x2019 or 0x201C or 0x201D or 0x2026 or 0x2014 or 0x2015 or 0x00B7 => true, // ‘’“”…—―· as used in Chinese text
        _ => false,
    };

    private static bool IsCjkAt(string text, int index, bool before)
    {
        if (index < 0 || index >= text.Length)
        {
            return false;
        }

        var c = text[index];
        if (char.IsSurrogate(c))
        {
            if (before && char.IsLowSurrogate(c) && index > 0 && char.IsHighSurrogate(text[index - 1]))
            {
                return IsCjk(char.ConvertToUtf32(text[index - 1], c));
            }

            if (!before && char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                return IsCjk(char.ConvertToUtf32(c, text[index + 1]));
            }

            return false;
        }

        return IsCjk(c);
    }
}
