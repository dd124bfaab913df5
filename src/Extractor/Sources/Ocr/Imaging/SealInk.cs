using OpenCvSharp;

namespace Extractor.Sources.Ocr.Imaging;

/// <summary>
/// Drops coloured ink laid over a form: an official seal (公章) or a red signature stamp, a blue or violet
/// "checked against the original" stamp or date stamp, a blue pen's signature. Forms are printed in black;
/// stamp ink is found by its hue and saturation (red, or blue to violet; never the browns and yellows of
/// stained or yellowed paper, whose print's edges are as saturated as a stamp's), its colour measured, and
/// each such pixel takes the grey of the print under it (<see cref="StampInkColour"/>): the ink goes, black
/// print under it, dark in every channel, stays. Whitening the mask instead would erase the print the stamp covers.
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

    /// <summary>A mask (255 where coloured ink is, red or blue to violet, widened by <see cref="Widening"/> pixels) of a BGR image.</summary>
    public static Mat ColourMask(Mat bgr)
    {
        var (red, blue) = InkMasks(bgr, widen: true);
        using (blue)
        {
            Cv2.BitwiseOr(red, blue, red);
            return red;
        }
    }

    /// <summary>
    /// Masks of red and of blue to violet ink in a BGR image; <paramref name="widen"/> adds <see cref="Widening"/>
    /// pixels round each (a JPEG's blurred stroke edges are paler than the stroke), without it they are the strokes' cores.
    /// </summary>
    internal static (Mat Red, Mat Blue) InkMasks(Mat bgr, bool widen)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        if (bgr.Channels() != 3)
        {
            throw new ArgumentException("a BGR image is needed to find coloured ink", nameof(bgr));
        }

        using var hsv = new Mat();
        Cv2.CvtColor(bgr, hsv, ColorConversionCodes.BGR2HSV);
        var red = new Mat();
        using var high = new Mat();
        Cv2.InRange(hsv, new Scalar(0, MinSaturation, MinValue), new Scalar(HueTolerance, 255, 255), red);
        Cv2.InRange(hsv, new Scalar(180 - HueTolerance, MinSaturation, MinValue), new Scalar(180, 255, 255), high);
        Cv2.BitwiseOr(red, high, red);
        var blue = new Mat();
        Cv2.InRange(hsv, new Scalar(BlueFrom, MinBlueSaturation, MinValue), new Scalar(VioletTo, 255, 255), blue);
        if (widen)
        {
            using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size((2 * Widening) + 1, (2 * Widening) + 1));
            Cv2.Dilate(red, red, kernel);
            Cv2.Dilate(blue, blue, kernel);
        }

        return (red, blue);
    }

    /// <summary>
    /// The page <paramref name="image"/> (grey, BGR or BGRA) in grey, coloured ink taken out. Each ink's colour
    /// (red; blue to violet) is measured from its strokes over the whole page first, then every pixel of its
    /// widened mask takes the print left when that much ink is taken out (<see cref="StampInkColour"/>); an ink
    /// too grey to be stamp ink (print's edges on paper stained brown, a brown desk round a photographed page)
    /// is left as it is. A grey page comes back as it was (copied): its colour is gone already. The colour is
    /// found a band of rows at a time (<see cref="BandRows"/>), each seen with <see cref="Widening"/> rows above
    /// and below for the masks' widening, so a colour page's hue, saturation and masks are never held whole;
    /// the result is the same as the whole page's.
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
        var (red, blue) = (new StampInkColour(), new StampInkColour());
        for (var top = 0; top < rows; top += BandRows)
        {
            using var band = new Mat(bgr, new Rect(0, top, cols, Math.Min(rows, top + BandRows) - top));
            var (redCore, blueCore) = InkMasks(band, widen: false);
            using (redCore)
            using (blueCore)
            {
                red.Count(band, redCore);
                blue.Count(band, blueCore);
            }
        }

        if (red.Pixels + blue.Pixels == 0)
        {
            return grey;
        }

        var paper = GreyLevels.Paper(grey);
        var (redInk, blueInk) = (red.Measure(paper), blue.Measure(paper));
        if (redInk is null && blueInk is null)
        {
            return grey;
        }

        for (var top = 0; top < rows; top += BandRows)
        {
            var bottom = Math.Min(rows, top + BandRows);
            var (from, to) = (Math.Max(0, top - Widening), Math.Min(rows, bottom + Widening));
            using var window = new Mat(bgr, new Rect(0, from, cols, to - from));
            var (redWindow, blueWindow) = InkMasks(window, widen: true);
            using (redWindow)
            using (blueWindow)
            {
                using var band = new Mat(bgr, new Rect(0, top, cols, bottom - top));
                using var target = new Mat(grey, new Rect(0, top, cols, bottom - top));
                TakeOut(redWindow, top - from, redInk, band, target);
                TakeOut(blueWindow, top - from, blueInk, band, target);
            }
        }

        return grey;
    }

    /// <summary>
    /// The measured <paramref name="ink"/> taken out of <paramref name="band"/>'s pixels into <paramref name="target"/>
    /// where the band's rows of <paramref name="windowMask"/> (from its row <paramref name="top"/>) are set; nothing
    /// when the ink was not measured as stamp ink.
    /// </summary>
    private static void TakeOut(Mat windowMask, int top, StampInkColour.Unmixing? ink, Mat band, Mat target)
    {
        if (ink is not { } measured)
        {
            return;
        }

        using var mask = new Mat(windowMask, new Rect(0, top, band.Cols, band.Rows));
        if (Cv2.CountNonZero(mask) > 0)
        {
            measured.Apply(band, mask, target);
        }
    }

    /// <summary>Pixels round each stroke of coloured ink taken as its ink too: a JPEG's chroma, kept at half the resolution, blurs a stroke's edges grey.</summary>
    internal const int Widening = 2;

    /// <summary>Rows of a page looked at for coloured ink at a time by <see cref="ToGreyWithoutColour"/>.</summary>
    internal const int BandRows = 64;
}
