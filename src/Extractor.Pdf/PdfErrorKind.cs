namespace Extractor.Pdf;

/// <summary>Why a whole file could not be read.</summary>
public enum PdfErrorKind
{
    /// <summary>The bytes are not a PDF file.</summary>
    NotPdf,

    /// <summary>The file's structure is broken beyond recovery.</summary>
    Damaged,

    /// <summary>The file is encrypted and needs a password, or uses a security handler that is not supported.</summary>
    Encrypted,

    /// <summary>The file exceeds one of the limits in <see cref="PdfOpenOptions"/>.</summary>
    LimitExceeded,

    /// <summary>Reading took longer than <see cref="PdfOpenOptions.Timeout"/> or was cancelled.</summary>
    Timeout,
}
