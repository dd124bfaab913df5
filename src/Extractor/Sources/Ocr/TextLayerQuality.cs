using Extractor.Pdf;
using Extractor.Text;

namespace Extractor.Sources.Ocr;

/// <summary>
/// How trustworthy an invisible text layer (render mode 3, as OCR'd scans carry) is. A scanner's OCR that
/// read Chinese poorly leaves its marks: spaces between Chinese characters (tesseract puts each character
/// or short phrase in a word of its own) and stray marks read from rulings and specks (<c>| [ ] _ ~</c>,
/// Latin letters amid Chinese).
/// </summary>
/// <param name="Characters">Non-space characters in the layer.</param>
/// <param name="SpacedCjkShare">Of the neighbouring pairs of Chinese characters on a line, the share with a space between them.</param>
/// <param name="StrayShare">Share of the characters that are marks no form prints or Latin letters between Chinese ones.</param>
internal sealed record TextLayerQuality(int Characters, double SpacedCjkShare, double StrayShare)
{
    /// <summary>From this share of spaced Chinese pairs on, a layer is poor.</summary>
    public const double MaxSpacedCjkShare = 0.2;

    /// <summary>From this share of stray marks on, a layer is poor.</summary>
    public const double MaxStrayShare = 0.04;

    /// <summary>Fewer characters than this say nothing either way; such a layer is kept.</summary>
    public const int MinCharacters = 20;

    /// <summary>True when the layer reads worse than OCR would.</summary>
    public bool IsPoor => Characters >= MinCharacters && (SpacedCjkShare >= MaxSpacedCjkShare || StrayShare >= MaxStrayShare);

    /// <summary>Judges the text of <paramref name="letters"/> in content order (an OCR layer is written line by line).</summary>
    public static TextLayerQuality Judge(IReadOnlyList<Letter> letters)
    {
        ArgumentNullException.ThrowIfNull(letters);
        var text = new System.Text.StringBuilder();
        Letter? previous = null;
        foreach (var letter in letters)
        {
            if (previous is not null && !string.IsNullOrWhiteSpace(letter.Value) && !string.IsNullOrWhiteSpace(previous.Value))
            {
                var size = Math.Max(1, Math.Max(letter.FontSize, previous.FontSize));
                var sameLine = Math.Abs(letter.StartBaseLine.Y - previous.StartBaseLine.Y) < 0.5 * size;
                var gap = letter.StartBaseLine.X - previous.EndBaseLine.X;
                if (!sameLine)
                {
                    text.Append('\n');
                }
                else if (gap > 0.25 * size)
                {
                    text.Append(' ');
                }
            }

            text.Append(letter.Value);
            previous = letter;
        }

        return Judge(text.ToString());
    }

    /// <summary>Judges a text layer given as text, lines separated by newlines.</summary>
    public static TextLayerQuality Judge(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int characters = 0, joined = 0, spaced = 0, stray = 0;
        foreach (var line in text.Split('\n'))
        {
            var previous = '\0';
            var spaceSince = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (char.IsWhiteSpace(c))
                {
                    spaceSince = true;
                    continue;
                }

                characters++;
                var cjk = IsCjkLetter(c);
                if (cjk && IsCjkLetter(previous))
                {
                    if (spaceSince)
                    {
                        spaced++;
                    }
                    else
                    {
                        joined++;
                    }
                }

                if (c is '|' or '[' or ']' or '{' or '}' or '_' or '~' or '\\' or '¥' or '@'
                    || (char.IsAsciiLetter(c) && (IsCjkLetter(previous) || (i + 1 < line.Length && IsCjkLetter(line[i + 1])))))
                {
                    stray++;
                }

                previous = c;
                spaceSince = false;
            }
        }

        return new TextLayerQuality(
            characters,
            joined + spaced == 0 ? 0 : (double)spaced / (joined + spaced),
            characters == 0 ? 0 : (double)stray / characters);
    }

    private static bool IsCjkLetter(char c) => c is >= '\u3400' and <= '\u9FFF' && WhitespaceRule.IsCjk(c);
}
