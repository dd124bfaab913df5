namespace Extractor.Export;

/// <summary>
/// Receives converted documents one at a time (from one thread) and writes them to an export: JSONL, CSV,
/// SQLite. Disposing an exporter that was not completed discards what it had not made durable.
/// </summary>
public interface IDocumentExporter : IDisposable
{
    /// <summary>Adds one input: its document, or the failure that kept it from converting.</summary>
    void Add(ExportItem item);

    /// <summary>Makes everything added durable and puts the output in place.</summary>
    void Complete();
}
