namespace Extractor.Pdf.Parsing;

/// <summary>Structure error inside the reader; becomes <see cref="PdfErrorKind.Damaged"/> at the boundary or a page warning.</summary>
internal sealed class PdfFormatException : Exception
{
    public PdfFormatException(string message)
        : base(message)
    {
    }

    public PdfFormatException()
    {
    }

    public PdfFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>A limit from <see cref="PdfOpenOptions"/> was hit.</summary>
internal sealed class PdfLimitException : Exception
{
    public PdfLimitException(string message)
        : base(message)
    {
    }

    public PdfLimitException()
    {
    }

    public PdfLimitException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
