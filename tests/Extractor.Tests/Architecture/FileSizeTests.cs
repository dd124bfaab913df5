using Extractor.Tests.Support;

namespace Extractor.Tests.Architecture;

/// <summary>No source file of the library grows past one screenful of concerns: 400 lines at most.</summary>
public sealed class FileSizeTests
{
    private const int MaxLines = 400;

    [Fact]
    public void NoLibraryFileIsOver400Lines()
    {
        var root = Path.Combine(RepoPaths.Root, "src", "Extractor");
        var separator = Path.DirectorySeparatorChar;
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            .ToList();

        Assert.True(files.Count > 50, $"only {files.Count} source files found under {root}");
        var over = files
            .Select(f => (File: Path.GetRelativePath(root, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToList();
        Assert.True(over.Count == 0, string.Join(Environment.NewLine, over));
    }
}
