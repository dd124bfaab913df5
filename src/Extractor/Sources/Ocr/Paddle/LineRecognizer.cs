using System.Buffers;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// PP-OCRv4's line recognizer (SVTR-LCNet, CTC). Each crop is scaled to 48 pixels high keeping its ratio
/// and normalised to −1…1. Crops are sorted by ratio and run in batches, each batch as wide as its widest
/// crop (at least <see cref="PaddleOcrOptions.RecognitionMinWidth"/>) with the rest of each slot zero, so
/// lines of similar width share a run and little is padding.
/// </summary>
internal sealed class LineRecognizer
{
    /// <summary>The height the model takes.</summary>
    public const int Height = 48;

    private readonly InferenceSession session;
    private readonly Alphabet alphabet;
    private readonly int batchSize;
    private readonly int minWidth;
    private readonly string inputName;

    /// <summary>Creates a recognizer over a loaded session (shared; runs are thread-safe).</summary>
    public LineRecognizer(InferenceSession session, Alphabet alphabet, int batchSize, int minWidth)
    {
        this.session = session ?? throw new ArgumentNullException(nameof(session));
        this.alphabet = alphabet ?? throw new ArgumentNullException(nameof(alphabet));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        this.batchSize = batchSize;
        this.minWidth = Math.Max(Height / 2, minWidth);
        inputName = session.InputMetadata.Keys.First();
        var classes = session.OutputMetadata.Values.First().Dimensions[^1];
        if (classes > 0 && classes != alphabet.Count)
        {
            throw new InvalidDataException($"the recognition model has {classes} classes, the keys file gives {alphabet.Count}");
        }
    }

    /// <summary>Reads each crop (8-bit BGR), in the order given.</summary>
    public IReadOnlyList<RecognizedText> Recognize(IReadOnlyList<Mat> crops)
    {
        ArgumentNullException.ThrowIfNull(crops);
        var result = new RecognizedText[crops.Count];
        var order = Enumerable.Range(0, crops.Count).OrderBy(i => (double)crops[i].Cols / crops[i].Rows).ToArray();
        var batch = new List<int>(batchSize);
        foreach (var i in order)
        {
            // Crops come narrowest first, so the batch would be as wide as this one: a batch is at most
            // batchSize crops and, beyond one crop, at most BatchColumns columns in all.
            if (batch.Count > 0 && (batch.Count == batchSize || (batch.Count + 1) * InputWidth(crops[i]) > BatchColumns))
            {
                RecognizeBatch(crops, [.. batch], result);
                batch.Clear();
            }

            batch.Add(i);
        }

        if (batch.Count > 0)
        {
            RecognizeBatch(crops, [.. batch], result);
        }

        return result;
    }

    /// <summary>
    /// Most input columns a batch of several crops may have. Batching saves no time per column (the cost is
    /// about the same run by run), while the activations of a batch grow with its width: eight full-width
    /// lines of a page at once hold a few hundred megabytes. 2,560 is eight crops of the width the model
    /// was trained at (320).
    /// </summary>
    public const int BatchColumns = 2560;

    private int InputWidth(Mat crop) => Math.Max(minWidth, (int)Math.Ceiling(Height * (double)crop.Cols / crop.Rows));

    private void RecognizeBatch(IReadOnlyList<Mat> crops, int[] batch, RecognizedText[] result)
    {
        var maxRatio = batch.Max(i => (double)crops[i].Cols / crops[i].Rows);
        var width = Math.Max(minWidth, (int)Math.Ceiling(Height * maxRatio));
        // A batch's input is a megabyte or more: rented rather than left to the collector, and cleared, since
        // each slot's padding beyond its crop must be zero (the grey the model was trained to pad with).
        var length = batch.Length * 3 * Height * width;
        var input = ArrayPool<float>.Shared.Rent(length);
        try
        {
            Array.Clear(input, 0, length);
            var contentWidths = new int[batch.Length];
            for (var k = 0; k < batch.Length; k++)
            {
                using var resized = DirectionClassifier.Resize(crops[batch[k]], Height, width);
                contentWidths[k] = resized.Cols;
                ModelInput.Write(resized, input, k, width, Height, ModelInput.Half, ModelInput.Half);
            }

            var tensor = new DenseTensor<float>(input.AsMemory(0, length), [batch.Length, 3, Height, width]);
            using var results = session.Run([NamedOnnxValue.CreateFromTensor(inputName, tensor)]);
            var output = results[0].AsTensor<float>();
            var (steps, classes) = (output.Dimensions[1], output.Dimensions[2]);
            var values = output is DenseTensor<float> dense ? dense.Buffer : output.ToArray();
            for (var k = 0; k < batch.Length; k++)
            {
                var item = values.Span.Slice(k * steps * classes, steps * classes);
                var emissions = CtcDecoder.Decode(item, steps, alphabet);

                // A time step covers width / steps input pixels; the crop fills the first contentWidth of them.
                var stepFraction = (double)width / steps / contentWidths[k];
                result[batch[k]] = Spans.Place(emissions, stepFraction);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(input);
        }
    }
}
