namespace Extractor.Cli.Batch;

/// <summary>Shows how far a batch is: a bar on a terminal, periodic log lines otherwise.</summary>
internal abstract class ProgressDisplay : IProgress<BatchItemResult>
{
    /// <summary>Runs the batch while showing progress.</summary>
    public abstract Task<T> RunAsync<T>(Func<Task<T>> run);

    /// <summary>The number of inputs, once the counting walk has finished.</summary>
    public abstract void SetTotal(long total);

    /// <summary>A worker started on <paramref name="input"/> (called from the workers' threads).</summary>
    public virtual void Started(BatchInput input)
    {
    }

    /// <inheritdoc/>
    public abstract void Report(BatchItemResult value);
}
