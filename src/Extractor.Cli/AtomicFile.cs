using System.Text;

namespace Extractor.Cli;

/// <summary>Writes a file so that readers see either the old content or the whole new content, never a part.</summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes text through a temporary file in the same folder, then renames it into place.</summary>
    /// <exception cref="IOException">The file could not be written; the message names <paramref name="path"/> (never the temporary file) and why.</exception>
    public static void WriteAllText(string path, string content)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new IOException($"cannot write {full}: it is a directory");
        }

        var folder = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                var bytes = Utf8.GetBytes(content);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            var reason = e switch
            {
                UnauthorizedAccessException => "permission denied",
                DirectoryNotFoundException => "its folder does not exist",
                _ => e.Message.Replace(temp, full, StringComparison.Ordinal),
            };
            throw new IOException($"cannot write {full}: {reason}", e);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the temporary name is unique and hidden.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
