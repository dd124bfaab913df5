using System.Collections.Immutable;
using Extractor.Assembly;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Normalize;

namespace Extractor.Conversion;

/// <summary>
/// Converts one input file into a <see cref="Document"/>. Expected failures (empty, binary, encrypted or
/// damaged input, no form) come back as diagnostics of severity error, never as exceptions.
/// </summary>
public static class DocumentConverter
{
    /// <summary>Converts the file at <paramref name="path"/>.</summary>
    public static Document ConvertFile(string path, ConversionOptions? options = null, CancellationToken cancellationToken = default) =>
        FromResult(RowTextExtractor.ExtractFile(path, options, cancellationToken));

    /// <summary>Converts the bytes of a file named <paramref name="path"/>.</summary>
    public static Document Convert(string path, ReadOnlyMemory<byte> bytes, ConversionOptions? options = null, CancellationToken cancellationToken = default) =>
        FromResult(RowTextExtractor.Extract(path, bytes, options, cancellationToken));

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

        // Reading order: by page, then line; document-level ones without a place last.
        var ordered = diagnostics
            .Select((d, i) => (d, i))
            .OrderBy(x => x.d.Page ?? int.MaxValue)
            .ThenBy(x => x.d.Line ?? int.MaxValue)
            .ThenBy(x => x.i)
            .Select(x => x.d)
            .ToImmutableArray();
        return new Document(Document.CurrentSchemaVersion, source, forms.ToImmutable(), ordered);
    }

    private static Document FromResult(RowTextResult result) =>
        result.Rows is null
            ? new Document(Document.CurrentSchemaVersion, result.Source, [], [.. result.Diagnostics, result.Error!])
            : FromRowText(result.Rows, result.Source, result.Diagnostics);
}
