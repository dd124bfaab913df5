namespace Extractor.Sources.Ocr;

/// <summary>
/// Hands back what a scanned page held once it is read, so that a long batch stays at the size one page
/// needs (docs/ocr-engine.md, Memory). Two heaps grow over a batch if left alone: the managed heap, whose
/// large objects (an input file's bytes, buffers of the models' inputs) are collected only in a full
/// collection, which the runtime puts off while its budget lasts — over the ruled sweep it committed 25 MB
/// at the start and 80–98 MB at the end, 30 MB of it live — and the C library's arenas
/// (<see cref="NativeHeap"/>).
/// </summary>
internal static class PageMemory
{
    /// <summary>
    /// A full, blocking collection without compaction (what is live stays where it is; the regions left
    /// empty are given back), then the native heap's free pages returned.
    /// </summary>
    public static void Release()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
        NativeHeap.Trim();
    }
}
