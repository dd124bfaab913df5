using Extractor.Model;
using Extractor.Pdf;

namespace Extractor.Sources.Ocr;

/// <summary>
/// Maps between the pixels of a rendered, straightened page image and the page's points: display space
/// (upright, origin bottom-left) for the layout stage, and PDF user space for provenance. pdftoppm renders
/// the crop box as displayed, so the image is the display space scaled; the skew is undone about the
/// image's centre.
/// </summary>
/// <param name="Page">1-based page number.</param>
/// <param name="CropBox">The page's crop box in user space.</param>
/// <param name="Rotation">The page's clockwise display rotation (0, 90, 180, 270).</param>
/// <param name="ImageWidth">Width of the rendered image in pixels.</param>
/// <param name="ImageHeight">Height of the rendered image in pixels.</param>
/// <param name="SkewDegrees">The skew undone by <see cref="Skew.Straighten"/>.</param>
internal sealed record PageGeometry(int Page, PdfRectangle CropBox, int Rotation, int ImageWidth, int ImageHeight, double SkewDegrees)
{
    /// <summary>Display width in points.</summary>
    public double DisplayWidth => Rotation is 90 or 270 ? CropBox.Height : CropBox.Width;

    /// <summary>Display height in points.</summary>
    public double DisplayHeight => Rotation is 90 or 270 ? CropBox.Width : CropBox.Height;

    /// <summary>Pixels to a point across the page.</summary>
    public double PixelsPerPointX => ImageWidth / DisplayWidth;

    /// <summary>Pixels to a point down the page.</summary>
    public double PixelsPerPointY => ImageHeight / DisplayHeight;

    /// <summary>A pixel position of the straightened image in display space.</summary>
    public (double X, double Y) ToDisplay(double x, double y) => (x / PixelsPerPointX, DisplayHeight - (y / PixelsPerPointY));

    /// <summary>A display-space point as a pixel position of the straightened image.</summary>
    public (double X, double Y) ToPixels(double x, double y) => (x * PixelsPerPointX, (DisplayHeight - y) * PixelsPerPointY);

    /// <summary>
    /// A pixel box of the straightened image as a box in PDF user space: its corners are turned back by the
    /// skew into the scan as it is on the page, then mapped through the page's rotation; the result is the
    /// smallest upright box around them, to a hundredth of a point.
    /// </summary>
    public PageBox ToUserBox(double left, double top, double right, double bottom)
    {
        double x0 = double.MaxValue, y0 = double.MaxValue, x1 = double.MinValue, y1 = double.MinValue;
        foreach (var (px, py) in new[] { (left, top), (right, top), (left, bottom), (right, bottom) })
        {
            var (ox, oy) = Skew.ToOriginal(px, py, ImageWidth, ImageHeight, SkewDegrees);
            var (dx, dy) = (ox / PixelsPerPointX, DisplayHeight - (oy / PixelsPerPointY));
            var (ux, uy) = DisplayToUser(dx, dy);
            x0 = Math.Min(x0, ux);
            y0 = Math.Min(y0, uy);
            x1 = Math.Max(x1, ux);
            y1 = Math.Max(y1, uy);
        }

        return new PageBox(Page, Math.Round(x0, 2), Math.Round(y0, 2), Math.Round(x1, 2), Math.Round(y1, 2));
    }

    /// <summary>The inverse of <see cref="PdfPage.ToDisplay(PdfPoint)"/>: a display-space point in user space.</summary>
    public (double X, double Y) DisplayToUser(double x, double y)
    {
        var w = CropBox.Width;
        var h = CropBox.Height;
        var (ux, uy) = Rotation switch
        {
            90 => (w - y, x),
            180 => (w - x, h - y),
            270 => (y, h - x),
            _ => (x, y),
        };
        return (ux + CropBox.Left, uy + CropBox.Bottom);
    }
}
