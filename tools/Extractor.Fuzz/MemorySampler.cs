namespace Extractor.Fuzz;

/// <summary>Samples the managed heap and the working set every few milliseconds while a case runs, keeping the peaks.</summary>
public sealed class MemorySampler : IDisposable
{
    private readonly Thread thread;
    private readonly object gate = new();
    private volatile bool running = true;
    private volatile bool active;
    private long peakManaged;
    private long peakWorkingSet;

    /// <summary>Starts the sampling thread (idle until <see cref="Begin"/>).</summary>
    public MemorySampler()
    {
        thread = new Thread(Loop) { IsBackground = true, Name = "memory-sampler" };
        thread.Start();
    }

    private long startWorkingSet;

    /// <summary>
    /// Starts a new measurement. Memory an earlier case left committed is given back first (an aggressive
    /// collection returns it to the system), so that the growth of the working set is this case's own.
    /// </summary>
    public void Begin()
    {
        if (Environment.WorkingSet > 512L << 20)
        {
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        lock (gate)
        {
            peakManaged = GC.GetTotalMemory(false);
            startWorkingSet = peakWorkingSet = Environment.WorkingSet;
            active = true;
        }
    }

    /// <summary>Ends the measurement: the peak managed heap, and how far the working set rose above where it started.</summary>
    public (long Managed, long WorkingSetGrowth) End()
    {
        lock (gate)
        {
            Sample();
            active = false;
            return (peakManaged, peakWorkingSet - startWorkingSet);
        }
    }

    /// <summary>Stops the sampling thread.</summary>
    public void Dispose()
    {
        running = false;
        thread.Join();
    }

    private void Loop()
    {
        while (running)
        {
            if (active)
            {
                lock (gate)
                {
                    if (active)
                    {
                        Sample();
                    }
                }
            }

            Thread.Sleep(5);
        }
    }

    private void Sample()
    {
        peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
        peakWorkingSet = Math.Max(peakWorkingSet, Environment.WorkingSet);
    }
}
