namespace Extractor.Fuzz;

/// <summary>A fixture file that mutated cases start from.</summary>
/// <param name="RelativePath">Its path under the repository root, for reports.</param>
/// <param name="Bytes">Its content.</param>
public sealed record SeedFile(string RelativePath, byte[] Bytes)
{
    /// <summary>True for PDF input, false for row text.</summary>
    public bool IsPdf => RelativePath.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file name without folder and extension.</summary>
    public string Stem => Path.GetFileNameWithoutExtension(RelativePath);
}
