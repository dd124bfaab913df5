using Extractor.Cli.Batch;

namespace Extractor.Cli.Export;

/// <summary>
/// Receives every finished input of a batch, one at a time from a single writer thread. Disposing an
/// exporter that was not completed discards what it had not made durable.
/// </summary>
public interface IBatchExporter : IDisposable
{
    /// <summary>Adds one finished input (converted, up to date or failed).</summary>
    void Add(BatchItemResult result);

    /// <summary>Makes everything added durable and puts the output in place.</summary>
    void Complete();
}
