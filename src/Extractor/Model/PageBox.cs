namespace Extractor.Model;

/// <summary>A rectangle on a page, in PDF user space (origin bottom-left, points).</summary>
/// <param name="Page">1-based page number.</param>
/// <param name="X0">Left.</param>
/// <param name="Y0">Bottom.</param>
/// <param name="X1">Right.</param>
/// <param name="Y1">Top.</param>
public sealed record PageBox(int Page, double X0, double Y0, double X1, double Y1);
