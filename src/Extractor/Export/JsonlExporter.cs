using System.Text;
using Extractor.Export;

namespace Extractor.Export;

/// <summary>
/// JSONL: one document a line, in the order inputs finish. A failed input's line is a document with no
/// forms whose error diagnostics say why, so every line has the same shape.
/// </summary>
public sealed class JsonlExporter : IDocumentExporter
{
    private readonly AtomicOutputFile _file;
    private readonly StreamWriter _writer;
    private bool _completed;

    /// <summary>Starts writing to <paramref name="path"/> (through a temporary file).</summary>
    public JsonlExporter(string path)
    {
        _file = new AtomicOutputFile(path);
        _writer = new StreamWriter(_file.Stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
    }

    /// <inheritdoc/>
    public void Add(ExportItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        try
        {
            _writer.Write(DocumentJson.SerializeLine(item.Document));
            _writer.Write('\n');
        }
        catch (IOException e)
        {
            throw OutputError.For(_file.Path, _file.TempPath, e);
        }
    }

    /// <inheritdoc/>
    public void Complete()
    {
        try
        {
            _writer.Dispose(); // flushes; the stream stays open for the commit
        }
        catch (IOException e)
        {
            throw OutputError.For(_file.Path, _file.TempPath, e);
        }

        _file.Commit();
        _completed = true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_completed)
        {
            try
            {
                _writer.Dispose();
            }
            catch (IOException)
            {
                // The temporary file is deleted below; the error that stopped the batch is reported.
            }
        }

        _file.Dispose();
    }
}
