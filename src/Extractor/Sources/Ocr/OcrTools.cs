namespace Extractor.Sources.Ocr;

/// <summary>The external program OCR runs and the Debian package that provides it.</summary>
internal static class OcrTools
{
    /// <summary>poppler's renderer: draws a PDF page, whatever kind its images are (JPEG, Flate, CCITT G4, JBIG2, JPX).</summary>
    public const string Pdftoppm = "pdftoppm";

    /// <summary>The package to install for it, as an apt-get line names it.</summary>
    public const string Packages = "poppler-utils";
}
