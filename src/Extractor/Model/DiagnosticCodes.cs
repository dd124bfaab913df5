namespace Extractor.Model;

/// <summary>Codes of <see cref="Diagnostic"/>.</summary>
public static class DiagnosticCodes
{
    /// <summary>Text was read but fits no field.</summary>
    public const string UnplacedText = "unplaced-text";

    /// <summary>A page has no usable text layer and needs OCR.</summary>
    public const string NoTextLayer = "no-text-layer";

    /// <summary>OCR was needed but the tools are not installed.</summary>
    public const string OcrUnavailable = "ocr-unavailable";

    /// <summary>OCR's reading of a cell was repaired from what the domain knows (an extension of the contract's codes).</summary>
    public const string OcrRepair = "ocr-repair";

    /// <summary>The file is encrypted and cannot be opened without a password.</summary>
    public const string Encrypted = "encrypted";

    /// <summary>The file could not be read; the message says why.</summary>
    public const string Unreadable = "unreadable";

    /// <summary>The conversion did not finish within its time limit; the message names the limit.</summary>
    public const string Timeout = "timeout";

    /// <summary>The input was read but holds no self-evaluation form.</summary>
    public const string NoForm = "no-form";

    /// <summary>A form stops before its table is complete (cut off, or a section is missing).</summary>
    public const string FormIncomplete = "form-incomplete";

    /// <summary>The file was read despite damage (truncated, recovered cross-reference table, fonts that failed to load, glyphs without Unicode, pages skipped); the message says what was lost.</summary>
    public const string Damaged = "damaged";

    /// <summary>An OCR'd value the recogniser was unsure of; the diagnostic's path names it.</summary>
    public const string OcrLowConfidence = "ocr-low-confidence";

    /// <summary>The input's type (from its bytes) is not one the extractor reads; the message says which it is.</summary>
    public const string Unsupported = "unsupported";

    /// <summary>The input holds no text at all (an empty file, pages without text and without images).</summary>
    public const string NoText = "no-text";
}
