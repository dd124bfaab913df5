using OpenCvSharp;

namespace Extractor.Sources.Ocr.Imaging;

/// <summary>
/// What a decoded page image is brought to (<see cref="PageImageSet"/> decodes them): 8-bit, grey when the
/// page has no colour and BGR when it has (red seal ink is found by its colour): a grey or bitonal scan held
/// as three equal channels would take three times the memory.
/// </summary>
internal static class PageImageLoader
{
    /// <summary>
    /// <paramref name="image"/> as 8 bits a channel, grey when all its channels are equal, BGR otherwise. Takes
    /// <paramref name="image"/> over: it is returned itself or disposed for the image made from it.
    /// </summary>
    internal static Mat Compact(Mat image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Empty())
        {
            return image;
        }

        var result = image;
        if (result.Depth() != MatType.CV_8U)
        {
            // 16-bit samples: their top eight bits; floats taken as 0–1.
            var scale = result.Depth() == MatType.CV_16U ? 1.0 / 256 : result.Depth() is MatType.CV_32F or MatType.CV_64F ? 255 : 1;
            result = Replace(result, (from, to) => from.ConvertTo(to, MatType.CV_8U, scale));
        }

        result = result.Channels() switch
        {
            4 => Replace(result, (from, to) => OverWhite(from, to, ColorConversionCodes.BGRA2BGR)),
            2 => Replace(result, (from, to) => OverWhite(from, to, null)),
            _ => result,
        };

        return result.Channels() == 3 && IsGrey(result) ? Replace(result, (from, to) => Cv2.ExtractChannel(from, to, 0)) : result;
    }

    /// <summary>
    /// An image with an alpha channel (BGRA, or grey and alpha) laid on white paper, as a viewer shows it: a
    /// page exported with a transparent background keeps its ink where the paper is clear, whatever colour
    /// its clear pixels hold (a canvas exports them black).
    /// </summary>
    private static void OverWhite(Mat from, Mat to, ColorConversionCodes? dropAlpha)
    {
        using var alpha = new Mat();
        Cv2.ExtractChannel(from, alpha, from.Channels() - 1);
        Cv2.MinMaxLoc(alpha, out double clearest, out _);
        using var colour = new Mat();
        var opaque = clearest >= 255;
        if (dropAlpha is { } code)
        {
            Cv2.CvtColor(from, opaque ? to : colour, code);
        }
        else
        {
            Cv2.ExtractChannel(from, opaque ? to : colour, 0);
        }

        if (opaque)
        {
            // Nothing clear (most RGBA files): the colour as it is, without the page-sized blending images.
            return;
        }

        // colour × a + 255 × (1 − a), a = alpha / 255: the paper shows through as much as the pixel is clear.
        using var clear = new Mat();
        Cv2.BitwiseNot(alpha, clear);
        if (colour.Channels() == 3)
        {
            Cv2.CvtColor(alpha, alpha, ColorConversionCodes.GRAY2BGR);
            Cv2.CvtColor(clear, clear, ColorConversionCodes.GRAY2BGR);
        }

        using var ink = new Mat();
        Cv2.Multiply(colour, alpha, ink, 1.0 / 255);
        Cv2.Add(ink, clear, to);
    }

    /// <summary>A new image made from <paramref name="from"/>, which is disposed.</summary>
    private static Mat Replace(Mat from, Action<Mat, Mat> make)
    {
        var to = new Mat();
        try
        {
            make(from, to);
        }
        catch
        {
            to.Dispose();
            throw;
        }

        from.Dispose();
        return to;
    }

    /// <summary>
    /// Whether a BGR image's three channels are the same everywhere: compared a band of rows at a time, so
    /// that a page's channels are not all copied at once (three more pages' worth of memory) and a colour
    /// scan is told at its first coloured band.
    /// </summary>
    private static bool IsGrey(Mat bgr)
    {
        var (rows, cols) = (bgr.Rows, bgr.Cols);
        for (var top = 0; top < rows; top += GreyCheckRows)
        {
            using var band = new Mat(bgr, new Rect(0, top, cols, Math.Min(GreyCheckRows, rows - top)));
            if (!IsGreyBand(band))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Rows compared at a time by <see cref="IsGrey"/>.</summary>
    private const int GreyCheckRows = 64;

    private static bool IsGreyBand(Mat bgr)
    {
        var channels = Cv2.Split(bgr);
        try
        {
            using var blueGreen = new Mat();
            using var blueRed = new Mat();
            Cv2.Absdiff(channels[0], channels[1], blueGreen);
            Cv2.Absdiff(channels[0], channels[2], blueRed);
            return Cv2.CountNonZero(blueGreen) == 0 && Cv2.CountNonZero(blueRed) == 0;
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }
    }
}
