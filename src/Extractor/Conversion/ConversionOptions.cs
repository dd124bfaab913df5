using Extractor.Ocr;

namespace Extractor.Conversion;

/// <summary>Bounds and choices for one conversion.</summary>
/// <param name="MaxInputBytes">Inputs larger than this are refused as unreadable.</param>
/// <param name="MaxLines">Text inputs with more lines than this are refused.</param>
/// <param name="MaxLineLength">Lines longer than this (characters) are refused.</param>
public sealed record ConversionOptions(
    long MaxInputBytes = 256L * 1024 * 1024,
    int MaxLines = 200_000,
    int MaxLineLength = 100_000)
{
    /// <summary>Longest time reading one PDF may take; beyond it the conversion fails with a timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>When pages are read by OCR (<c>--ocr auto|always|never</c>).</summary>
    public OcrMode Ocr { get; init; } = OcrMode.Auto;

    /// <summary>The OCR engine; null for the shared one, which runs the installed pdftoppm and tesseract.</summary>
    public OcrEngine? OcrEngine { get; init; }

    /// <summary>The defaults.</summary>
    public static ConversionOptions Default { get; } = new();
}
