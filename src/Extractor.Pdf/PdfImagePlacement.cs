namespace Extractor.Pdf;

/// <summary>Where an image was drawn on the page.</summary>
/// <param name="Bounds">Bounding box of the transformed unit square, in user space.</param>
/// <param name="PixelWidth">Width of the image in samples (0 when unknown).</param>
/// <param name="PixelHeight">Height of the image in samples (0 when unknown).</param>
/// <param name="IsInline">Whether it was an inline image (BI … EI) rather than an image XObject.</param>
public sealed record PdfImagePlacement(PdfRectangle Bounds, int PixelWidth, int PixelHeight, bool IsInline);
