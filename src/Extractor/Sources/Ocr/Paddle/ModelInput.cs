using OpenCvSharp;

namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// Fills the models' float input (N × 3 × H × W) from 8-bit BGR images. PaddleOCR trains and runs its
/// models on images as OpenCV decodes them, so the channels go in BGR order and each is normalised as
/// (value / 255 − mean) / std with the mean and std listed in that same order.
/// </summary>
internal static class ModelInput
{
    /// <summary>The detector's normalisation: ImageNet's mean and deviation.</summary>
    public static readonly float[] ImageNetMean = [0.485f, 0.456f, 0.406f];

    /// <summary>The detector's normalisation: ImageNet's deviation.</summary>
    public static readonly float[] ImageNetStd = [0.229f, 0.224f, 0.225f];

    /// <summary>Recognition's and the classifier's normalisation: value / 127.5 − 1 in every channel.</summary>
    public static readonly float[] Half = [0.5f, 0.5f, 0.5f];

    /// <summary>
    /// Writes <paramref name="bgr"/> (8-bit, three channels) into the image slot <paramref name="index"/> of
    /// <paramref name="tensor"/>, whose planes are <paramref name="width"/> × <paramref name="height"/>; the
    /// image fills the slot's top-left corner and the rest keeps what the buffer held (its padding).
    /// </summary>
    public static void Write(Mat bgr, float[] tensor, int index, int width, int height, float[] mean, float[] std)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        ArgumentNullException.ThrowIfNull(tensor);
        if (bgr.Type() != MatType.CV_8UC3)
        {
            throw new ArgumentException("an 8-bit BGR image is needed", nameof(bgr));
        }

        var (cols, rows) = (bgr.Cols, bgr.Rows);
        if (cols > width || rows > height)
        {
            throw new ArgumentException($"a {cols}×{rows} image does not fit a {width}×{height} slot", nameof(bgr));
        }

        using var continuous = bgr.IsContinuous() ? null : bgr.Clone();
        ReadOnlySpan<byte> pixels = (continuous ?? bgr).AsSpan<byte>();
        var plane = width * height;
        var slot = index * 3 * plane;

        // Per channel c: (v / 255 − mean) / std = v × scale + shift.
        Span<float> scale = stackalloc float[3];
        Span<float> shift = stackalloc float[3];
        for (var c = 0; c < 3; c++)
        {
            scale[c] = 1f / (255f * std[c]);
            shift[c] = -mean[c] / std[c];
        }

        for (var y = 0; y < rows; y++)
        {
            var source = y * cols * 3;
            var target = slot + (y * width);
            for (var x = 0; x < cols; x++)
            {
                var p = source + (x * 3);
                tensor[target + x] = (pixels[p] * scale[0]) + shift[0];
                tensor[target + plane + x] = (pixels[p + 1] * scale[1]) + shift[1];
                tensor[target + (2 * plane) + x] = (pixels[p + 2] * scale[2]) + shift[2];
            }
        }
    }
}
