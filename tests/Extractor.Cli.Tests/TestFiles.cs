namespace Extractor.Cli.Tests;

/// <summary>Paths of the repository's fixtures, and scratch folders that delete themselves.</summary>
internal static class TestFiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Seed => Path.Combine(RepositoryRoot, "fixtures", "seed", "003_e18d18ffef0fbf31.txt");

    /// <summary>The seed has 3 forms and 71 indicators.</summary>
    public const int SeedForms = 3;

    public const int SeedIndicators = 71;

    public static string SeedSha256 { get; } = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Seed)));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Extractor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Extractor.sln not found above " + AppContext.BaseDirectory);
    }
}
