using System.Collections.Immutable;
using System.Security.Cryptography;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Sources.Kinds;
using Extractor.Sources.Office;
using Extractor.Sources.Text;

namespace Extractor.Conversion;

/// <summary>
/// Gets the row text of an input file. Its type comes from its bytes (<see cref="InputSniffer"/>), and the
/// switch in <see cref="Extract(string, ReadOnlyMemory{byte}, ExtractorOptions?, CancellationToken)"/> sends it
/// to its reader: text files are read as they are, PDFs go through the text layer (and OCR) and the layout
/// stage, page images through OCR and the layout stage, Office files (.xlsx, .xls, .docx) through their
/// printed grid. This is what <c>extractor text</c> prints and what conversion starts from. An input that holds
/// no text at all is an error here, so that both see it.
/// </summary>
internal static class RowTextExtractor
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static RowTextResult ExtractFile(string path, ExtractorOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= ExtractorOptions.Default;
        try
        {
            if (Directory.Exists(path))
            {
                return Fail(path, string.Empty, SourceKinds.Text, DiagnosticCodes.Unreadable, "is a directory, not a file");
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return Fail(path, string.Empty, SourceKinds.Text, DiagnosticCodes.Unreadable, "no such file");
            }

            if (info.Length > options.MaxInputBytes)
            {
                return Fail(path, string.Empty, SourceKinds.Text, DiagnosticCodes.Unreadable, $"the file is {info.Length} bytes, more than the limit of {options.MaxInputBytes}");
            }

            // The bytes read here are the conversion's own: an image reader may point a TIFF's header at each page in turn.
            return Extract(path, File.ReadAllBytes(path), owned: true, options, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(path, string.Empty, SourceKinds.Text, DiagnosticCodes.Unreadable, e.Message);
        }
    }

    /// <summary>Reads the bytes of a file named <paramref name="path"/>.</summary>
    public static RowTextResult Extract(string path, ReadOnlyMemory<byte> bytes, ExtractorOptions? options = null, CancellationToken cancellationToken = default) =>
        Extract(path, bytes, owned: false, options, cancellationToken);

    /// <summary>
    /// Reads the bytes of a file named <paramref name="path"/>; <paramref name="owned"/> when no one else holds
    /// them, so that a reader may change them while it reads and put them back (<see cref="ImageRowText"/>).
    /// </summary>
    private static RowTextResult Extract(string path, ReadOnlyMemory<byte> bytes, bool owned, ExtractorOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= ExtractorOptions.Default;
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes.Span));
        if (bytes.Length > options.MaxInputBytes)
        {
            return Fail(path, sha, SourceKinds.Text, DiagnosticCodes.Unreadable, $"the input is {bytes.Length} bytes, more than the limit of {options.MaxInputBytes}");
        }

        var type = InputSniffer.Identify(bytes.Span);
        return type.Route switch
        {
            InputRoute.Pdf => PdfRowText.Extract(path, sha, bytes, options, cancellationToken),
            InputRoute.Text => ExtractText(path, sha, bytes.Span, options, cancellationToken),
            InputRoute.Empty => Fail(path, sha, SourceKinds.Text, DiagnosticCodes.NoText, "the file is empty"),

            InputRoute.Image => ImageRowText.Extract(path, sha, type.Description, bytes, owned, options, cancellationToken),
            InputRoute.Office => ExtractOffice(path, sha, bytes, type, options, cancellationToken),

            // A Word 97–2003 or WPS document, known by its directory: refused with the command that converts it.
            InputRoute.Unsupported when type.Name is "doc" => new(null, new SourceInfo(path, sha, type.Name, 0), new Diagnostic(DiagnosticCodes.Unsupported, Severity.Error, $"{path}: {OfficeReader.LegacyWord(path)}", null, null, type.Name), []),

            // Encrypted and other containers (a damaged .xlsx among them): the Office reader says what they are.
            InputRoute.Unsupported when type.Name is "office-encrypted" or "zip" or "ole2" => ExtractOffice(path, sha, bytes, type, options, cancellationToken),
            _ => Unsupported(path, sha, type, type.Name, Advice(type.Name)),
        };
    }

    /// <summary>An input that could not be read.</summary>
    internal static RowTextResult Fail(string path, string sha, string kind, string code, string reason) =>
        new(null, new SourceInfo(path, sha, kind, 0), new Diagnostic(code, Severity.Error, $"{path}: {reason}", null, null, null), []);

    /// <summary>What to do with an input of a type no reader here takes.</summary>
    private static string Advice(string type) => type switch
    {
        "ods" => "convert it with `soffice --headless --convert-to xlsx` first",
        "odt" or "rtf" => "convert it with `soffice --headless --convert-to docx` first",
        _ => "the extractor reads PDFs, row text, and Excel and Word files (.xlsx, .xls, .docx)",
    };

    /// <summary>An Office file through its printed grid; a failure of type unsupported names the type, as <see cref="Unsupported"/> does.</summary>
    private static RowTextResult ExtractOffice(string path, string sha, ReadOnlyMemory<byte> bytes, InputType type, ExtractorOptions options, CancellationToken cancellationToken)
    {
        var reading = OfficeReader.Read(path, bytes, OfficeLimits.Default, options.Timeout, cancellationToken);
        if (reading.Grid is not { } grid)
        {
            var text = reading.Code == DiagnosticCodes.Unsupported ? type.Name : null;
            return new(null, new SourceInfo(path, sha, reading.Kind, 0), new Diagnostic(reading.Code!, Severity.Error, $"{path}: {reading.Reason}", null, null, text), []);
        }

        var diagnostics = grid.Diagnostics.Select(d => d with { Message = $"{path}: {d.Message}" }).ToImmutableArray();
        var rows = GridLayout.Read(grid);
        var source = new SourceInfo(path, sha, reading.Kind, grid.PageCount);
        if (options.Pages is { } selection)
        {
            // A workbook's pages are its visible sheets; a Word document's, what its explicit page breaks make.
            rows = rows with { Lines = [.. rows.Lines.Where(l => selection.Contains(l.Page))] };
            if (rows.Lines.IsEmpty)
            {
                return new(null, source, new Diagnostic(DiagnosticCodes.NoText, Severity.Error, $"{path}: no text on the pages asked for ({selection}) of its {source.Pages}", null, null, null), diagnostics);
            }
        }

        return new RowTextResult(rows, source, null, diagnostics);
    }

    /// <summary>An input of a type no reader here takes; the diagnostic's text is the type's short name.</summary>
    private static RowTextResult Unsupported(string path, string sha, InputType type, string kind, string why) =>
        new(null, new SourceInfo(path, sha, kind, 0), new Diagnostic(DiagnosticCodes.Unsupported, Severity.Error, $"{path}: {type.Description}: {why}", null, null, type.Name), []);

    private static RowTextResult ExtractText(string path, string sha, ReadOnlySpan<byte> bytes, ExtractorOptions options, CancellationToken cancellationToken)
    {
        if (bytes.Length > options.MaxTextBytes)
        {
            return Fail(path, sha, SourceKinds.Text, DiagnosticCodes.Unreadable, $"the text is {bytes.Length} bytes, more than the limit of {options.MaxTextBytes} for row text");
        }

        var decoded = TextDecoder.Decode(bytes);
        if (decoded.Text is null)
        {
            return decoded.IsBinary
                ? Unsupported(path, sha, InputSniffer.Binary with { Description = decoded.Error! }, "binary", Advice("binary"))
                : Fail(path, sha, SourceKinds.Text, DiagnosticCodes.NoText, decoded.Error!);
        }

        var limits = CheckTextLimits(decoded.Text, options);
        if (limits is not null)
        {
            return Fail(path, sha, SourceKinds.Text, DiagnosticCodes.Unreadable, limits);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var rows = RowTextReader.Read(decoded.Text);
        var source = new SourceInfo(path, sha, SourceKinds.Text, rows.PageCount);
        if (options.Pages is { } selection)
        {
            rows = rows with { Lines = [.. rows.Lines.Where(l => selection.Contains(l.Page))] };
            if (rows.Lines.IsEmpty)
            {
                return new(null, source, new Diagnostic(DiagnosticCodes.NoText, Severity.Error, $"{path}: no text on the pages asked for ({selection}) of its {source.Pages}", null, null, null), []);
            }
        }

        return new RowTextResult(rows, source, null, []);
    }

    private static string? CheckTextLimits(string text, ExtractorOptions options)
    {
        var lines = 1;
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];

            // Lines end as the row-text reader ends them: LF, CRLF, or CR alone.
            if (c == '\n' || (c == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                lines++;
                length = 0;
                if (lines > options.MaxLines)
                {
                    return $"more than {options.MaxLines} lines";
                }
            }
            else if (c != '\r' && ++length > options.MaxLineLength)
            {
                return $"line {lines} is longer than {options.MaxLineLength} characters";
            }
        }

        return null;
    }
}
