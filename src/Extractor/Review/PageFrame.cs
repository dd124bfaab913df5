using Extractor.Model;

namespace Extractor.Review;

/// <summary>
/// A page's crop box and display rotation, to place boxes given in PDF user space on the page's image:
/// pdftoppm renders the crop box as displayed, so the image is the display space scaled.
/// </summary>
/// <param name="Number">1-based page number.</param>
/// <param name="Left">Crop box left in user space.</param>
/// <param name="Bottom">Crop box bottom in user space.</param>
/// <param name="Width">Crop box width (before rotation).</param>
/// <param name="Height">Crop box height (before rotation).</param>
/// <param name="Rotation">Clockwise display rotation: 0, 90, 180 or 270.</param>
internal sealed record PageFrame(int Number, double Left, double Bottom, double Width, double Height, int Rotation)
{
    /// <summary>Width as displayed.</summary>
    public double DisplayWidth => Rotation is 90 or 270 ? Height : Width;

    /// <summary>Height as displayed.</summary>
    public double DisplayHeight => Rotation is 90 or 270 ? Width : Height;

    /// <summary>
    /// <paramref name="box"/> as a rectangle of the displayed page in percent of its width and height, from its
    /// top-left corner, clipped to the page; null when it lies outside the page or the page has no area.
    /// </summary>
    public (double Left, double Top, double Width, double Height)? ToPercent(PageBox box)
    {
        ArgumentNullException.ThrowIfNull(box);
        if (DisplayWidth <= 0 || DisplayHeight <= 0)
        {
            return null;
        }

        double x0 = double.MaxValue, y0 = double.MaxValue, x1 = double.MinValue, y1 = double.MinValue;
        foreach (var (ux, uy) in new[] { (box.X0, box.Y0), (box.X1, box.Y0), (box.X0, box.Y1), (box.X1, box.Y1) })
        {
            var (dx, dy) = ToDisplay(ux, uy);
            x0 = Math.Min(x0, dx);
            y0 = Math.Min(y0, dy);
            x1 = Math.Max(x1, dx);
            y1 = Math.Max(y1, dy);
        }

        var left = Math.Clamp(x0 / DisplayWidth, 0, 1);
        var right = Math.Clamp(x1 / DisplayWidth, 0, 1);
        var top = Math.Clamp(1 - (y1 / DisplayHeight), 0, 1);
        var bottom = Math.Clamp(1 - (y0 / DisplayHeight), 0, 1);
        if (right <= left || bottom <= top)
        {
            return null;
        }

        return (left * 100, top * 100, (right - left) * 100, (bottom - top) * 100);
    }

    /// <summary>A user-space point in display space (upright, origin bottom-left of the displayed crop box).</summary>
    private (double X, double Y) ToDisplay(double ux, double uy)
    {
        var x = ux - Left;
        var y = uy - Bottom;
        return Rotation switch
        {
            90 => (y, Width - x),
            180 => (Width - x, Height - y),
            270 => (Height - y, x),
            _ => (x, y),
        };
    }
}
