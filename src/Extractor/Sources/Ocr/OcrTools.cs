namespace Extractor.Sources.Ocr;

/// <summary>The external programs OCR runs and the Debian packages that provide them.</summary>
internal static class OcrTools
{
    /// <summary>poppler's renderer.</summary>
    public const string Pdftoppm = "pdftoppm";

    /// <summary>The OCR engine.</summary>
    public const string Tesseract = "tesseract";

    /// <summary>The packages to install for OCR, as an apt-get line names them.</summary>
    public const string Packages = "poppler-utils tesseract-ocr tesseract-ocr-chi-sim";
}
