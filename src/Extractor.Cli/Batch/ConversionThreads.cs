namespace Extractor.Cli.Batch;

/// <summary>
/// The threads that conversions run on. A conversion gets its own thread so that one that overruns its
/// time limit can be left behind without holding a worker; threads are reused once their conversion
/// returns, because a new thread per file makes the native heap grow with the number of files.
/// A thread still busy with an abandoned conversion is simply not reused until it returns.
/// </summary>
internal sealed class ConversionThreads(int stackSize) : IDisposable
{
    private readonly object _gate = new();
    private readonly Stack<Runner> _idle = new();
    private bool _disposed;

    /// <summary>Threads created so far.</summary>
    public int Created { get; private set; }

    /// <summary>Runs <paramref name="work"/> on an idle thread, or a new one.</summary>
    public Task<T> RunAsync<T>(Func<T> work)
    {
        var outcome = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Runner? runner;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_idle.TryPop(out runner))
            {
                runner = new Runner(this, stackSize);
                Created++;
            }
        }

        runner.Post(() =>
        {
            T result = default!;
            Exception? error = null;
            try
            {
                result = work();
            }
#pragma warning disable CA1031 // Handed to the awaiting worker, which records it as the file's failure.
            catch (Exception e)
#pragma warning restore CA1031
            {
                error = e;
            }

            // Back in the pool before the result is seen, so that the worker's next file reuses this thread.
            Release(runner);
            if (error is null)
            {
                outcome.TrySetResult(result);
            }
            else
            {
                outcome.TrySetException(error);
            }
        });
        return outcome.Task;
    }

    /// <summary>Ends the idle threads; busy ones end when their conversion returns.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            while (_idle.TryPop(out var runner))
            {
                runner.Post(null);
            }
        }
    }

    private void Release(Runner runner)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                runner.Post(null);
            }
            else
            {
                _idle.Push(runner);
            }
        }
    }

    private sealed class Runner
    {
        private readonly object _slot = new();
        private Action? _work;
        private bool _posted;

        public Runner(ConversionThreads owner, int stackSize)
        {
            var thread = new Thread(Loop, stackSize) { IsBackground = true, Name = $"convert-{owner.Created + 1}" };
            thread.Start();
        }

        /// <summary>Hands the thread its next piece of work; null ends it.</summary>
        public void Post(Action? work)
        {
            lock (_slot)
            {
                _work = work;
                _posted = true;
                Monitor.Pulse(_slot);
            }
        }

        private void Loop()
        {
            while (true)
            {
                Action? work;
                lock (_slot)
                {
                    while (!_posted)
                    {
                        Monitor.Wait(_slot);
                    }

                    work = _work;
                    _work = null;
                    _posted = false;
                }

                if (work is null)
                {
                    return;
                }

                work();
            }
        }
    }
}
