using OpenCvSharp;

namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// Cuts text lines out of a page: an upright box is copied as it is; a tilted one is warped by the
/// perspective that maps its corners onto a rectangle as long as its longer edges and as tall as its
/// taller sides (edge pixels repeated rather than padded black). A crop at least 1.5 times as tall as
/// wide is a line set vertically (or a turned page's line), and is turned a quarter anticlockwise.
/// </summary>
internal static class LineCropper
{
    /// <summary>Height over width from which a crop is taken to be a vertical line.</summary>
    public const double VerticalRatio = 1.5;

    /// <summary>
    /// The crop of <paramref name="quad"/> in an 8-bit page (the crop has the page's channels); a tall crop is
    /// turned to be read as a line unless <paramref name="turnTall"/> is false (it is then as it stands on the page).
    /// </summary>
    public static LineCrop Crop(Mat page, Quad quad, bool turnTall = true)
    {
        ArgumentNullException.ThrowIfNull(page);
        var width = Math.Max(1, (int)Math.Round(quad.Width));
        var height = Math.Max(1, (int)Math.Round(quad.Height));
        Mat image;
        if (IsUpright(quad))
        {
            var bounds = quad.Bounds;
            var rect = new Rect((int)Math.Floor(bounds.Left), (int)Math.Floor(bounds.Top), width, height) & new Rect(0, 0, page.Cols, page.Rows);
            if (rect.Width <= 0 || rect.Height <= 0)
            {
                return new LineCrop(new Mat(1, 1, MatType.CV_8UC(page.Channels()), Scalar.All(255)), quad);
            }

            using var window = new Mat(page, rect);
            image = window.Clone();
            quad = Quad.FromRect(new Rect2f(rect.X, rect.Y, rect.Width, rect.Height));
        }
        else
        {
            Point2f[] target = [new(0, 0), new(width, 0), new(width, height), new(0, height)];
            using var transform = Cv2.GetPerspectiveTransform(quad.Corners, target);
            image = new Mat();
            Cv2.WarpPerspective(page, image, transform, new Size(width, height), InterpolationFlags.Cubic, BorderTypes.Replicate);
        }

        if (turnTall && image.Rows >= image.Cols * VerticalRatio)
        {
            // Anticlockwise: the crop's top-left is the box's top-right corner, its left edge the box's right side.
            var turned = new Mat();
            Cv2.Rotate(image, turned, RotateFlags.Rotate90Counterclockwise);
            image.Dispose();
            return new LineCrop(turned, Turned(quad));
        }

        return new LineCrop(image, quad);
    }

    /// <summary>A tall box as the source of its crop turned a quarter anticlockwise: its line runs down the box.</summary>
    public static Quad Turned(Quad quad) => new(quad.TopRight, quad.BottomRight, quad.BottomLeft, quad.TopLeft);

    /// <summary>Whether the quad's edges run within half a pixel of the image's axes.</summary>
    private static bool IsUpright(Quad q) =>
        Math.Abs(q.TopLeft.Y - q.TopRight.Y) < 0.5 && Math.Abs(q.BottomLeft.Y - q.BottomRight.Y) < 0.5
        && Math.Abs(q.TopLeft.X - q.BottomLeft.X) < 0.5 && Math.Abs(q.TopRight.X - q.BottomRight.X) < 0.5;
}
