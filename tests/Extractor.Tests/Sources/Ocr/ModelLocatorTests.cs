using Extractor.Sources.Ocr.Paddle;

namespace Extractor.Tests.Sources.Ocr;

public sealed class ModelLocatorTests
{
    [Fact]
    public void AnExplicitFolderComesFirstThenTheVariableThenTheXdgDataFolder()
    {
        var environment = new Dictionary<string, string?> { ["EXTRACTOR_MODELS"] = "/env/models", ["XDG_DATA_HOME"] = "/xdg", ["HOME"] = "/home/u" };
        string? Get(string name) => environment.GetValueOrDefault(name);
        Assert.Equal("/explicit", ModelLocator.Folder("/explicit", Get));
        Assert.Equal("/env/models", ModelLocator.Folder(null, Get));
        environment.Remove("EXTRACTOR_MODELS");
        Assert.Equal("/xdg/extractor/models", ModelLocator.Folder(null, Get));
        environment.Remove("XDG_DATA_HOME");
        Assert.Equal("/home/u/.local/share/extractor/models", ModelLocator.Folder(null, Get));
    }

    [Fact]
    public void MissingModelsSayHowToInstallThem()
    {
        var empty = Directory.CreateTempSubdirectory("no-models-");
        try
        {
            var error = Assert.Throws<FileNotFoundException>(() => ModelLocator.Locate(empty.FullName));
            Assert.Contains("bash scripts/install-models.sh", error.Message, StringComparison.Ordinal);
            Assert.Contains(ModelLocator.RecognitionFile, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(true);
        }
    }
}
