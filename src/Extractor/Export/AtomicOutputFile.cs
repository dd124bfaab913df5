namespace Extractor.Export;

/// <summary>
/// A file written through a hidden temporary file in the same folder and renamed into place on
/// <see cref="Commit"/>, so that readers never see a half-written export. Disposed without a commit,
/// it deletes the temporary file and leaves any earlier file untouched.
/// </summary>
internal sealed class AtomicOutputFile : IDisposable
{
    private readonly FileStream _stream;
    private bool _committed;
    private bool _disposed;

    /// <summary>Opens the temporary file for <paramref name="path"/>.</summary>
    public AtomicOutputFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Path = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        TempPath = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(Path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        if (Directory.Exists(Path))
        {
            throw new IOException($"cannot write {Path}: it is a directory");
        }

        try
        {
            Directory.CreateDirectory(folder);
            _stream = new FileStream(TempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputError.For(Path, TempPath, e);
        }
    }

    /// <summary>The final path.</summary>
    public string Path { get; }

    /// <summary>The temporary file being written.</summary>
    public string TempPath { get; }

    /// <summary>The stream to write to.</summary>
    public Stream Stream => _stream;

    /// <summary>Flushes to disk and renames the temporary file onto <see cref="Path"/>.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            _stream.Flush(flushToDisk: true);
            _stream.Dispose();
            File.Move(TempPath, Path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputError.For(Path, TempPath, e);
        }

        _committed = true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stream.Dispose();
        if (!_committed)
        {
            try
            {
                File.Delete(TempPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: the name is hidden and unique.
            }
        }
    }
}
