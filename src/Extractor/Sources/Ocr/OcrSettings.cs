using System.Collections.Immutable;

namespace Extractor.Sources.Ocr;

/// <summary>How pages are rendered and read.</summary>
internal sealed record OcrSettings
{
    /// <summary>The defaults, chosen by measuring on fixtures/scans.</summary>
    public static OcrSettings Default { get; } = new();

    /// <summary>Resolution pages are rendered at for OCR (dots per inch).</summary>
    public int Dpi { get; init; } = 300;

    /// <summary>
    /// Resolutions tesseract reads the cells at (dots per inch, at most <see cref="Dpi"/>): the page is
    /// rendered at <see cref="Dpi"/> to find rulings and signs, and each piece is shrunk to the first and
    /// read; doubtful pieces (see <see cref="SureEnough"/>) are read at the others too, and a piece keeps
    /// the reading with all its lines that tesseract is surest of. The Latin reading of numbers uses the first.
    /// </summary>
    public ImmutableArray<int> ReadDpis { get; init; } = [200, 150];

    /// <summary>
    /// A piece whose first reading is at least this sure (tesseract's confidence, 0–100, weighted by the
    /// words' lengths) and has all its lines is not read at the other resolutions.
    /// </summary>
    public double SureEnough { get; init; } = 80;

    /// <summary>Tesseract's language.</summary>
    public string Language { get; init; } = "chi_sim";

    /// <summary>Tesseract's language for a second reading of cells that hold only numbers (used when installed).</summary>
    public string NumberLanguage { get; init; } = "eng";

    /// <summary>Tesseract's page segmentation mode for a table cell or the text around the tables.</summary>
    public int PageSegmentationMode { get; init; } = 6;

    /// <summary>Longest time the OCR of one page may take.</summary>
    public TimeSpan PageTimeout { get; init; } = TimeSpan.FromSeconds(90);
}
