using Extractor.Sources.Ocr;

namespace Extractor.Fuzz;

/// <summary>Bounds a case runs under.</summary>
/// <param name="Timeout">The conversion's own time limit (what <c>--timeout</c> sets in the command line).</param>
/// <param name="HangMargin">How long past <paramref name="Timeout"/> a conversion may take before it counts as a hang.</param>
/// <param name="MemoryLimitBytes">Peak managed heap or working-set growth above this is a memory failure.</param>
/// <param name="Ocr">Whether pages are OCR'd (off by default: tesseract takes seconds a page, and it is not the code under test).</param>
public sealed record RunLimits(TimeSpan Timeout, TimeSpan HangMargin, long MemoryLimitBytes, OcrMode Ocr = OcrMode.Never)
{
    /// <summary>10 s per case, 10 s margin, 1 GiB.</summary>
    public static RunLimits Default { get; } = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), 1L << 30);
}
