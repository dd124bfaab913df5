using OpenCvSharp;

namespace Extractor.Sources.Ocr.Imaging;

/// <summary>Conversions between the channel layouts the pipeline meets: grey, BGR and BGRA.</summary>
internal static class Greyscale
{
    /// <summary>An 8-bit single-channel copy of <paramref name="image"/> (grey, BGR or BGRA).</summary>
    public static Mat ToGrey(Mat image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var grey = new Mat();
        switch (image.Channels())
        {
            case 1:
                image.CopyTo(grey);
                break;
            case 3:
                Cv2.CvtColor(image, grey, ColorConversionCodes.BGR2GRAY);
                break;
            case 4:
                Cv2.CvtColor(image, grey, ColorConversionCodes.BGRA2GRAY);
                break;
            default:
                grey.Dispose();
                throw new ArgumentException($"{image.Channels()} channels: expected 1, 3 or 4", nameof(image));
        }

        return grey;
    }

    /// <summary>An 8-bit three-channel BGR copy of <paramref name="image"/>, as the detection and recognition models take.</summary>
    public static Mat ToBgr(Mat image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var bgr = new Mat();
        switch (image.Channels())
        {
            case 1:
                Cv2.CvtColor(image, bgr, ColorConversionCodes.GRAY2BGR);
                break;
            case 3:
                image.CopyTo(bgr);
                break;
            case 4:
                Cv2.CvtColor(image, bgr, ColorConversionCodes.BGRA2BGR);
                break;
            default:
                bgr.Dispose();
                throw new ArgumentException($"{image.Channels()} channels: expected 1, 3 or 4", nameof(image));
        }

        return bgr;
    }
}
