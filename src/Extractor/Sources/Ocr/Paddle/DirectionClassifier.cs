using System.Buffers;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// PaddleOCR's text line direction classifier: whether a line crop is upright (0) or upside down (180).
/// Crops are scaled to 48 pixels high keeping their ratio, at most 192 wide, normalised to −1…1 and run in
/// batches, the rest of each slot zero.
/// </summary>
internal sealed class DirectionClassifier
{
    /// <summary>The height the classifier takes.</summary>
    public const int Height = 48;

    /// <summary>The widest crop the classifier takes; longer lines are squeezed to it.</summary>
    public const int MaxWidth = 192;

    private const int BatchSize = 8;
    private readonly InferenceSession session;
    private readonly string inputName;

    /// <summary>Creates a classifier over a loaded session (shared; runs are thread-safe).</summary>
    public DirectionClassifier(InferenceSession session)
    {
        this.session = session ?? throw new ArgumentNullException(nameof(session));
        inputName = session.InputMetadata.Keys.First();
    }

    /// <summary>For each crop (8-bit BGR), the probability that it is upside down.</summary>
    public IReadOnlyList<float> UpsideDown(IReadOnlyList<Mat> crops)
    {
        ArgumentNullException.ThrowIfNull(crops);
        var result = new float[crops.Count];
        for (var start = 0; start < crops.Count; start += BatchSize)
        {
            var count = Math.Min(BatchSize, crops.Count - start);
            var length = count * 3 * Height * MaxWidth;
            var input = ArrayPool<float>.Shared.Rent(length);
            try
            {
                Array.Clear(input, 0, length);
                for (var i = 0; i < count; i++)
                {
                    using var resized = Resize(crops[start + i], Height, MaxWidth);
                    ModelInput.Write(resized, input, i, MaxWidth, Height, ModelInput.Half, ModelInput.Half);
                }

                var tensor = new DenseTensor<float>(input.AsMemory(0, length), [count, 3, Height, MaxWidth]);
                using var results = session.Run([NamedOnnxValue.CreateFromTensor(inputName, tensor)]);
                var output = results[0].AsTensor<float>();
                for (var i = 0; i < count; i++)
                {
                    result[start + i] = output[i, 1];
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(input);
            }
        }

        return result;
    }

    /// <summary><paramref name="crop"/> scaled to <paramref name="height"/> keeping its ratio, at most <paramref name="maxWidth"/> wide.</summary>
    internal static Mat Resize(Mat crop, int height, int maxWidth)
    {
        ArgumentNullException.ThrowIfNull(crop);
        var width = Math.Clamp((int)Math.Ceiling(height * (double)crop.Cols / crop.Rows), 1, maxWidth);
        var resized = new Mat();
        Cv2.Resize(crop, resized, new Size(width, height), 0, 0, InterpolationFlags.Linear);
        return resized;
    }
}
