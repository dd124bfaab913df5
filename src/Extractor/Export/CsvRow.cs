using System.Collections.Immutable;
using System.Globalization;
using CsvHelper;
using Extractor.Model;

namespace Extractor.Export;

/// <summary>
/// Writes the fields of one CSV record. Text that a spreadsheet would take for a formula (a leading <c>=</c>,
/// <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return) gets a leading apostrophe, which Excel shows as nothing and
/// reads as "this is text"; numbers are written as numbers, never escaped.
/// </summary>
internal sealed class CsvRow(CsvWriter csv)
{
    /// <summary>The prefix that keeps a formula-like text a text.</summary>
    public const char TextPrefix = '\'';

    /// <summary>The text as written: prefixed when a spreadsheet would evaluate it.</summary>
    public static string Escape(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? TextPrefix + value : value;

    public void Text(string? value) => csv.WriteField(value is null ? string.Empty : Escape(value));

    public void Number(decimal? value) => csv.WriteField(value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);

    public void Number(int? value) => csv.WriteField(value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);

    public void Flag(bool? value) => csv.WriteField(value switch { true => "true", false => "false", null => string.Empty });

    public void List(ImmutableArray<int>? values) =>
        csv.WriteField(values is { } list ? string.Join(';', list.Select(v => v.ToString(CultureInfo.InvariantCulture))) : string.Empty);

    public void Measure(Measure? measure)
    {
        Text(measure?.Raw);
        Text(measure?.Operator);
        Number(measure?.Value);
        Text(measure?.Unit);
        Text(measure?.Text);
    }

    public void End() => csv.EndRecord();
}
