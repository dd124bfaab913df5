namespace Extractor.Model;

/// <summary>Values of <see cref="SourceInfo.Kind"/>.</summary>
public static class SourceKinds
{
    /// <summary>Row text already pulled out of a PDF.</summary>
    public const string Text = "text";

    /// <summary>A PDF read through its text layer.</summary>
    public const string Pdf = "pdf";

    /// <summary>A PDF of which at least one page was read by OCR.</summary>
    public const string PdfOcr = "pdf-ocr";

    /// <summary>An image file (TIFF, PNG, JPEG, BMP) read by OCR.</summary>
    public const string ImageOcr = "image-ocr";

    /// <summary>An Excel workbook (Office Open XML).</summary>
    public const string Xlsx = "xlsx";

    /// <summary>An Excel 97–2003 workbook.</summary>
    public const string Xls = "xls";

    /// <summary>A Word document (Office Open XML).</summary>
    public const string Docx = "docx";
}
