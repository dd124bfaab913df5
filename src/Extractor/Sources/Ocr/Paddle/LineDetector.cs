using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// PP-OCRv4's DB text detector: the page scaled so its longer side is at most
/// <see cref="PaddleOcrOptions.DetectionMaxSide"/> and each side a multiple of 32 (the network halves the
/// image five times), normalised, run, and its probability map turned into boxes in reading order.
/// </summary>
internal sealed class LineDetector
{
    private readonly InferenceSession session;
    private readonly PaddleOcrOptions options;
    private readonly string inputName;

    /// <summary>Creates a detector over a loaded session (shared; runs are thread-safe).</summary>
    public LineDetector(InferenceSession session, PaddleOcrOptions options)
    {
        this.session = session ?? throw new ArgumentNullException(nameof(session));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        inputName = session.InputMetadata.Keys.First();
    }

    /// <summary>The size the detector sees a <paramref name="width"/> × <paramref name="height"/> image at.</summary>
    public static Size InputSize(int width, int height, int maxSide)
    {
        var ratio = Math.Max(width, height) > maxSide ? (double)maxSide / Math.Max(width, height) : 1.0;
        static int Round32(double v) => Math.Max(32, (int)Math.Round(v / 32) * 32);
        return new Size(Round32(width * ratio), Round32(height * ratio));
    }

    private readonly Lock running = new();

    /// <summary>The text lines of an 8-bit image (grey, BGR or BGRA), in reading order.</summary>
    public IReadOnlyList<TextRegion> Detect(Mat image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (cols, rows) = (image.Cols, image.Rows);
        var size = InputSize(cols, rows, options.DetectionMaxSide);

        // Scaled first and made BGR after: a grey page is not copied into three channels at full size.
        using var scaled = new Mat();
        Cv2.Resize(image, scaled, size, 0, 0, InterpolationFlags.Linear);
        using var resized = Imaging.Greyscale.ToBgr(scaled);
        var input = new float[3 * size.Width * size.Height];
        ModelInput.Write(resized, input, 0, size.Width, size.Height, ModelInput.ImageNetMean, ModelInput.ImageNetStd);

        var tensor = new DenseTensor<float>(input, [1, 3, size.Height, size.Width]);
        float[] map;
        int mapHeight, mapWidth;

        // One page at a time: a detection's feature maps take over a hundred megabytes, which two pages
        // detected at once would double; detection is a tenth of a page's time, so the wait is short.
        lock (running)
        {
            using var results = session.Run([NamedOnnxValue.CreateFromTensor(inputName, tensor)]);
            var output = results[0].AsTensor<float>();
            (mapHeight, mapWidth) = (output.Dimensions[2], output.Dimensions[3]);
            map = output is DenseTensor<float> dense ? dense.Buffer.ToArray() : output.ToArray();
        }

        var boxes = DbPostProcessor.Boxes(map, mapWidth, mapHeight, cols, rows, options);
        return ReadingOrder.Sort(boxes, b => b.Quad);
    }
}
