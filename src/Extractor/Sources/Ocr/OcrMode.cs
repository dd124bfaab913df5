namespace Extractor.Sources.Ocr;

/// <summary>When pages of a PDF are read by OCR.</summary>
public enum OcrMode
{
    /// <summary>
    /// Pages with no text layer, or with only an invisible layer of poor quality over a scan, are OCR'd;
    /// pages with a visible text layer never are.
    /// </summary>
    Auto,

    /// <summary>Every page is OCR'd, whatever text layer it has.</summary>
    Always,

    /// <summary>No page is OCR'd; pages without text are reported with <c>no-text-layer</c>.</summary>
    Never,
}
