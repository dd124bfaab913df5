using OpenCvSharp;

namespace Extractor.Sources.Ocr.Imaging;

/// <summary>
/// Drops coloured ink laid over a form: an official seal (公章) or a red signature stamp, a blue or violet
/// "checked against the original" stamp or date stamp, a blue pen's signature. Forms are printed in black;
/// stamp ink is found by its hue and saturation (red, or blue to violet; never the browns and yellows of
/// stained or yellowed paper, whose print's edges are as saturated as a stamp's), and each such pixel takes
/// the value of its lightest channel (a red stamp's red, a blue one's blue), in which the ink is light while
/// black print under it, dark in every channel, stays dark. Whitening the mask instead would erase the print the stamp covers.
/// </summary>
internal static class SealInk
{
    /// <summary>Largest hue distance from pure red, on OpenCV's 0–180 hue scale (10 is 20°), of ink taken as a red seal's.</summary>
    public const int HueTolerance = 12;

    /// <summary>Least saturation (0–255) of a red seal's ink; paper tints, grey print and a spreadsheet's pale cell fills stay below it.</summary>
    public const int MinSaturation = 60;

    /// <summary>Hues of blue to violet stamp ink, on OpenCV's 0–180 scale (90 is 180°, 165 is 330°).</summary>
    public const int BlueFrom = 90;

    /// <summary>The last hue of blue to violet stamp ink (see <see cref="BlueFrom"/>).</summary>
    public const int VioletTo = 165;

    /// <summary>Least saturation (0–255) of blue or violet stamp ink: it measures 150–200; a JPEG's grey print edges stay below.</summary>
    public const int MinBlueSaturation = 110;

    /// <summary>Least value (0–255): darker pixels are print, whatever their tint.</summary>
    public const int MinValue = 70;

    /// <summary>A mask (255 where coloured ink is) of a BGR image.</summary>
    public static Mat ColourMask(Mat bgr)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        if (bgr.Channels() != 3)
        {
            throw new ArgumentException("a BGR image is needed to find coloured ink", nameof(bgr));
        }

        using var hsv = new Mat();
        Cv2.CvtColor(bgr, hsv, ColorConversionCodes.BGR2HSV);
        using var low = new Mat();
        using var high = new Mat();
        Cv2.InRange(hsv, new Scalar(0, MinSaturation, MinValue), new Scalar(HueTolerance, 255, 255), low);
        Cv2.InRange(hsv, new Scalar(180 - HueTolerance, MinSaturation, MinValue), new Scalar(180, 255, 255), high);
        var mask = new Mat();
        Cv2.InRange(hsv, new Scalar(BlueFrom, MinBlueSaturation, MinValue), new Scalar(VioletTo, 255, 255), mask);
        Cv2.BitwiseOr(mask, low, mask);
        Cv2.BitwiseOr(mask, high, mask);

        // A JPEG's blurred stroke edges are paler than the stroke: one pixel round it is ink too.
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(3, 3));
        Cv2.Dilate(mask, mask, kernel);
        return mask;
    }

    /// <summary>
    /// The page <paramref name="image"/> (grey, BGR or BGRA) in grey, coloured ink taken out: each coloured
    /// pixel takes its lightest channel's value. A grey page comes back as it was (copied): its colour is gone
    /// already. The colour is found a band of rows at a time (<see cref="BandRows"/>), each with a row of context above and
    /// below for the mask's widening, so a colour page's hue, saturation and masks are never held whole
    /// (three and a half pages' worth of memory more); the result is the same as the whole page's.
    /// </summary>
    public static Mat ToGreyWithoutColour(Mat image)
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
            using var windowMask = ColourMask(window);
            using var mask = new Mat(windowMask, new Rect(0, top - from, cols, bottom - top));
            if (Cv2.CountNonZero(mask) == 0)
            {
                continue;
            }

            using var band = new Mat(bgr, new Rect(0, top, cols, bottom - top));
            using var lightest = Lightest(band);
            using var target = new Mat(grey, new Rect(0, top, cols, bottom - top));
            lightest.CopyTo(target, mask);
        }

        return grey;
    }

    /// <summary>The lightest of a BGR image's three channels, pixel by pixel.</summary>
    internal static Mat Lightest(Mat bgr)
    {
        Cv2.Split(bgr, out var channels);
        try
        {
            var lightest = new Mat();
            Cv2.Max(channels[0], channels[1], lightest);
            Cv2.Max(lightest, channels[2], lightest);
            return lightest;
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }
    }

    /// <summary>Rows of a page looked at for coloured ink at a time by <see cref="ToGreyWithoutColour"/>.</summary>
    internal const int BandRows = 64;
}
