using System.Collections.Immutable;
using System.Globalization;
using CsvHelper;
using Extractor.Model;

namespace Extractor.Export;

/// <summary>
/// CSV with one row per indicator: the document, the form and the indicator, with target and actual
/// flattened into <c>target_raw</c>, <c>target_operator</c>, … columns. UTF-8 with a byte-order mark so
/// that Excel reads the Chinese text. Failed inputs have no rows (they have no indicators to give).
/// </summary>
public sealed class CsvExporter : IDocumentExporter
{
    /// <summary>The header, in column order (documented in docs/csv.md).</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "path", "sha256", "formIndex", "title", "year", "projectName", "supervisingDepartment", "implementingUnit",
        "indicatorIndex", "level1", "level2", "name",
        "target_raw", "target_operator", "target_value", "target_unit", "target_text",
        "actual_raw", "actual_operator", "actual_value", "actual_unit", "actual_text",
        "weight", "score", "deviationReason", "source_pages", "source_lines",
    ];

    private readonly AtomicOutputFile _file;
    private readonly CsvWriter _csv;
    private bool _completed;

    /// <summary>Starts writing to <paramref name="path"/> (through a temporary file) and writes the header.</summary>
    public CsvExporter(string path)
    {
        _file = new AtomicOutputFile(path);

        // Cells are written as printed: no formula escaping, which would change the data.
        _csv = CsvWriter.Create(_file.Stream, CsvWriterOptions.Default with { WriteByteOrderMark = true, FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true);
        _csv.WriteHeader([.. Columns]);
    }

    /// <inheritdoc/>
    public void Add(ExportItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Failure is not null)
        {
            return;
        }

        var document = item.Document;
        for (var f = 0; f < document.Forms.Length; f++)
        {
            var form = document.Forms[f];
            for (var i = 0; i < form.Indicators.Length; i++)
            {
                var indicator = form.Indicators[i];
                Field(document.Source.Path);
                Field(document.Source.Sha256);
                Field(f);
                Field(form.Title);
                Field(form.Year);
                Field(form.ProjectName);
                Field(form.SupervisingDepartment);
                Field(form.ImplementingUnit);
                Field(i);
                Field(indicator.Level1);
                Field(indicator.Level2);
                Field(indicator.Name);
                Measure(indicator.Target);
                Measure(indicator.Actual);
                Field(indicator.Weight);
                Field(indicator.Score);
                Field(indicator.DeviationReason);
                Field(Join(indicator.Source.Pages));
                Field(Join(indicator.Source.Lines));
                _csv.EndRecord();
            }
        }
    }

    /// <inheritdoc/>
    public void Complete()
    {
        _csv.Dispose(); // flushes; the stream stays open for the commit
        _file.Commit();
        _completed = true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_completed)
        {
            try
            {
                _csv.Dispose();
            }
            catch (IOException)
            {
                // The temporary file is deleted below; the error that stopped the batch is reported.
            }
        }

        _file.Dispose();
    }

    private static string? Join(ImmutableArray<int>? values) =>
        values is { } list ? string.Join(';', list.Select(v => v.ToString(CultureInfo.InvariantCulture))) : null;

    private void Measure(Measure? measure)
    {
        Field(measure?.Raw);
        Field(measure?.Operator);
        Field(measure?.Value);
        Field(measure?.Unit);
        Field(measure?.Text);
    }

    private void Field(string? value) => _csv.WriteField(value ?? string.Empty);

    private void Field(decimal? value) => _csv.WriteField(value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);

    private void Field(int? value) => _csv.WriteField(value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
}
