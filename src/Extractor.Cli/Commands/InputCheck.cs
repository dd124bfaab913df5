namespace Extractor.Cli.Commands;

/// <summary>
/// The check of a command's INPUT before anything is read: a path that does not exist, or a folder where a
/// file is wanted, is a usage error (exit code 2) in every command, as in <c>batch</c>.
/// </summary>
public static class InputCheck
{
    /// <summary>Why <paramref name="path"/> cannot be a command's one input file; null when it can.</summary>
    public static string? Problem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return $"{path}: is a directory; this command takes one file (extractor batch converts folders)";
        }

        return File.Exists(path) ? null : $"{path}: no such file or folder";
    }
}
