using OpenCvSharp;

namespace Extractor.Sources.Ocr.Imaging;

/// <summary>
/// Drops the red ink of an official seal (公章) or a red signature stamped over a form. Red ink is found by
/// its hue and saturation; each such pixel takes its red channel's value in all three channels, in which
/// red ink is as light as paper while black print under the stamp, dark in every channel, stays dark.
/// Whitening the mask instead would erase the print the seal covers.
/// </summary>
internal static class SealInk
{
    /// <summary>Largest hue distance from pure red, on OpenCV's 0–180 hue scale (10 is 20°).</summary>
    public const int HueTolerance = 12;

    /// <summary>Least saturation (0–255) of seal ink; paper tints and grey print stay far below it.</summary>
    public const int MinSaturation = 60;

    /// <summary>Least value (0–255): darker pixels are print, whatever their tint.</summary>
    public const int MinValue = 70;

    /// <summary>A mask (255 where red ink is) of a BGR image.</summary>
    public static Mat RedMask(Mat bgr)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        if (bgr.Channels() != 3)
        {
            throw new ArgumentException("a BGR image is needed to find red ink", nameof(bgr));
        }

        using var hsv = new Mat();
        Cv2.CvtColor(bgr, hsv, ColorConversionCodes.BGR2HSV);
        using var low = new Mat();
        using var high = new Mat();
        Cv2.InRange(hsv, new Scalar(0, MinSaturation, MinValue), new Scalar(HueTolerance, 255, 255), low);
        Cv2.InRange(hsv, new Scalar(180 - HueTolerance, MinSaturation, MinValue), new Scalar(180, 255, 255), high);
        var mask = new Mat();
        Cv2.BitwiseOr(low, high, mask);

        // A JPEG's blurred stroke edges are paler than the stroke: one pixel round it is ink too.
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(3, 3));
        Cv2.Dilate(mask, mask, kernel);
        return mask;
    }

    /// <summary>
    /// The page <paramref name="image"/> (grey, BGR or BGRA) in grey, red ink taken out: each red pixel takes
    /// its red channel's value. A grey page comes back as it was (copied): its colour is gone already. The
    /// red is found a band of rows at a time (<see cref="BandRows"/>), each with a row of context above and
    /// below for the mask's widening, so a colour page's hue, saturation and masks are never held whole
    /// (three and a half pages' worth of memory more); the result is the same as the whole page's.
    /// </summary>
    public static Mat ToGreyWithoutRed(Mat image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Channels() == 1)
        {
            return image.Clone();
        }

        using var converted = image.Channels() == 4 ? Greyscale.ToBgr(image) : null;
        var bgr = converted ?? image;
        var grey = Greyscale.ToGrey(bgr);
        var (rows, cols) = (bgr.Rows, bgr.Cols);
        for (var top = 0; top < rows; top += BandRows)
        {
            var bottom = Math.Min(rows, top + BandRows);
            var (from, to) = (Math.Max(0, top - 1), Math.Min(rows, bottom + 1));
            using var window = new Mat(bgr, new Rect(0, from, cols, to - from));
            using var windowMask = RedMask(window);
            using var mask = new Mat(windowMask, new Rect(0, top - from, cols, bottom - top));
            if (Cv2.CountNonZero(mask) == 0)
            {
                continue;
            }

            using var band = new Mat(bgr, new Rect(0, top, cols, bottom - top));
            using var red = new Mat();
            Cv2.ExtractChannel(band, red, 2);
            using var target = new Mat(grey, new Rect(0, top, cols, bottom - top));
            red.CopyTo(target, mask);
        }

        return grey;
    }

    /// <summary>Rows of a page looked at for red ink at a time by <see cref="ToGreyWithoutRed"/>.</summary>
    internal const int BandRows = 64;
}
