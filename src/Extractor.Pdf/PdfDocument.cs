using System.Runtime.InteropServices;
using Extractor.Pdf.Content;
using Extractor.Pdf.Crypto;
using Extractor.Pdf.Fonts;
using Extractor.Pdf.Parsing;

namespace Extractor.Pdf;

/// <summary>
/// A PDF file opened for reading text. Pages are read on demand; fonts are cached per document.
/// Instances are not thread-safe.
/// </summary>
public sealed class PdfDocument : IDisposable
{
    private readonly PdfFile file;
    private readonly List<PageEntry> pages;
    private readonly FontLoader fonts;
    private readonly PdfOpenOptions options;
    private bool disposed;

    private readonly OptionalContent? optionalContent;

    private PdfDocument(PdfFile file, List<PageEntry> pages, PdfDocumentInformation information, bool isEncrypted, PdfOpenOptions options, OptionalContent? optionalContent)
    {
        this.optionalContent = optionalContent;
        this.file = file;
        this.pages = pages;
        this.options = options;
        Information = information;
        IsEncrypted = isEncrypted;
        fonts = new FontLoader(file);
    }

    /// <summary>Number of pages in the page tree.</summary>
    public int NumberOfPages => pages.Count;

    /// <summary>Entries of the document information dictionary.</summary>
    public PdfDocumentInformation Information { get; }

    /// <summary>Whether the file is encrypted (and was opened with an empty password).</summary>
    public bool IsEncrypted { get; }

    /// <summary>Problems met while opening the file that did not stop it (for example a rebuilt cross-reference).</summary>
    public IReadOnlyList<string> Warnings => file.Warnings;

    /// <summary>Opens a file from disk.</summary>
    /// <exception cref="PdfReadException">The file cannot be read as a PDF.</exception>
    public static PdfDocument Open(string path, PdfOpenOptions? options = null)
    {
        options ??= PdfOpenOptions.Default;
        byte[] data;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new PdfReadException(PdfErrorKind.NotPdf, $"file not found: {path}");
            }

            if (info.Length > options.MaxFileBytes)
            {
                throw new PdfReadException(PdfErrorKind.LimitExceeded, $"file is larger than {options.MaxFileBytes} bytes");
            }

            data = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new PdfReadException(PdfErrorKind.NotPdf, $"cannot read {path}: {e.Message}", e);
        }

        return OpenBytes(data, options);
    }

    /// <summary>
    /// Opens a file held in memory. Bytes that are a whole array are read in place and must not change while
    /// the document is open; a slice of an array is copied.
    /// </summary>
    /// <exception cref="PdfReadException">The bytes cannot be read as a PDF.</exception>
    public static PdfDocument Open(ReadOnlyMemory<byte> bytes, PdfOpenOptions? options = null)
    {
        options ??= PdfOpenOptions.Default;
        if (bytes.Length > options.MaxFileBytes)
        {
            throw new PdfReadException(PdfErrorKind.LimitExceeded, $"file is larger than {options.MaxFileBytes} bytes");
        }

        // A whole array is read in place (a scan's PDF can be tens of megabytes); a slice is copied.
        var whole = MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Array is { } array && segment.Offset == 0 && segment.Count == array.Length;
        return OpenBytes(whole ? segment.Array! : bytes.ToArray(), options);
    }

    private static PdfDocument OpenBytes(byte[] data, PdfOpenOptions options)
    {
        try
        {
            return OpenCore(data, options);
        }
        catch (PdfReadException)
        {
            throw;
        }
        catch (PdfLimitException e)
        {
            throw new PdfReadException(PdfErrorKind.LimitExceeded, e.Message, e);
        }
        catch (TimeoutException e)
        {
            throw new PdfReadException(PdfErrorKind.Timeout, e.Message, e);
        }
        catch (OutOfMemoryException e)
        {
            throw new PdfReadException(PdfErrorKind.LimitExceeded, "out of memory while reading the file", e);
        }
        catch (Exception e)
        {
            throw new PdfReadException(PdfErrorKind.Damaged, "the file is damaged: " + e.Message, e);
        }
    }

    private static PdfDocument OpenCore(byte[] data, PdfOpenOptions options)
    {
        var deadline = new Deadline(options.Timeout, options.CancellationToken);
        var file = new PdfFile(data, options, deadline);
        file.Load();

        bool encrypted = false;
        if (file.Trailer["Encrypt"] is { } encObj)
        {
            var encrypt = file.ResolveDictionary(encObj);
            if (encrypt is not null)
            {
                byte[] id = [];
                if (file.Resolve(file.Trailer["ID"]) is PdfArray ids && ids.Count > 0 && file.Resolve(ids[0]) is PdfString first)
                {
                    id = first.Bytes;
                }

                file.Security = SecurityHandler.Create(file, encrypt, id);
                file.ClearCache();
                encrypted = true;
            }
        }

        var catalog = file.ResolveDictionary(file.Trailer["Root"]);
        if (catalog is null && !file.Xref.Reconstructed)
        {
            file.UseReconstructed();
            catalog = file.ResolveDictionary(file.Trailer["Root"]);
        }

        List<PageEntry> pages = catalog is null ? new() : PageTree.Collect(file, catalog, options.MaxPages);
        if (pages.Count == 0)
        {
            if (!file.Xref.Reconstructed)
            {
                file.UseReconstructed();
                catalog = file.ResolveDictionary(file.Trailer["Root"]);
                if (catalog is not null)
                {
                    pages = PageTree.Collect(file, catalog, options.MaxPages);
                }
            }

            if (pages.Count == 0)
            {
                pages = PageTree.Scan(file, options.MaxPages);
            }

            if (pages.Count == 0)
            {
                throw new PdfReadException(PdfErrorKind.Damaged, "no pages could be found");
            }

            file.Warn("page tree unusable; pages found by scanning");
        }

        var info = ReadInformation(file);
        return new PdfDocument(file, pages, info, encrypted, options, OptionalContent.Create(file, catalog));
    }

    private static PdfDocumentInformation ReadInformation(PdfFile file)
    {
        if (file.ResolveDictionary(file.Trailer["Info"]) is not { } info)
        {
            return PdfDocumentInformation.Empty;
        }

        string? Text(string key) => file.Resolve(info[key]) is PdfString s ? s.ToText() : null;
        return new PdfDocumentInformation(Text("Producer"), Text("Creator"), Text("Title"), Text("Author"), Text("Subject"));
    }

    /// <summary>Reads one page. Problems inside the page do not throw: they come back in <see cref="PdfPage.Warnings"/>.</summary>
    /// <param name="pageNumber">1-based page number.</param>
    /// <exception cref="ArgumentOutOfRangeException">The number is not between 1 and <see cref="NumberOfPages"/>.</exception>
    /// <exception cref="ObjectDisposedException">The document was disposed.</exception>
    public PdfPage GetPage(int pageNumber)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNumber, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageNumber, pages.Count);
        var entry = pages[pageNumber - 1];
        var warnings = new List<string>();
        var deadline = new Deadline(options.Timeout, options.CancellationToken);
        file.Deadline = deadline;
        // pdftotext lays the page out on the media box (not the crop box): glyphs are kept or dropped against it.
        var display = PdfPage.DisplayMatrix(entry.MediaBox, entry.Rotation);
        bool swap = entry.Rotation is 90 or 270;
        double dw = swap ? entry.MediaBox.Height : entry.MediaBox.Width;
        double dh = swap ? entry.MediaBox.Width : entry.MediaBox.Height;
        var interpreter = new ContentInterpreter(file, fonts, options, deadline, display, dw, dh, optionalContent);
        int fileWarningsBefore = file.Warnings.Count;
        try
        {
            var content = ReadContents(entry.Dictionary, interpreter);
            interpreter.Run(content, entry.Resources);
            interpreter.DrawAnnotations(entry.Dictionary);
        }
        catch (PdfLimitException e)
        {
            interpreter.Warn("limit exceeded, page read partly: " + e.Message);
        }
        catch (TimeoutException e)
        {
            interpreter.Warn("page read partly: " + e.Message);
        }
        catch (Exception e)
        {
            // Page problems never throw: whatever was read so far comes back with a warning.
            interpreter.Warn("page damaged, read partly: " + e.Message);
        }

        for (int i = fileWarningsBefore; i < file.Warnings.Count; i++)
        {
            warnings.Add(file.Warnings[i]);
        }

        warnings.AddRange(interpreter.Warnings);
        List<Letter> letters;
        try
        {
            letters = PopplerWords.Apply(interpreter.Letters, interpreter.Glyphs, display, dh, options.RemoveDuplicateGlyphs);
        }
        catch (Exception e)
        {
            letters = interpreter.Letters;
            warnings.Add("word grouping failed, glyph boxes kept as drawn: " + e.Message);
        }

        var withoutUnicode = interpreter.Glyphs.Count(g => g.LetterIndex < 0 && !g.IsSpace);
        return new PdfPage(pageNumber, entry.MediaBox, entry.CropBox, entry.Rotation, letters.AsReadOnly(), interpreter.Segments.AsReadOnly(), interpreter.Images.AsReadOnly(), warnings.AsReadOnly())
        {
            GlyphsWithoutUnicode = withoutUnicode,
        };
    }

    private byte[] ReadContents(PdfDictionary page, ContentInterpreter interpreter)
    {
        var contents = file.Resolve(page["Contents"]);
        if (contents is PdfStream single)
        {
            return Decode(single, interpreter);
        }

        if (contents is not PdfArray array)
        {
            return [];
        }

        // Streams are joined with a newline, as operators may not span them but tokens must stay apart.
        var parts = new List<byte[]>();
        foreach (var item in array.Items)
        {
            if (file.Resolve(item) is PdfStream s)
            {
                parts.Add(Decode(s, interpreter));
            }
        }

        var result = new byte[parts.Sum(p => p.Length + 1)];
        int pos = 0;
        foreach (var p in parts)
        {
            p.CopyTo(result, pos);
            pos += p.Length;
            result[pos++] = (byte)'\n';
        }

        return result;
    }

    private byte[] Decode(PdfStream stream, ContentInterpreter interpreter)
    {
        try
        {
            var data = file.DecodeStream(stream, true, out var stopped);
            if (stopped is not null)
            {
                interpreter.Warn($"content stream uses the unsupported filter {stopped}");
                return [];
            }

            return data;
        }
        catch (PdfFormatException e)
        {
            interpreter.Warn("content stream unreadable: " + e.Message);
            return [];
        }
        catch (PdfLimitException e)
        {
            // One stream over a limit (a decompression bomb) costs that stream, not the page's other streams.
            interpreter.Warn($"limit exceeded, content stream {stream.ObjectNumber} not read: {e.Message}");
            return [];
        }
    }

    /// <summary>Reads every page in order.</summary>
    public IEnumerable<PdfPage> GetPages()
    {
        for (int i = 1; i <= pages.Count; i++)
        {
            yield return GetPage(i);
        }
    }

    /// <summary>Releases the file's bytes and caches.</summary>
    public void Dispose()
    {
        disposed = true;
    }
}
