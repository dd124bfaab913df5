using System.Buffers;
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
        var strips = Strips(size.Height, size.Width, options.DetectionStripArea, StripMargin);
        var input = ArrayPool<float>.Shared.Rent(3 * size.Width * strips.Max(s => s.RunTo - s.RunFrom));
        var map = ArrayPool<float>.Shared.Rent(size.Width * size.Height);
        try
        {
            foreach (var strip in strips)
            {
                RunStrip(resized, strip, input, map);
            }

            var boxes = DbPostProcessor.Boxes(map, size.Width, size.Height, cols, rows, options);
            return ReadingOrder.Sort(boxes, b => b.Quad);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(input);
            ArrayPool<float>.Shared.Return(map);
        }
    }

    /// <summary>
    /// Rows of detector input seen around a strip's own rows, above and below: the map near a strip's cut
    /// edge is read from context the strip lacks, so each strip is run with this much more and only its own
    /// rows are kept. Two lines of small print at the detector's scale, and a multiple of 32.
    /// </summary>
    internal const int StripMargin = 32;

    /// <summary>
    /// The strips a <paramref name="width"/>-wide detector input of <paramref name="height"/> rows is run
    /// in: each at most about <paramref name="maxArea"/> pixels with its margins, its own rows
    /// [<see cref="Strip.KeepFrom"/>, <see cref="Strip.KeepTo"/>) and the rows it is run on
    /// [<see cref="Strip.RunFrom"/>, <see cref="Strip.RunTo"/>), every bound a multiple of 32 but the page's end.
    /// </summary>
    internal static IReadOnlyList<Strip> Strips(int height, int width, int maxArea, int margin)
    {
        if (height * width <= maxArea)
        {
            return [new Strip(0, height, 0, height)];
        }

        var maxRows = Math.Max(32, maxArea / width / 32 * 32);
        var ownRows = Math.Max(32, maxRows - 2 * margin);
        var count = (height + ownRows - 1) / ownRows;
        var step = ((height + count - 1) / count + 31) / 32 * 32;
        var strips = new List<Strip>();
        for (var from = 0; from < height; from += step)
        {
            var to = Math.Min(height, from + step);
            strips.Add(new Strip(from, to, Math.Max(0, from - margin), Math.Min(height, to + margin)));
        }

        return strips;
    }

    /// <summary>One strip of the detector's input: the rows whose map it gives, and the rows it is run on.</summary>
    internal readonly record struct Strip(int KeepFrom, int KeepTo, int RunFrom, int RunTo);

    private void RunStrip(Mat input, Strip strip, float[] buffer, float[] map)
    {
        var (width, rows) = (input.Cols, strip.RunTo - strip.RunFrom);
        using (var run = new Mat(input, new Rect(0, strip.RunFrom, width, rows)))
        {
            ModelInput.Write(run, buffer, 0, width, rows, ModelInput.ImageNetMean, ModelInput.ImageNetStd);
        }

        var tensor = new DenseTensor<float>(buffer.AsMemory(0, 3 * rows * width), [1, 3, rows, width]);

        // One strip at a time in the process: a detection's feature maps grow with the rows it is run on, and
        // the memory ONNX Runtime takes for them stays with it; detection is a tenth of a page's time.
        lock (running)
        {
            using var results = session.Run([NamedOnnxValue.CreateFromTensor(inputName, tensor)]);
            var output = results[0].AsTensor<float>();
            var keep = (strip.KeepTo - strip.KeepFrom) * width;
            var offset = (strip.KeepFrom - strip.RunFrom) * width;
            if (output is DenseTensor<float> dense)
            {
                dense.Buffer.Span.Slice(offset, keep).CopyTo(map.AsSpan(strip.KeepFrom * width, keep));
            }
            else
            {
                var all = output.ToArray();
                Array.Copy(all, offset, map, strip.KeepFrom * width, keep);
            }
        }
    }
}
