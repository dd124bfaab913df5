namespace Extractor.Pdf;

/// <summary>The only exception type that leaves the public API: a whole-file problem.</summary>
public sealed class PdfReadException : Exception
{
    /// <summary>Creates an exception of the given kind.</summary>
    public PdfReadException(PdfErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>Creates a <see cref="PdfErrorKind.Damaged"/> exception.</summary>
    public PdfReadException()
        : this(PdfErrorKind.Damaged, "The PDF file could not be read.")
    {
    }

    /// <summary>Creates a <see cref="PdfErrorKind.Damaged"/> exception with a message.</summary>
    public PdfReadException(string message)
        : this(PdfErrorKind.Damaged, message)
    {
    }

    /// <summary>Creates a <see cref="PdfErrorKind.Damaged"/> exception with a message and cause.</summary>
    public PdfReadException(string message, Exception innerException)
        : this(PdfErrorKind.Damaged, message, innerException)
    {
    }

    /// <summary>What kind of problem it is.</summary>
    public PdfErrorKind Kind { get; }
}
