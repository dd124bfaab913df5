using Extractor.Cli.Batch;

namespace Extractor.Cli.Tests.Batch;

public sealed class ConversionThreadsTests
{
    [Fact]
    public async Task ThreadsAreReusedAndAStuckOneIsReplaced()
    {
        using var threads = new ConversionThreads(1024 * 1024);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(i, await threads.RunAsync(() => i));
        }

        Assert.Equal(1, threads.Created);

        using var release = new ManualResetEventSlim();
        var stuck = threads.RunAsync(() => release.Wait(TimeSpan.FromSeconds(30)));
        Assert.Equal(7, await threads.RunAsync(() => 7));
        Assert.Equal(2, threads.Created);

        release.Set();
        Assert.True(await stuck);
        await threads.RunAsync(() => 0);
        await threads.RunAsync(() => 0);
        Assert.Equal(2, threads.Created);
    }

    [Fact]
    public async Task AnExceptionReachesTheCallerAndTheThreadLivesOn()
    {
        using var threads = new ConversionThreads(1024 * 1024);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => threads.RunAsync<int>(() => throw new InvalidDataException("bad xref")));

        Assert.Equal("bad xref", error.Message);
        Assert.Equal(3, await threads.RunAsync(() => 3));
        Assert.Equal(1, threads.Created);
    }
}
