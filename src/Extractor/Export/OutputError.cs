namespace Extractor.Export;

/// <summary>
/// The error of an output that could not be written, naming the output's own path: exports are written
/// through hidden temporary files, whose names would only confuse.
/// </summary>
internal static class OutputError
{
    /// <summary>An <see cref="IOException"/> that says which output could not be written and why.</summary>
    public static IOException For(string path, string? tempPath, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var reason = error switch
        {
            UnauthorizedAccessException => "permission denied",
            DirectoryNotFoundException => "its folder does not exist",
            _ => tempPath is null ? error.Message : error.Message.Replace(tempPath, path, StringComparison.Ordinal),
        };
        return new IOException($"cannot write {path}: {reason}", error);
    }
}
