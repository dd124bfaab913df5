namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// Finds the folder holding the PaddleOCR models: an explicit folder first, then the
/// <c>EXTRACTOR_MODELS</c> environment variable, then <c>$XDG_DATA_HOME/extractor/models</c> (by default
/// <c>~/.local/share/extractor/models</c>), the same order <c>scripts/install-models.sh</c> installs to.
/// Nothing is downloaded at run time.
/// </summary>
internal static class ModelLocator
{
    /// <summary>The environment variable naming the models folder.</summary>
    public const string EnvironmentVariable = "EXTRACTOR_MODELS";

    /// <summary>The text detection model (DB, PP-OCRv4).</summary>
    public const string DetectionFile = "ch_PP-OCRv4_det_infer.onnx";

    /// <summary>The text recognition model (SVTR-LCNet with CTC, PP-OCRv4).</summary>
    public const string RecognitionFile = "ch_PP-OCRv4_rec_infer.onnx";

    /// <summary>The 0/180 text line direction classifier.</summary>
    public const string ClassifierFile = "ch_ppocr_mobile_v2.0_cls_infer.onnx";

    /// <summary>The recognition model's alphabet, one character a line.</summary>
    public const string KeysFile = "ppocr_keys_v1.txt";

    /// <summary>Every file a models folder must hold.</summary>
    public static IReadOnlyList<string> Files { get; } = [DetectionFile, RecognitionFile, ClassifierFile, KeysFile];

    /// <summary>The folder to look in, whether or not it holds the models: see the class summary for the order.</summary>
    public static string Folder(string? explicitFolder = null, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (!string.IsNullOrWhiteSpace(explicitFolder))
        {
            return explicitFolder;
        }

        var fromVariable = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromVariable))
        {
            return fromVariable;
        }

        var dataHome = environment("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(dataHome))
        {
            var home = environment("HOME");
            if (string.IsNullOrWhiteSpace(home))
            {
                home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            }

            dataHome = Path.Combine(home, ".local", "share");
        }

        return Path.Combine(dataHome, "extractor", "models");
    }

    /// <summary>
    /// The model files in the folder <see cref="Folder"/> chooses; throws <see cref="FileNotFoundException"/>,
    /// saying how to install them, when any is missing.
    /// </summary>
    public static PaddleModels Locate(string? explicitFolder = null, Func<string, string?>? environment = null)
    {
        var folder = Folder(explicitFolder, environment);
        if (!TryLocate(folder, out var models))
        {
            var missing = Files.Where(f => !File.Exists(Path.Combine(folder, f)));
            throw new FileNotFoundException(
                $"the OCR models are missing from {folder} ({string.Join(", ", missing)}): install them with `bash scripts/install-models.sh` "
                + $"(or `bash scripts/install-models.sh FOLDER` and set {EnvironmentVariable}=FOLDER)");
        }

        return models;
    }

    /// <summary>The model files in <paramref name="folder"/>, or false when any is missing.</summary>
    public static bool TryLocate(string folder, out PaddleModels models)
    {
        ArgumentNullException.ThrowIfNull(folder);
        models = new PaddleModels(
            Path.Combine(folder, DetectionFile),
            Path.Combine(folder, RecognitionFile),
            Path.Combine(folder, ClassifierFile),
            Path.Combine(folder, KeysFile));
        return Files.All(f => File.Exists(Path.Combine(folder, f)));
    }
}
