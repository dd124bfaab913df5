using System.Runtime.ExceptionServices;

namespace Extractor.Cli;

/// <summary>
/// Runs a conversion on its own thread and waits for it a little longer than its time limit. The
/// conversion stops itself at its limit and says so; the watchdog is for code that does not look at the
/// clock: past the grace period the caller reports the timeout and leaves the thread behind.
/// </summary>
internal static class ConversionWatchdog
{
    /// <summary>A large stack, because hostile input can nest deeply.</summary>
    public const int StackSize = 16 * 1024 * 1024;

    /// <summary>How long past its limit a conversion is waited for: a quarter of the limit, from 1 to 10 s.</summary>
    public static TimeSpan Grace(TimeSpan limit) =>
        TimeSpan.FromSeconds(Math.Clamp(limit.TotalSeconds / 4, 1, 10));

    /// <summary>Runs <paramref name="work"/>; false when it has not returned within <paramref name="wait"/>. Its exceptions are rethrown.</summary>
    public static bool TryRun<T>(Func<T> work, TimeSpan wait, out T result)
    {
        T value = default!;
        ExceptionDispatchInfo? error = null;
        using var done = new ManualResetEventSlim();
        var thread = new Thread(
            () =>
            {
                try
                {
                    value = work();
                }
#pragma warning disable CA1031 // Handed back to the waiting thread.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    error = ExceptionDispatchInfo.Capture(e);
                }
                finally
                {
                    try
                    {
                        done.Set();
                    }
                    catch (ObjectDisposedException)
                    {
                        // The caller stopped waiting long ago.
                    }
                }
            },
            StackSize)
        { IsBackground = true, Name = "convert" };
        thread.Start();
        if (!done.Wait(wait))
        {
            result = default!;
            return false;
        }

        error?.Throw();
        result = value;
        return true;
    }
}
