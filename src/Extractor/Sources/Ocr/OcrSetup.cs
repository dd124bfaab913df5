using Extractor.Sources.Ocr.Paddle;

namespace Extractor.Sources.Ocr;

/// <summary>What OCR runs with: the models (a given engine, or the shared one for a models folder) and the runner of pdftoppm.</summary>
/// <param name="ModelFolder">The models folder; null lets <see cref="ModelLocator"/> search.</param>
/// <param name="Runner">Runs pdftoppm.</param>
/// <param name="GivenEngine">An engine to use instead of the shared one (tests).</param>
internal sealed record OcrSetup(string? ModelFolder, IToolRunner Runner, PaddleOcrEngine? GivenEngine = null)
{
    /// <summary>The engine, or null with <paramref name="problem"/> saying why there is none and how to install the models.</summary>
    public PaddleOcrEngine? Engine(out string? problem)
    {
        problem = null;
        return GivenEngine ?? OcrEngines.Get(ModelFolder, out problem);
    }
}
