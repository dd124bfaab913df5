namespace Extractor.Pdf.Tests.Support;

/// <summary>Finds the repository root (the folder holding Extractor.sln) from the test assembly's folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Extractor.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Extractor.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string CorpusDirectory => Path.Combine(Root, "fixtures", "pdf-corpus");

    public static string TestData(params string[] parts) => Path.Combine([Root, "tests", "Extractor.Pdf.Tests", "TestData", .. parts]);
}
