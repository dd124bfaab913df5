namespace Extractor.Pdf;

/// <summary>A point in PDF user space (points, origin bottom-left).</summary>
/// <param name="X">Horizontal coordinate.</param>
/// <param name="Y">Vertical coordinate.</param>
public readonly record struct PdfPoint(double X, double Y);
