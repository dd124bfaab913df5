using Extractor.Sources.Ocr.Paddle;

namespace Extractor.Tests.Sources.Ocr;

/// <summary>
/// One engine for the tests that run the models, loaded once. The models are found by
/// <see cref="ModelLocator"/>; without them these tests fail with its message on how to install them
/// (CI installs them first: scripts/test.sh runs scripts/install-models.sh).
/// </summary>
public sealed class PaddleEngineFixture : IDisposable
{
    private readonly Lazy<PaddleOcrEngine> engine = new(() => new PaddleOcrEngine(new PaddleOcrOptions()));

    internal PaddleOcrEngine Engine => engine.Value;

    public void Dispose()
    {
        if (engine.IsValueCreated)
        {
            engine.Value.Dispose();
        }
    }
}

/// <summary>The tests that run the models share one engine and run one at a time (each takes a core).</summary>
[CollectionDefinition(Name)]
public sealed class PaddleEngineGroup : ICollectionFixture<PaddleEngineFixture>
{
    public const string Name = "PaddleOCR models";
}
