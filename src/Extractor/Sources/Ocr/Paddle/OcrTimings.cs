namespace Extractor.Sources.Ocr.Paddle;

/// <summary>Where a page's reading spent its time.</summary>
/// <param name="Detection">Text detection, scaling and box finding included.</param>
/// <param name="Classification">The direction classifier over the line crops.</param>
/// <param name="Recognition">Cropping and recognising the lines.</param>
internal sealed record OcrTimings(TimeSpan Detection, TimeSpan Classification, TimeSpan Recognition)
{
    /// <summary>The three added up.</summary>
    public TimeSpan Total => Detection + Classification + Recognition;
}
