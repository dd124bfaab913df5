using System.Runtime.CompilerServices;
using Extractor.Sources.Ocr;

namespace Extractor.Tests.Sources.Ocr;

public sealed class PageMemoryTests
{
    [Fact]
    public void APagesLargeGarbageIsCollectedWhenThePageIsDone()
    {
        // A large object (an input's bytes, a model input's buffer) left behind by a page: without a full
        // collection it stays on the large object heap until the runtime's budget runs out.
        var left = LeaveLargeGarbage();
        var fullCollections = GC.CollectionCount(GC.MaxGeneration);

        PageMemory.Release();

        Assert.True(GC.CollectionCount(GC.MaxGeneration) > fullCollections, "a full collection was made");
        Assert.False(left.IsAlive, "the page's large buffer is gone");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LeaveLargeGarbage()
    {
        var bytes = new byte[8 << 20];
        bytes[^1] = 1;
        return new WeakReference(bytes);
    }
}
