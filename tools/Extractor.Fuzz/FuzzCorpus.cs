namespace Extractor.Fuzz;

/// <summary>The fixture PDFs and row texts the mutators start from, in a fixed order.</summary>
public sealed class FuzzCorpus
{
    /// <summary>Folders (under the repository root) whose PDFs and texts are seeds.</summary>
    public static IReadOnlyList<string> DefaultFolders { get; } =
    [
        "fixtures/pdf-corpus/pdf",
        "fixtures/forms/pdf",
        "fixtures/variants",
        "fixtures/scans",
        "fixtures/seed",
        "tests/Extractor.Pdf.Tests/TestData/pdf",
    ];

    private FuzzCorpus(IReadOnlyList<SeedFile> pdfs, IReadOnlyList<SeedFile> texts)
    {
        Pdfs = pdfs;
        Texts = texts;
    }

    /// <summary>The PDF seeds.</summary>
    public IReadOnlyList<SeedFile> Pdfs { get; }

    /// <summary>The row-text seeds.</summary>
    public IReadOnlyList<SeedFile> Texts { get; }

    /// <summary>Reads the seeds from <paramref name="repositoryRoot"/>; the order is ordinal by path, so case numbers stay stable.</summary>
    public static FuzzCorpus Load(string repositoryRoot, IEnumerable<string>? folders = null)
    {
        var pdfs = new List<SeedFile>();
        var texts = new List<SeedFile>();
        foreach (var folder in folders ?? DefaultFolders)
        {
            var full = Path.Combine(repositoryRoot, folder);
            if (!Directory.Exists(full))
            {
                throw new DirectoryNotFoundException($"seed folder {folder} not found under {repositoryRoot}");
            }

            foreach (var path in Directory.GetFiles(full).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(repositoryRoot, path).Replace('\\', '/');
                if (path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
                {
                    pdfs.Add(new SeedFile(relative, File.ReadAllBytes(path)));
                }
                else if (path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
                {
                    texts.Add(new SeedFile(relative, File.ReadAllBytes(path)));
                }
            }
        }

        if (pdfs.Count == 0 || texts.Count == 0)
        {
            throw new InvalidOperationException("the fuzz corpus needs at least one PDF and one text seed");
        }

        return new FuzzCorpus(pdfs, texts);
    }

    /// <summary>
    /// The folder holding Extractor.sln, searched upwards from each start in turn (the tool's own folder, and
    /// the current folder for a copy of the tool built outside the repository).
    /// </summary>
    public static string FindRepositoryRoot(params string[] starts)
    {
        ArgumentNullException.ThrowIfNull(starts);
        foreach (var start in starts)
        {
            var dir = new DirectoryInfo(start);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Extractor.sln")))
            {
                dir = dir.Parent;
            }

            if (dir is not null)
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Extractor.sln not found above " + string.Join(" or ", starts));
    }
}
