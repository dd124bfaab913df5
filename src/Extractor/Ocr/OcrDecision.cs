using Extractor.Pdf;

namespace Extractor.Ocr;

/// <summary>Decides which pages need OCR.</summary>
public static class OcrDecision
{
    /// <summary>Share of the page that images must cover for the page to count as a scan.</summary>
    public const double MinImageCover = 0.5;

    /// <summary>
    /// Whether <paramref name="page"/> is read by OCR under <paramref name="mode"/>. In <see cref="OcrMode.Auto"/>
    /// a page with visible text is never OCR'd; a page whose images cover most of it is OCR'd when it has no
    /// text at all, or only an invisible layer that <see cref="TextLayerQuality"/> judges poor.
    /// </summary>
    public static OcrNeed Decide(PdfPage page, OcrMode mode)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (mode == OcrMode.Never)
        {
            return OcrNeed.None;
        }

        if (mode == OcrMode.Always)
        {
            return OcrNeed.Always;
        }

        var text = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        if (text.Any(l => !IsInvisible(l.RenderingMode)) || ImageCover(page) < MinImageCover)
        {
            return OcrNeed.None;
        }

        if (text.Count == 0)
        {
            return OcrNeed.NoTextLayer;
        }

        return TextLayerQuality.Judge(page.Letters).IsPoor ? OcrNeed.PoorTextLayer : OcrNeed.None;
    }

    /// <summary>
    /// The decisions for all pages of a document: as <see cref="Decide"/>, except that once one page's
    /// invisible layer is judged poor, every page that is a scan under an invisible layer is read by OCR
    /// too. The layer is the work of one scanner's OCR, and a page with too little text to judge (the last
    /// page, holding only the 总分 row) is read as badly as the rest.
    /// </summary>
    public static IReadOnlyList<OcrNeed> DecideAll(IReadOnlyList<PdfPage> pages, OcrMode mode)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var needs = pages.Select(p => Decide(p, mode)).ToList();
        if (mode == OcrMode.Auto && needs.Contains(OcrNeed.PoorTextLayer))
        {
            for (var i = 0; i < pages.Count; i++)
            {
                if (needs[i] == OcrNeed.None && IsScanUnderInvisibleText(pages[i]))
                {
                    needs[i] = OcrNeed.PoorTextLayer;
                }
            }
        }

        return needs;
    }

    /// <summary>True when images cover most of the page and all its text is invisible (and there is some).</summary>
    private static bool IsScanUnderInvisibleText(PdfPage page)
    {
        var text = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        return text.Count > 0 && text.All(l => IsInvisible(l.RenderingMode)) && ImageCover(page) >= MinImageCover;
    }

    /// <summary>The share of the crop box covered by the largest image drawn on it.</summary>
    public static double ImageCover(PdfPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var area = page.CropBox.Width * page.CropBox.Height;
        if (area <= 0)
        {
            return 0;
        }

        var best = 0.0;
        foreach (var image in page.Images)
        {
            var b = image.Bounds;
            var w = Math.Min(b.Right, page.CropBox.Right) - Math.Max(b.Left, page.CropBox.Left);
            var h = Math.Min(b.Top, page.CropBox.Top) - Math.Max(b.Bottom, page.CropBox.Bottom);
            if (w > 0 && h > 0)
            {
                best = Math.Max(best, w * h / area);
            }
        }

        return best;
    }

    private static bool IsInvisible(TextRenderingMode mode) => mode is TextRenderingMode.Neither or TextRenderingMode.NeitherClip;
}
