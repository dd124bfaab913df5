using System.Collections.Immutable;
using System.Diagnostics;
using Extractor.Sources.Ocr.Imaging;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// Reads text from page images with PaddleOCR's PP-OCRv4 models in ONNX Runtime: detection, the 0/180
/// direction classifier and recognition. The three sessions are loaded once, when the engine is made, and
/// shared: every method is safe to call from several threads at once, so one engine serves a whole batch.
/// Each model run uses <see cref="PaddleOcrOptions.IntraOpThreads"/> threads.
/// </summary>
internal sealed class PaddleOcrEngine : IDisposable
{
    private readonly InferenceSession detection;
    private readonly InferenceSession classification;
    private readonly InferenceSession recognition;
    private readonly LineDetector detector;
    private readonly DirectionClassifier classifier;
    private readonly LineRecognizer recognizer;

    /// <summary>Loads the models <see cref="ModelLocator"/> finds for <paramref name="options"/>.</summary>
    public PaddleOcrEngine(PaddleOcrOptions? options = null)
        : this(ModelLocator.Locate((options ?? new PaddleOcrOptions()).ModelFolder), options ?? new PaddleOcrOptions())
    {
    }

    /// <summary>Loads <paramref name="models"/>.</summary>
    public PaddleOcrEngine(PaddleModels models, PaddleOcrOptions options)
    {
        ArgumentNullException.ThrowIfNull(models);
        Options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.IntraOpThreads);
        using var sessionOptions = SessionOptionsFor(options);
        detection = new InferenceSession(Load(models.Detection, options), sessionOptions);
        classification = new InferenceSession(Load(models.Classifier, options), sessionOptions);
        recognition = new InferenceSession(Load(models.Recognition, options), sessionOptions);
        detector = new LineDetector(detection, options);
        classifier = new DirectionClassifier(classification);
        recognizer = new LineRecognizer(recognition, Alphabet.Load(models.Keys), options.RecognitionBatchSize, options.RecognitionMinWidth);

        // Folding parsed each model into objects, tens of megabytes the sessions no longer need: the managed
        // heap is compacted and handed back once here, rather than kept at that size for the whole batch.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <summary>The options the engine runs with.</summary>
    public PaddleOcrOptions Options { get; }

    /// <summary>The text lines of a page image (grey, BGR or BGRA), in reading order.</summary>
    public IReadOnlyList<TextRegion> Detect(Mat image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return detector.Detect(image);
    }

    /// <summary>Reads one upright line crop (grey, BGR or BGRA).</summary>
    public RecognizedText Recognize(Mat lineCrop) => RecognizeBatch([lineCrop])[0];

    /// <summary>Reads upright line crops, in the order given; lines of similar width share a model run.</summary>
    public IReadOnlyList<RecognizedText> RecognizeBatch(IReadOnlyList<Mat> lineCrops)
    {
        ArgumentNullException.ThrowIfNull(lineCrops);
        var bgr = lineCrops.Select(Greyscale.ToBgr).ToList();
        try
        {
            return recognizer.Recognize(bgr);
        }
        finally
        {
            bgr.ForEach(m => m.Dispose());
        }
    }

    /// <summary>For each line crop (grey, BGR or BGRA), the classifier's probability that it is upside down.</summary>
    public IReadOnlyList<float> UpsideDown(IReadOnlyList<Mat> lineCrops)
    {
        ArgumentNullException.ThrowIfNull(lineCrops);
        var bgr = lineCrops.Select(Greyscale.ToBgr).ToList();
        try
        {
            return classifier.UpsideDown(bgr);
        }
        finally
        {
            bgr.ForEach(m => m.Dispose());
        }
    }

    /// <summary>
    /// Reads a page image (grey, BGR or BGRA; upright and straightened, see <see cref="PagePreparation"/>):
    /// <see cref="Detect"/>, then <see cref="ReadRegions"/>.
    /// </summary>
    public PageReading ReadPage(Mat image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var clock = Stopwatch.StartNew();
        var regions = detector.Detect(image);
        var detected = clock.Elapsed;
        var reading = ReadLines(image, regions);
        return reading with { Timings = reading.Timings with { Detection = detected } };
    }

    /// <summary>
    /// Reads the given text regions of a page image (grey, BGR or BGRA): each cut out, turned when the
    /// classifier finds it upside down (if <see cref="PaddleOcrOptions.ClassifyDirection"/>), recognised;
    /// lines less confident than <see cref="PaddleOcrOptions.MinLineConfidence"/> or empty are dropped.
    /// The regions may come from <see cref="Detect"/> or be cut by the caller (a line split at a ruling).
    /// </summary>
    public PageReading ReadRegions(Mat image, IReadOnlyList<TextRegion> regions)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(regions);
        return ReadLines(image, regions);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        detection.Dispose();
        classification.Dispose();
        recognition.Dispose();
    }

    /// <summary>
    /// Reads each of <paramref name="regions"/> of a page image (grey, BGR or BGRA) as <see cref="ReadRegions"/>
    /// does, in the order given: null where a region read nothing or less confidently than
    /// <see cref="PaddleOcrOptions.MinLineConfidence"/>.
    /// </summary>
    public IReadOnlyList<OcrLine?> ReadEach(Mat image, IReadOnlyList<TextRegion> regions) => ReadEach(image, regions, Options.MinLineConfidence);

    /// <summary>As <see cref="ReadEach(Mat, IReadOnlyList{TextRegion})"/>, keeping readings at least <paramref name="minConfidence"/> sure.</summary>
    public IReadOnlyList<OcrLine?> ReadEach(Mat image, IReadOnlyList<TextRegion> regions, float minConfidence)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(regions);
        return ReadEachLine(image, regions, minConfidence);
    }

    private PageReading ReadLines(Mat page, IReadOnlyList<TextRegion> regions)
    {
        var clock = Stopwatch.StartNew();
        var read = ReadEachLine(page, regions, Options.MinLineConfidence);
        return new PageReading([.. read.OfType<OcrLine>()], new OcrTimings(TimeSpan.Zero, TimeSpan.Zero, clock.Elapsed));
    }

    /// <summary>Crops are cut from the page as it is (a grey page is not copied into three channels) and made BGR one by one.</summary>
    private OcrLine?[] ReadEachLine(Mat page, IReadOnlyList<TextRegion> regions, float minConfidence) =>
        ReadCrops([.. regions.Select(r => LineCropper.Crop(page, r.Quad).AsBgr())], regions, minConfidence, Options.ClassifyDirection);

    /// <summary>
    /// Reads each of <paramref name="regions"/>, tall boxes of a page image, as a stack of upright characters
    /// (<see cref="StackedLines.Laid"/>): null where a region read nothing or less confidently than
    /// <paramref name="minConfidence"/>. The characters are placed down the box, as a turned line's are.
    /// </summary>
    public IReadOnlyList<OcrLine?> ReadStacked(Mat image, IReadOnlyList<TextRegion> regions, float minConfidence)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(regions);
        return ReadCrops([.. regions.Select(r => new LineCrop(StackedLines.Laid(image, r.Quad), LineCropper.Turned(r.Quad)).AsBgr())], regions, minConfidence, classify: false);
    }

    /// <summary>Reads <paramref name="crops"/> (BGR, one a region), which it disposes.</summary>
    private OcrLine?[] ReadCrops(List<LineCrop> crops, IReadOnlyList<TextRegion> regions, float minConfidence, bool classify)
    {
        try
        {
            if (classify && crops.Count > 0)
            {
                var upsideDown = classifier.UpsideDown([.. crops.Select(c => c.Image)]);
                for (var i = 0; i < crops.Count; i++)
                {
                    if (upsideDown[i] >= Options.DirectionThreshold)
                    {
                        crops[i].Flip();
                    }
                }
            }

            var readings = crops.Count == 0 ? [] : recognizer.Recognize([.. crops.Select(c => c.Image)]);
            var lines = new OcrLine?[crops.Count];
            for (var i = 0; i < crops.Count; i++)
            {
                var reading = readings[i];
                if (reading.Text.Trim().Length > 0 && reading.Confidence >= minConfidence)
                {
                    lines[i] = ToLine(crops[i].Source, reading, regions[i].Score);
                }
            }

            return lines;
        }
        finally
        {
            crops.ForEach(c => c.Dispose());
        }
    }

    /// <summary>A line whose characters are placed on the page through the crop's source quad.</summary>
    internal static OcrLine ToLine(Quad source, RecognizedText reading, float detectionScore)
    {
        var characters = reading.Characters
            .Select(c => new OcrCharacter(c.Text, c.Confidence, source.Slice(c.Start, c.End), source.At(c.Centre, 0.5), c.Alternatives))
            .ToImmutableArray();
        return new OcrLine(source, reading.Text, reading.Confidence, characters, detectionScore);
    }

    /// <summary>A model's bytes, folded (<see cref="GraphFolding"/>) unless the options say not to.</summary>
    private static byte[] Load(string path, PaddleOcrOptions options)
    {
        var bytes = File.ReadAllBytes(path);
        if (!options.FoldGraphs)
        {
            return bytes;
        }

        try
        {
            return GraphFolding.Fold(bytes).Model;
        }
        catch (Exception e) when (e is Google.Protobuf.InvalidProtocolBufferException or InvalidDataException or KeyNotFoundException)
        {
            // Not a model this reader follows: ONNX Runtime reads it as it is, and says so if it cannot.
            return bytes;
        }
    }

    /// <summary>
    /// One memory arena for every session of the process: the three models and the conversions running at
    /// once share it (two scans converted at once: 411 MB at the peak against 449 MB with an arena a
    /// session). It grows by regions doubling in size, ONNX Runtime's default: a run's tensors are carved
    /// from few large regions, and what a run frees joins its neighbours there. Grown by exactly what a run
    /// asked for, the arena kept a region for each tensor that had not fitted, none joined to another, and
    /// as the shapes changed from page to page and batch to batch it came to hold far more than any two runs
    /// need (the ruled scan sweep converted two at a time: 405 and 425 MB at the peak against 375 and 367
    /// MB with doubling regions; docs/ocr-engine.md, Memory).
    /// </summary>
    private static readonly Lazy<bool> SharedArena = new(() =>
    {
        const int NextPowerOfTwo = 0;
        try
        {
            using var info = new OrtMemoryInfo(OrtMemoryInfo.allocatorCPU, OrtAllocatorType.ArenaAllocator, 0, OrtMemType.Default);
            using var arena = new OrtArenaCfg(0, NextPowerOfTwo, -1, -1);
            OrtEnv.Instance().CreateAndRegisterAllocator(info, arena);
            return true;
        }
        catch (OnnxRuntimeException)
        {
            // Already registered by another user of ONNX Runtime in the process: each session keeps its own.
            return false;
        }
    });

    private static SessionOptions SessionOptionsFor(PaddleOcrOptions options)
    {
        var result = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,

            // Input shapes change with every page and batch: a memory plan made for one shape is wasted on the next.
            EnableMemoryPattern = false,
        };

        if (SharedArena.Value)
        {
            result.AddSessionConfigEntry("session.use_env_allocators", "1");
        }

        // Idle workers sleep rather than spin, so a conversion waiting on I/O leaves its core to the others.
        result.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return result;
    }
}
