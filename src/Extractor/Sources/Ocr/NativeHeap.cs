using System.Runtime.InteropServices;

namespace Extractor.Sources.Ocr;

/// <summary>
/// Hands the native heap's free memory back to the system after a page is read. A page's images (OpenCV)
/// and the models' activations (ONNX Runtime) are allocated with the C library's malloc, a few hundred
/// megabytes a page, and freed when the page is done; glibc keeps freed memory in each thread's arena for
/// the next allocation, so over a long batch of two conversions at once the process grows well past what
/// one page needs (docs/ocr-engine.md, Memory). <c>malloc_trim(0)</c> returns the free pages of every arena.
/// Where the C library has no such function (musl, other systems) nothing is done.
/// </summary>
internal static class NativeHeap
{
    private static bool unavailable = !OperatingSystem.IsLinux();

    /// <summary>Returns the native heap's free pages to the system; false when the C library cannot.</summary>
    public static bool Trim()
    {
        if (unavailable)
        {
            return false;
        }

        try
        {
            _ = NativeMethods.MallocTrim(0);
            return true;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            unavailable = true;
            return false;
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "malloc_trim", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int MallocTrim(nuint pad);
    }
}
