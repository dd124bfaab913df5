using Extractor.Model;

namespace Extractor.Sources.Office;

/// <summary>
/// Reads an Office file into its printed grid: a workbook (.xlsx, .xls) or a Word document (.docx), told apart by
/// what the container holds, not by the name (the conversion sends it every ZIP and OLE2 container). The container is checked against <see cref="OfficeLimits"/>
/// before a reader opens it; legacy Word files (.doc, .wps) and other containers are refused as
/// <c>unsupported</c>, saying how to convert them. Every failure comes back as a value naming its reason.
/// </summary>
internal static class OfficeReader
{
    /// <summary>Reads the file within <paramref name="timeout"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public static OfficeReading Read(string path, ReadOnlyMemory<byte> bytes, OfficeLimits limits, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(limits);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var kind = KindByName(path);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var reading = Read(path, bytes, limits, ref kind, deadline.Token);

            // The deadline's timer may not have fired on a busy machine: a reading that took longer than the
            // limit is over it all the same.
            return System.Diagnostics.Stopwatch.GetElapsedTime(started) > timeout ? TimedOut(kind, timeout) : reading;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return TimedOut(kind, timeout);
        }
        catch (OfficeFailure e)
        {
            return Failed(kind, e.Code, e.Message);
        }
        catch (ExcelDataReader.Exceptions.InvalidPasswordException)
        {
            return Failed(kind, DiagnosticCodes.Encrypted, "the workbook is protected by a password");
        }
#pragma warning disable CA1031 // The readers of other projects fail on a damaged file with exceptions of any type: the file's failure, said with its reason.
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return Failed(kind, DiagnosticCodes.Unreadable, $"the {Describe(kind)} is damaged: {e.GetType().Name}: {e.Message}");
        }
    }

    private static OfficeReading TimedOut(string kind, TimeSpan timeout) =>
        Failed(kind, DiagnosticCodes.Timeout, $"timed out after {timeout.TotalSeconds:0.###} s, reading the {Describe(kind)}");

    private static OfficeReading Read(string path, ReadOnlyMemory<byte> bytes, OfficeLimits limits, ref string kind, CancellationToken cancellationToken)
    {
        var span = bytes.Span;
        if (ZipContainer.Recognizes(span))
        {
            var content = ZipContainer.Check(bytes, limits, cancellationToken);
            kind = content.Kind ?? kind;
            return content.Kind switch
            {
                SourceKinds.Xlsx => new OfficeReading(SheetReader.Read(bytes, legacy: false, limits, cancellationToken), kind, null, null),
                SourceKinds.Docx => new OfficeReading(WordReader.Read(bytes, limits, cancellationToken), kind, null, null),
                _ => Failed(kind, DiagnosticCodes.Unsupported, ZipContainer.Describe(content)),
            };
        }

        if (CompoundFile.Recognizes(span))
        {
            var file = CompoundFile.Check(bytes, limits, cancellationToken);
            if (file.Streams.Contains("EncryptedPackage"))
            {
                return Failed(kind, DiagnosticCodes.Encrypted, "the Office file is encrypted (protected by a password)");
            }

            if (file.Streams.Contains("Workbook") || file.Streams.Contains("Book"))
            {
                kind = SourceKinds.Xls;
                return file.SectorSize == 512
                    ? new OfficeReading(SheetReader.Read(bytes, legacy: true, limits, cancellationToken), kind, null, null)
                    : Failed(kind, DiagnosticCodes.Unsupported, "an Excel 97–2003 workbook stored with 4096-byte sectors, which is not read; convert it with `soffice --headless --convert-to xlsx` first");
            }

            if (file.Streams.Contains("WordDocument"))
            {
                kind = SourceKinds.Docx;
                return Failed(kind, DiagnosticCodes.Unsupported, LegacyWord(path));
            }

            return Failed(kind, DiagnosticCodes.Unsupported, file.Streams.Contains("PowerPoint Document")
                ? "a PowerPoint 97–2003 presentation, not an Excel or Word file"
                : "an OLE2 compound file that is not an Excel or Word file");
        }

        return Failed(kind, DiagnosticCodes.Unreadable, "the file is not an Office container (ZIP or OLE2)");
    }

    /// <summary>
    /// Why a Word 97–2003 or WPS document (the OLE2 stream <c>WordDocument</c>) is refused, with the command that
    /// converts it: <c>a Word 97–2003 document (.doc), which is not read; convert it to .docx first: `soffice --headless --convert-to docx a.doc`</c>.
    /// </summary>
    public static string LegacyWord(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        // Quoted as a POSIX shell takes it as one word when it holds spaces or the shell's own characters.
        var argument = name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '+' or ',' or '@' or '%' or ':' || (c > 127 && !char.IsWhiteSpace(c)))
            ? name
            : "'" + name.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
        return $"a Word 97–2003 document ({Extension(path, ".doc")}), which is not read; convert it to .docx first: `soffice --headless --convert-to docx {argument}`";
    }

    private static string KindByName(string path) => Extension(path, string.Empty) switch
    {
        ".xls" => SourceKinds.Xls,
        ".docx" or ".doc" or ".wps" => SourceKinds.Docx,
        _ => SourceKinds.Xlsx,
    };

    private static string Extension(string path, string otherwise)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension.Length > 0 ? extension : otherwise;
    }

    private static string Describe(string kind) => kind == SourceKinds.Docx ? "Word document" : "workbook";

    private static OfficeReading Failed(string kind, string code, string reason) => new(null, kind, code, reason);
}

/// <summary>An Office file read, or why not.</summary>
/// <param name="Grid">The grid; null when the file could not be read.</param>
/// <param name="Kind">What the file is: <c>xlsx</c>, <c>xls</c> or <c>docx</c> (by its content, or by its name when the content says nothing).</param>
/// <param name="Code">The diagnostic code of the failure, or null.</param>
/// <param name="Reason">The failure's reason, or null.</param>
internal sealed record OfficeReading(OfficeGrid? Grid, string Kind, string? Code, string? Reason);
