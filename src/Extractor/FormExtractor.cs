using Extractor.Conversion;
using Extractor.Model;

namespace Extractor;

/// <summary>
/// The library's entry point: converts self-evaluation reports (PDF, scanned PDF, row text) into
/// <see cref="Document"/>s — every form, figure, indicator and score, with the audit checks run and where
/// each value came from. Expected failures (a damaged, encrypted or empty file, no form) come back as error
/// diagnostics in the document, never as exceptions. One instance may be used from many threads.
/// </summary>
/// <example>
/// <code>
/// var extractor = new FormExtractor(new ExtractorOptions { Timeout = TimeSpan.FromSeconds(60) });
/// var document = extractor.Extract("report.pdf");
/// foreach (var form in document.Forms) Console.WriteLine($"{form.ProjectName}: {form.Total?.Score}");
/// </code>
/// </example>
public sealed class FormExtractor
{
    /// <summary>An extractor with <paramref name="options"/>, or the defaults.</summary>
    public FormExtractor(ExtractorOptions? options = null)
    {
        Options = options ?? ExtractorOptions.Default;
    }

    /// <summary>The bounds and choices every conversion of this extractor uses.</summary>
    public ExtractorOptions Options { get; }

    /// <summary>Converts the file at <paramref name="path"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public Document Extract(string path, CancellationToken cancellationToken = default) =>
        DocumentConverter.ConvertFile(path, Options, cancellationToken);

    /// <summary>Converts the bytes of a file; <paramref name="path"/> names it in the output and in messages.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public Document Extract(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default) =>
        DocumentConverter.Convert(path, bytes, Options, cancellationToken);

    /// <summary>
    /// The row text of the file at <paramref name="path"/> (what <c>extractor text</c> prints): one table row a
    /// line, cells separated by tabs, a blank line between pages. Any reading problem can be seen there.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public RowTextReading ReadRowText(string path, CancellationToken cancellationToken = default)
    {
        var result = RowTextExtractor.ExtractFile(path, Options, cancellationToken);
        return new RowTextReading(result.Source, result.Rows?.ToTabText(), result.Error, result.Diagnostics);
    }
}
