namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// How the PaddleOCR engine runs. The defaults are PaddleOCR's own for PP-OCRv4 where this project has not
/// measured better (see docs/ocr-engine.md).
/// </summary>
internal sealed record PaddleOcrOptions
{
    /// <summary>The models folder; null to let <see cref="ModelLocator"/> search.</summary>
    public string? ModelFolder { get; init; }

    /// <summary>
    /// Threads each model run may use. One by default: a batch converting files in parallel gives each
    /// conversion a core, and more threads a run would only contend for the same cores.
    /// </summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>
    /// The longer side of the image the detector sees, in pixels (rounded to a multiple of 32); larger
    /// pages are scaled down to it, smaller ones are left as they are. Detection's cost grows with its
    /// square; too small and small print merges or is missed.
    /// </summary>
    public int DetectionMaxSide { get; init; } = 960;

    /// <summary>
    /// Most pixels of detector input run at once: a larger input is run in strips of rows, each with a
    /// margin of context, and their maps joined (<see cref="LineDetector.Strips"/>). ONNX Runtime keeps
    /// the memory of the largest run it has made, about 190 bytes a pixel for the detector.
    /// </summary>
    public int DetectionStripArea { get; init; } = 330_000;

    /// <summary>Probability above which a pixel of the detector's map is text.</summary>
    public float PixelThreshold { get; init; } = 0.3f;

    /// <summary>Least mean probability inside a box for it to be kept.</summary>
    public float BoxThreshold { get; init; } = 0.6f;

    /// <summary>How far a shrunk text kernel is grown back: offset = area × ratio / perimeter.</summary>
    public float UnclipRatio { get; init; } = 1.5f;

    /// <summary>Shortest side, in detector pixels, of a box worth keeping.</summary>
    public float MinBoxSide { get; init; } = 3;

    /// <summary>
    /// Most tilt, in degrees, a detected box may keep; a box tilted more is taken upright. The forms' lines
    /// run level (within a scanner's skew), so a steeper box is a short blob whose smallest rectangle turned.
    /// </summary>
    public float MaxTiltDegrees { get; init; } = 10;

    /// <summary>Boxes less elongated than this (long side over short side) are taken upright whatever their tilt: one or two characters.</summary>
    public float LevelBelowElongation { get; init; } = 2;

    /// <summary>Most boxes taken from one page.</summary>
    public int MaxCandidates { get; init; } = 1000;

    /// <summary>
    /// Whether the models' graphs are folded when loaded (<see cref="GraphFolding"/>): the same function with
    /// fewer passes over memory, recognition about twice as fast (docs/ocr-engine.md).
    /// </summary>
    public bool FoldGraphs { get; init; } = true;

    /// <summary>Lines recognised in one model run (lines of similar width are grouped).</summary>
    public int RecognitionBatchSize { get; init; } = 8;

    /// <summary>
    /// The narrowest recognition input, in pixels at height 48. PaddleOCR pads every batch to 320, the
    /// width the model was trained at; a form's many short cells then cost as much as long lines. At 160
    /// the fixtures read within 0.2 points of 320 for two thirds of the time (docs/ocr-engine.md).
    /// </summary>
    public int RecognitionMinWidth { get; init; } = 160;

    /// <summary>
    /// Whether each line's crop is checked for being upside down before recognition. Off by default: a
    /// page is set upright as a whole first (<see cref="PagePreparation"/>), and a form has no lines
    /// printed upside down on an upright page.
    /// </summary>
    public bool ClassifyDirection { get; init; }

    /// <summary>Least confidence of the classifier's 180 answer for a crop to be turned.</summary>
    public float DirectionThreshold { get; init; } = 0.9f;

    /// <summary>Lines recognised with a lower confidence are dropped from a page's reading.</summary>
    public float MinLineConfidence { get; init; } = 0.5f;
}
