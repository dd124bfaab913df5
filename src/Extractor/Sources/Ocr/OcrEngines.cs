using System.Collections.Concurrent;
using Extractor.Sources.Ocr.Paddle;
using Microsoft.ML.OnnxRuntime;

namespace Extractor.Sources.Ocr;

/// <summary>
/// The OCR engines of the process, one a models folder, loaded when a page first needs one and shared by
/// every conversion after it (an engine is thread-safe, and loading the models costs a second).
/// </summary>
internal static class OcrEngines
{
    private static readonly ConcurrentDictionary<string, Lazy<PaddleOcrEngine>> Engines = new(StringComparer.Ordinal);

    /// <summary>
    /// The engine for the models in <paramref name="folder"/> (null: <see cref="ModelLocator"/> searches), or
    /// null with <paramref name="problem"/> saying what is missing and the command that installs it.
    /// </summary>
    public static PaddleOcrEngine? Get(string? folder, out string? problem)
    {
        var where = ModelLocator.Folder(folder);
        PaddleModels models;
        try
        {
            models = ModelLocator.Locate(where);
        }
        catch (FileNotFoundException e)
        {
            problem = e.Message;
            return null;
        }

        var engine = Engines.GetOrAdd(where, _ => new Lazy<PaddleOcrEngine>(() => new PaddleOcrEngine(models, new PaddleOcrOptions { ModelFolder = where })));
        try
        {
            problem = null;
            return engine.Value;
        }
        catch (Exception e) when (e is OnnxRuntimeException or InvalidDataException or IOException)
        {
            Engines.TryRemove(where, out _);
            problem = $"the OCR models in {where} could not be loaded ({e.Message}); install them again with `bash scripts/install-models.sh`";
            return null;
        }
    }
}
