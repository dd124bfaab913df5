using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Extractor.Assembly;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Normalize;

namespace Extractor.Conversion;

/// <summary>
/// Converts one input file into a <see cref="Document"/>. Expected failures (empty, binary, encrypted or
/// damaged input, no form) come back as diagnostics of severity error, never as exceptions.
/// </summary>
internal static class DocumentConverter
{
    /// <summary>Converts the file at <paramref name="path"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public static Document ConvertFile(string path, ExtractorOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= ExtractorOptions.Default;
        return Guarded(path, () => FromResult(RowTextExtractor.ExtractFile(path, options, cancellationToken), options, cancellationToken));
    }

    /// <summary>Converts the bytes of a file named <paramref name="path"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public static Document Convert(string path, ReadOnlyMemory<byte> bytes, ExtractorOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= ExtractorOptions.Default;
        return Guarded(path, () => FromResult(RowTextExtractor.Extract(path, bytes, options, cancellationToken), options, cancellationToken));
    }

    /// <summary>
    /// The public boundary: an exception the conversion did not expect (a bug) becomes this file's
    /// <c>unreadable</c> error naming the exception, so that one file never takes down a batch or a script.
    /// </summary>
    private static Document Guarded(string path, Func<Document> convert)
    {
        try
        {
            return convert();
        }
#pragma warning disable CA1031 // The boundary: whatever went wrong is reported for this file.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            var kind = KindByName(path);
            var error = new Diagnostic(DiagnosticCodes.Unreadable, Severity.Error, $"{path}: internal error: {e.GetType().Name}: {e.Message}", null, null, null);
            return Document.Failed(new SourceInfo(path, string.Empty, kind, 0), error);
        }
    }

    /// <summary>The kind of source a file's name says it is, for a file whose reading failed before its bytes said.</summary>
    internal static string KindByName(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".pdf" => SourceKinds.Pdf,
        ".tif" or ".tiff" or ".png" or ".jpg" or ".jpeg" or ".bmp" => SourceKinds.ImageOcr,
        ".xlsx" or ".xlsm" => SourceKinds.Xlsx,
        ".xls" => SourceKinds.Xls,
        ".docx" or ".wps" => SourceKinds.Docx,
        _ => SourceKinds.Text,
    };

    /// <summary>Runs grammar, assembly and normalization on row text.</summary>
    public static Document FromRowText(RowText rows, SourceInfo source, IEnumerable<Diagnostic>? readingDiagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(source);
        var assembled = FormAssembler.Assemble(rows);
        var diagnostics = new List<Diagnostic>(readingDiagnostics ?? []);
        diagnostics.AddRange(assembled.Diagnostics);
        var forms = ImmutableArray.CreateBuilder<Form>(assembled.Forms.Length);
        foreach (var form in assembled.Forms)
        {
            diagnostics.AddRange(form.Diagnostics);
            forms.Add(FormNormalizer.Normalize(form, diagnostics));
        }

        return new Document(Document.CurrentSchemaVersion, source, forms.ToImmutable(), InReadingOrder(diagnostics));
    }

    /// <summary>Diagnostics in reading order: by page, then line, ties as given; document-level ones without a place last.</summary>
    internal static ImmutableArray<Diagnostic> InReadingOrder(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .Select((d, i) => (d, i))
            .OrderBy(x => x.d.Page ?? int.MaxValue)
            .ThenBy(x => x.d.Line ?? int.MaxValue)
            .ThenBy(x => x.i)
            .Select(x => x.d)
            .ToImmutableArray();

    /// <summary>How long the checks may spend choosing between OCR's readings of a document (at most what is left of its time limit).</summary>
    private static readonly TimeSpan ReadingChoiceLimit = TimeSpan.FromSeconds(10);

    private static Document FromResult(RowTextResult result, ExtractorOptions options, CancellationToken cancellationToken)
    {
        if (result.Rows is null)
        {
            return Document.Failed(result.Source, result.Error!, result.Diagnostics);
        }

        var document = FromRowText(result.Rows, result.Source, result.Diagnostics);
        if (result.Readings is { } readings)
        {
            document = ReadingChooser.Choose(document, readings, rows => FromRowText(rows, result.Source, result.Diagnostics), readings.TimeLeft < ReadingChoiceLimit ? readings.TimeLeft : ReadingChoiceLimit, cancellationToken);
        }

        return LowConfidence.Mark(WithYears(document, options), options.OcrLowConfidence);
    }

    /// <summary>Forms that print no year take it from the path pattern, else the year given (<see cref="ExtractorOptions.YearFromPath"/>, <see cref="ExtractorOptions.Year"/>).</summary>
    private static Document WithYears(Document document, ExtractorOptions options)
    {
        if ((options.YearFromPath is null && options.Year is null) || document.Forms.All(f => f.Year is not null))
        {
            return document;
        }

        var (year, source) = YearFromPath(document.Source.Path, options.YearFromPath) is { } fromPath
            ? (fromPath, YearSources.Path)
            : (options.Year, options.Year is null ? null : YearSources.Option);
        if (year is null)
        {
            return document;
        }

        return document with { Forms = [.. document.Forms.Select(f => f.Year is null ? f with { Year = year, YearSource = source } : f)] };
    }

    /// <summary>The year the pattern finds in the path: its group <c>year</c>, else its first group, else the whole match.</summary>
    private static int? YearFromPath(string path, Regex? pattern)
    {
        Match? match;
        try
        {
            match = pattern?.Match(path.Replace('\\', '/'));
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }

        if (match is null || !match.Success)
        {
            return null;
        }

        var group = match.Groups["year"] is { Success: true } named ? named : match.Groups.Count > 1 && match.Groups[1].Success ? match.Groups[1] : match.Groups[0];
        return int.TryParse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2200
            ? year
            : null;
    }
}
