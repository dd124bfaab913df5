using System.Collections.Immutable;
using Extractor.Model;
using Extractor.Pdf;

namespace Extractor.Sources.Pdf;

/// <summary>The pages of a PDF as its text layer gives them.</summary>
/// <param name="path">The file, for messages.</param>
/// <param name="pages">The pages read from the file.</param>
internal sealed class TextLayerSource(string path, IReadOnlyList<PdfPage> pages) : IPageSource
{
    /// <inheritdoc/>
    public PageContent? Read(int number, ImmutableArray<Diagnostic>.Builder diagnostics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var page = pages[number - 1];
        var content = PdfPageContent.From(page);
        if (content.Glyphs.IsEmpty && page.Images.Count > 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.NoTextLayer, Severity.Warning, $"{path}: page {page.Number} has no text layer, only images: it needs OCR", page.Number, null, null));
        }

        return content;
    }
}
