namespace Extractor.Tests;

/// <summary>The bundled seed document (three forms of tab-separated rows), found from the test's output folder.</summary>
internal static class SeedFile
{
    /// <summary>Full path of fixtures/seed/003_e18d18ffef0fbf31.txt.</summary>
    public static string Path
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "fixtures", "seed", "003_e18d18ffef0fbf31.txt");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("fixtures/seed/003_e18d18ffef0fbf31.txt not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The seed's text.</summary>
    public static string Text => File.ReadAllText(Path);
}
