namespace Extractor.Sources.Ocr;

/// <summary>Why a page is, or is not, read by OCR.</summary>
internal enum OcrNeed
{
    /// <summary>The page's text layer is used.</summary>
    None,

    /// <summary>The page has no text, only a scanned image.</summary>
    NoTextLayer,

    /// <summary>The page has an invisible OCR layer over a scan, and it reads poorly.</summary>
    PoorTextLayer,

    /// <summary>OCR was asked for every page.</summary>
    Always,
}
