using System.Globalization;
using ExcelNumberFormat;

namespace Extractor.Sources.Office;

/// <summary>
/// A workbook cell's value as the sheet shows it: numbers and dates through the cell's number format
/// (1260 with <c>#,##0.00</c> shows <c>1,260.00</c>, 0.9526 with <c>0.00%</c> shows <c>95.26%</c>), text as it is,
/// booleans as TRUE/FALSE. One formatter serves one workbook (it keeps the formats it has parsed).
/// </summary>
internal sealed class CellFormatter
{
    /// <summary>
    /// The built-in date and time formats of a Chinese (zh-CN) Excel, which a workbook uses by number without
    /// writing them out (ECMA-376 Part 1, 18.8.30); those whose 上午/下午 markers the formatter does not know are left out.
    /// </summary>
    private static readonly Dictionary<int, string> ChineseBuiltIns = new()
    {
        [27] = "yyyy\"年\"m\"月\"",
        [28] = "m\"月\"d\"日\"",
        [29] = "m\"月\"d\"日\"",
        [30] = "m-d-yy",
        [31] = "yyyy\"年\"m\"月\"d\"日\"",
        [32] = "h\"时\"mm\"分\"",
        [33] = "h\"时\"mm\"分\"ss\"秒\"",
        [36] = "yyyy\"年\"m\"月\"",
        [50] = "yyyy\"年\"m\"月\"",
        [51] = "m\"月\"d\"日\"",
        [52] = "yyyy\"年\"m\"月\"",
        [53] = "m\"月\"d\"日\"",
        [54] = "m\"月\"d\"日\"",
        [57] = "yyyy\"年\"m\"月\"",
        [58] = "m\"月\"d\"日\"",
    };

    /// <summary>At most this many distinct formats are kept parsed; a workbook holds a few dozen.</summary>
    private const int MaxCached = 4096;

    private static readonly NumberFormat General = new("General");

    private readonly Dictionary<string, NumberFormat> formats = new(StringComparer.Ordinal);

    /// <summary>The text of a cell holding <paramref name="value"/> with the number format given by string or by number.</summary>
    /// <param name="value">What the reader gives: string, double, DateTime, bool, or another value.</param>
    /// <param name="format">The number format string, or null when the workbook defines none for the cell.</param>
    /// <param name="formatIndex">The number format's number (for the locale's built-in formats).</param>
    public string Text(object value, string? format, int formatIndex)
    {
        ArgumentNullException.ThrowIfNull(value);
        switch (value)
        {
            case string text:
                return text;
            case bool flag:
                return flag ? "TRUE" : "FALSE";
            case DateTime or double or float or int or long or decimal:
                var numberFormat = Parsed(format ?? ChineseBuiltIns.GetValueOrDefault(formatIndex));
                if (numberFormat.IsDateTimeFormat && !IsDate(value))
                {
                    numberFormat = General;
                }

                return numberFormat.Format(value, CultureInfo.InvariantCulture) ?? string.Empty;
            default:
                return Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        }
    }

    /// <summary>True when a date format can show the value: a DateTime, or a serial number in Excel's range of dates.</summary>
    private static bool IsDate(object value) => value switch
    {
        DateTime => true,
        double d => d is >= 0 and < 2958466,
        float f => f is >= 0 and < 2958466,
        int i => i is >= 0 and < 2958466,
        long l => l is >= 0 and < 2958466,
        decimal m => m is >= 0 and < 2958466,
        _ => false,
    };

    private NumberFormat Parsed(string? format)
    {
        if (string.IsNullOrEmpty(format) || format == "@")
        {
            return General;
        }

        if (!formats.TryGetValue(format, out var parsed))
        {
            parsed = new NumberFormat(format);
            if (!parsed.IsValid)
            {
                parsed = General;
            }

            if (formats.Count < MaxCached)
            {
                formats[format] = parsed;
            }
        }

        return parsed;
    }
}
