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
}
