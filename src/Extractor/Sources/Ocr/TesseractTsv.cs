using System.Globalization;

namespace Extractor.Sources.Ocr;

/// <summary>
/// Reads tesseract's TSV output: a header line, then one line per page, block, paragraph, line and word
/// (level 1–5) with <c>level page_num block_num par_num line_num word_num left top width height conf text</c>.
/// Only words with text are kept.
/// </summary>
internal static class TesseractTsv
{
    /// <summary>The words of <paramref name="tsv"/>; lines that do not have the twelve fields are skipped.</summary>
    public static IReadOnlyList<OcrWord> Parse(string tsv)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var words = new List<OcrWord>();
        foreach (var rawLine in tsv.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            var fields = line.Split('\t');
            if (fields.Length < 12 || fields[0] != "5")
            {
                continue;
            }

            var text = string.Join('\t', fields[11..]).Trim();
            if (text.Length == 0
                || !Int(fields[1], out var page) || !Int(fields[2], out var block) || !Int(fields[3], out var paragraph)
                || !Int(fields[4], out var lineNumber) || !Int(fields[6], out var left) || !Int(fields[7], out var top)
                || !Int(fields[8], out var width) || !Int(fields[9], out var height)
                || !double.TryParse(fields[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence))
            {
                continue;
            }

            words.Add(new OcrWord(page - 1, block, paragraph, lineNumber, left, top, width, height, confidence, text));
        }

        return words;
    }

    private static bool Int(string field, out int value) => int.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
