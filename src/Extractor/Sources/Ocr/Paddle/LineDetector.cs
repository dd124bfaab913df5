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

    /// <summary>The text lines of an 8-bit BGR image, in reading order.</summary>
    public IReadOnlyList<TextRegion> Detect(Mat bgr)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        var (cols, rows) = (bgr.Cols, bgr.Rows);
        var size = InputSize(cols, rows, options.DetectionMaxSide);
        using var resized = new Mat();
        Cv2.Resize(bgr, resized, size, 0, 0, InterpolationFlags.Linear);
        var input = new float[3 * size.Width * size.Height];
        ModelInput.Write(resized, input, 0, size.Width, size.Height, ModelInput.ImageNetMean, ModelInput.ImageNetStd);

        var tensor = new DenseTensor<float>(input, [1, 3, size.Height, size.Width]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(inputName, tensor)]);
        var output = results[0].AsTensor<float>();
        var (mapHeight, mapWidth) = (output.Dimensions[2], output.Dimensions[3]);
        var map = output is DenseTensor<float> dense ? dense.Buffer.ToArray() : output.ToArray();

        var boxes = DbPostProcessor.Boxes(map, mapWidth, mapHeight, cols, rows, options);
        return ReadingOrder.Sort(boxes, b => b.Quad);
    }
}
