namespace Extractor.Sources.Kinds;

/// <summary>Which reader an input goes to, by what its bytes are.</summary>
internal enum InputRoute
{
    /// <summary>No bytes at all.</summary>
    Empty,

    /// <summary>A PDF: the text layer, and OCR for scanned pages.</summary>
    Pdf,

    /// <summary>Row text, or some other text (the text decoder decides).</summary>
    Text,

    /// <summary>A page image (PNG, JPEG, TIFF, BMP), for OCR.</summary>
    Image,

    /// <summary>An Office workbook or document that holds the form as a table (xlsx, xls, docx).</summary>
    Office,

    /// <summary>A type no reader takes; the type says which it is.</summary>
    Unsupported,
}
