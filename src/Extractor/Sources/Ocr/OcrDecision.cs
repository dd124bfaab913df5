using Extractor.Pdf;

namespace Extractor.Sources.Ocr;

/// <summary>Decides which pages need OCR.</summary>
internal static class OcrDecision
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

        return Auto(page, ScanOf(page));
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
        if (mode != OcrMode.Auto)
        {
            return [.. pages.Select(p => Decide(p, mode))];
        }

        var scans = pages.Select(ScanOf).ToList();
        var needs = pages.Select((p, i) => Auto(p, scans[i])).ToList();
        if (needs.Contains(OcrNeed.PoorTextLayer))
        {
            for (var i = 0; i < pages.Count; i++)
            {
                if (needs[i] == OcrNeed.None && scans[i] == Scan.UnderInvisibleText)
                {
                    needs[i] = OcrNeed.PoorTextLayer;
                }
            }
        }

        return needs;
    }

    /// <summary>What <see cref="OcrMode.Auto"/> makes of a page: scans are OCR'd without text, or under a poor invisible layer.</summary>
    private static OcrNeed Auto(PdfPage page, Scan scan) => scan switch
    {
        Scan.ImagesOnly => OcrNeed.NoTextLayer,
        Scan.UnderInvisibleText => TextLayerQuality.Judge(page.Letters).IsPoor ? OcrNeed.PoorTextLayer : OcrNeed.None,
        _ => OcrNeed.None,
    };

    /// <summary>Whether a page is a scan: images cover most of it and it has no visible text; and whether it has invisible text.</summary>
    private static Scan ScanOf(PdfPage page)
    {
        var text = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        if (text.Any(l => !IsInvisible(l.RenderingMode)) || ImageCover(page) < MinImageCover)
        {
            return Scan.Not;
        }

        return text.Count == 0 ? Scan.ImagesOnly : Scan.UnderInvisibleText;
    }

    /// <summary>The share of the crop box covered by the largest image drawn on it.</summary>
    public static double ImageCover(PdfPage page) => LargestImage(page)?.Cover ?? 0;

    /// <summary>The image drawn over most of the crop box and the share of the box it covers; null when none covers any of it.</summary>
    public static (PdfImagePlacement Image, double Cover)? LargestImage(PdfPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var area = page.CropBox.Width * page.CropBox.Height;
        if (area <= 0)
        {
            return null;
        }

        (PdfImagePlacement Image, double Cover)? best = null;
        foreach (var image in page.Images)
        {
            var b = image.Bounds;
            var w = Math.Min(b.Right, page.CropBox.Right) - Math.Max(b.Left, page.CropBox.Left);
            var h = Math.Min(b.Top, page.CropBox.Top) - Math.Max(b.Bottom, page.CropBox.Bottom);
            if (w > 0 && h > 0 && w * h / area > (best?.Cover ?? 0))
            {
                best = (image, w * h / area);
            }
        }

        return best;
    }

    private static bool IsInvisible(TextRenderingMode mode) => mode is TextRenderingMode.Neither or TextRenderingMode.NeitherClip;

    private enum Scan
    {
        Not,
        ImagesOnly,
        UnderInvisibleText,
    }
}
