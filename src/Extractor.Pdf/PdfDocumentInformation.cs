namespace Extractor.Pdf;

/// <summary>Entries of the document information dictionary.</summary>
/// <param name="Producer">The producing application.</param>
/// <param name="Creator">The application that created the original document.</param>
/// <param name="Title">The document title.</param>
/// <param name="Author">The author.</param>
/// <param name="Subject">The subject.</param>
public sealed record PdfDocumentInformation(string? Producer, string? Creator, string? Title, string? Author = null, string? Subject = null)
{
    /// <summary>An information block with no entries.</summary>
    public static PdfDocumentInformation Empty { get; } = new(null, null, null);
}
