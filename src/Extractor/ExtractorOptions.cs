using System.Text.RegularExpressions;
using Extractor.Sources.Ocr;

namespace Extractor;

/// <summary>Bounds and choices for the conversions of a <see cref="FormExtractor"/>.</summary>
/// <param name="MaxInputBytes">Inputs larger than this are refused as unreadable.</param>
/// <param name="MaxLines">Text inputs with more lines than this are refused.</param>
/// <param name="MaxLineLength">Lines longer than this (characters) are refused.</param>
public sealed record ExtractorOptions(
    long MaxInputBytes = 256L * 1024 * 1024,
    int MaxLines = 200_000,
    int MaxLineLength = 100_000)
{
    /// <summary>
    /// Longest time one conversion may take, PDF reading, OCR and layout together; beyond it the conversion
    /// stops with a <c>timeout</c> error.
    /// </summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>The default time limit of one conversion (120 s).</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(120);

    /// <summary>Largest row-text input, in bytes; larger text files are refused as unreadable.</summary>
    /// <remarks>
    /// The line limit already bounds real row text (200,000 lines of a form are about 15 MB); this bounds text
    /// of long lines, which the stages after reading copy per line.
    /// </remarks>
    public long MaxTextBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Most letters read from one PDF page; a page with more is read up to this many, with a warning.</summary>
    /// <remarks>A dense form page has a few thousand: the limit keeps a hostile page from taking memory and layout time without bound.</remarks>
    public int MaxLettersPerPage { get; init; } = 100_000;

    /// <summary>Most letters read from one PDF; reading stops at the page that goes beyond, with an error.</summary>
    /// <remarks>All pages are laid out together, so what they hold is in memory at once.</remarks>
    public int MaxLettersPerDocument { get; init; } = 1_000_000;

    /// <summary>Most rulings read from one PDF page; lines beyond are not read, with a warning.</summary>
    public int MaxRulingsPerPage { get; init; } = 50_000;

    /// <summary>Largest decoded size of one PDF stream (a decompression bomb stops here).</summary>
    /// <remarks>
    /// Content streams of form pages are well under 1 MB and images are never decoded; each decoded megabyte
    /// costs several in buffers while it is read, so the bound is kept low.
    /// </remarks>
    public long MaxDecodedStreamBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Largest total of decoded PDF stream bytes for one conversion.</summary>
    public long MaxDecodedBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>When pages are read by OCR (<c>--ocr auto|always|never</c>).</summary>
    public OcrMode Ocr { get; init; } = OcrMode.Auto;

    /// <summary>The year of forms that print none (<c>--year</c>); their <c>yearSource</c> is <c>option</c>.</summary>
    public int? Year { get; init; }

    /// <summary>
    /// Takes the year of forms that print none from the input's path (<c>--year-from-path</c>): the group named
    /// <c>year</c>, else the first group, else the whole match; their <c>yearSource</c> is <c>path</c>. Tried
    /// before <see cref="Year"/>.
    /// </summary>
    public Regex? YearFromPath { get; init; }

    /// <summary>The password of encrypted PDFs (user or owner password); files without one open as before.</summary>
    public string? Password { get; init; }

    /// <summary>Only these pages are read (<c>--pages 1-3,7</c>); null for every page.</summary>
    public PageSelection? Pages { get; init; }

    /// <summary>
    /// The folder holding the OCR models (<c>--models DIR</c>); null to look in <c>$EXTRACTOR_MODELS</c>, then
    /// in <c>${XDG_DATA_HOME:-~/.local/share}/extractor/models</c>, where <c>scripts/install-models.sh</c> puts them.
    /// </summary>
    public string? OcrModels { get; init; }

    /// <summary>
    /// A fund row or indicator read by OCR whose lowest cell confidence is under this (0–1) gets an
    /// <c>ocr-low-confidence</c> warning with its JSON path.
    /// </summary>
    public double OcrLowConfidence { get; init; } = 0.8;

    /// <summary>Runs pdftoppm; null for the process runner (tests count or refuse its runs).</summary>
    internal IToolRunner? OcrToolRunner { get; init; }

    /// <summary>The OCR engine; null for the shared one of <see cref="OcrModels"/>.</summary>
    internal Sources.Ocr.Paddle.PaddleOcrEngine? OcrEngine { get; init; }

    /// <summary>What OCR runs with under these options.</summary>
    internal OcrSetup OcrSetup => new(OcrModels, OcrToolRunner ?? ProcessToolRunner.Instance, OcrEngine);

    /// <summary>The defaults.</summary>
    public static ExtractorOptions Default { get; } = new();
}
