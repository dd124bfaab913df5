namespace Extractor.Cli.Batch;

/// <summary>One input of a batch: a file to convert, or a folder that could not be read.</summary>
/// <param name="Path">The path as the command line gave it (joined with the part found by walking); written into <c>source.path</c>.</param>
/// <param name="FullPath">The absolute path.</param>
/// <param name="RelativePath">The path relative to the batch's base folder, with <c>/</c> separators. Sharding hashes it; the database keys on it.</param>
/// <param name="OutputRelativePath">Where its JSON goes, relative to the output folder, with <c>/</c> separators.</param>
/// <param name="Problem">Why a folder could not be walked; null for a file to convert.</param>
public sealed record BatchInput(string Path, string FullPath, string RelativePath, string OutputRelativePath, string? Problem = null)
{
    /// <summary>For a file found in a folder whose name is not an input's (a .doc, a .md): its type by name; it is skipped and counted.</summary>
    public string? NotAnInput { get; init; }
}
