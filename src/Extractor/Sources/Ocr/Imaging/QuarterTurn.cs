using OpenCvSharp;

namespace Extractor.Sources.Ocr.Imaging;

/// <summary>Turns a page by whole quarter turns, as a page fed into the scanner on its side or upside down needs.</summary>
internal static class QuarterTurn
{
    /// <summary>
    /// A copy of <paramref name="image"/> turned clockwise by <paramref name="degrees"/> (0, 90, 180 or 270;
    /// other multiples of 90 are taken modulo 360).
    /// </summary>
    public static Mat Clockwise(Mat image, int degrees)
    {
        ArgumentNullException.ThrowIfNull(image);
        var result = new Mat();
        switch (Normalise(degrees))
        {
            case 0:
                image.CopyTo(result);
                break;
            case 90:
                Cv2.Rotate(image, result, RotateFlags.Rotate90Clockwise);
                break;
            case 180:
                Cv2.Rotate(image, result, RotateFlags.Rotate180);
                break;
            default:
                Cv2.Rotate(image, result, RotateFlags.Rotate90Counterclockwise);
                break;
        }

        return result;
    }

    /// <summary><paramref name="degrees"/> as 0, 90, 180 or 270; throws when it is not a multiple of 90.</summary>
    public static int Normalise(int degrees)
    {
        if (degrees % 90 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(degrees), degrees, "a multiple of 90 is needed");
        }

        return ((degrees % 360) + 360) % 360;
    }
}
