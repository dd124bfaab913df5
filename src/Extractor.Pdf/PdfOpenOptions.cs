namespace Extractor.Pdf;

/// <summary>Limits on everything a file controls, with defaults safe for untrusted input.</summary>
public sealed record PdfOpenOptions
{
    /// <summary>The defaults.</summary>
    public static PdfOpenOptions Default { get; } = new();

    /// <summary>Largest file accepted, in bytes.</summary>
    public long MaxFileBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Largest decoded size of any single stream, in bytes.</summary>
    public long MaxDecompressedBytesPerStream { get; init; } = 256L * 1024 * 1024;

    /// <summary>Largest total of decoded stream bytes over the life of the document (every page read counts; images are never decoded).</summary>
    public long MaxTotalDecompressedBytes { get; init; } = 8L * 1024 * 1024 * 1024;

    /// <summary>Deepest nesting of arrays and dictionaries, and of q/Q and marked content.</summary>
    public int MaxNestingDepth { get; init; } = 256;

    /// <summary>Most content-stream operators run for one page (forms and Type 3 glyphs included).</summary>
    public int MaxOperatorsPerPage { get; init; } = 5_000_000;

    /// <summary>Most letters kept for one page; glyphs beyond are not read (and a warning says so).</summary>
    public int MaxLettersPerPage { get; init; } = 2_000_000;

    /// <summary>Most rulings kept for one page; lines beyond are not read (and a warning says so).</summary>
    public int MaxSegmentsPerPage { get; init; } = 1_000_000;

    /// <summary>Deepest nesting of Form XObjects and Type 3 glyph procedures.</summary>
    public int MaxXObjectDepth { get; init; } = 20;

    /// <summary>Most indirect objects the cross-reference may declare.</summary>
    public int MaxObjects { get; init; } = 10_000_000;

    /// <summary>Most pages in the page tree.</summary>
    public int MaxPages { get; init; } = 100_000;

    /// <summary>Wall-clock budget for opening the file, and separately for reading each page.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Cancels reading; treated like a timeout.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>
    /// The password of an encrypted file, tried as the user password and then as the owner password after the
    /// empty password; null to try the empty password only.
    /// </summary>
    public string? Password { get; init; }

    /// <summary>Remove glyphs drawn twice at (nearly) the same place, as for fake bold; poppler does the same.</summary>
    public bool RemoveDuplicateGlyphs { get; init; } = true;

    /// <summary>Filled rectangles whose short side is at most this many points become <see cref="Segment"/>s.</summary>
    public double MaxRulingThickness { get; init; } = 3.0;
}
