namespace Extractor.Tests.Support;

/// <summary>Locates the repository from the test assembly's folder.</summary>
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

    /// <summary>The folder holding Extractor.sln.</summary>
    public static string Root => RootPath.Value;

    /// <summary>A path under the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The seed document.</summary>
    public static string SeedText => Combine("fixtures", "seed", "003_e18d18ffef0fbf31.txt");

    /// <summary>The seed's expected forms.</summary>
    public static string SeedExpected => Combine("fixtures", "seed", "003_e18d18ffef0fbf31.expected.json");
}
