using OpenCvSharp;

namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// Which way up a page is, in quarter turns, from its text lines: a page on its side gives tall line boxes
/// rather than wide ones, and the direction classifier, shown the longest lines turned the way a wide line
/// would read, tells the two sides (or upright from upside down) apart by a vote of their probabilities.
/// </summary>
internal static class PageOrientation
{
    /// <summary>Lines shown to the classifier, the longest first.</summary>
    public const int Sample = 16;

    /// <summary>
    /// The clockwise turn (0, 90, 180 or 270 degrees) that sets <paramref name="page"/> upright; 0 when the
    /// page has too little text to tell.
    /// </summary>
    public static int UprightTurn(PaddleOcrEngine engine, Mat page) => UprightTurn(engine, page, engine?.Detect(page) ?? throw new ArgumentNullException(nameof(engine)));

    /// <summary>As <see cref="UprightTurn(PaddleOcrEngine, Mat)"/>, from the lines <paramref name="regions"/> already detected on the page.</summary>
    public static int UprightTurn(PaddleOcrEngine engine, Mat page, IReadOnlyList<TextRegion> regions)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(regions);
        var wide = regions.Where(r => r.Quad.Width >= LineCropper.VerticalRatio * r.Quad.Height).ToList();
        var tall = regions.Where(r => r.Quad.Height >= LineCropper.VerticalRatio * r.Quad.Width).ToList();
        if (wide.Count + tall.Count < 3)
        {
            return 0;
        }

        var sideways = tall.Count > wide.Count;
        var sample = (sideways ? tall : wide).OrderByDescending(r => Math.Max(r.Quad.Width, r.Quad.Height)).Take(Sample).ToList();
        var crops = sample.Select(r => LineCropper.Crop(page, r.Quad).AsBgr()).ToList();
        try
        {
            var upsideDown = engine.UpsideDown([.. crops.Select(c => c.Image)]).Average();
            var flipped = upsideDown > 0.5;

            // A tall line is cropped by turning it anticlockwise: that reads right on a page turned clockwise
            // (which a further 270° sets upright) and upside down on a page turned anticlockwise (90° does).
            return (sideways, flipped) switch
            {
                (false, false) => 0,
                (false, true) => 180,
                (true, false) => 270,
                (true, true) => 90,
            };
        }
        finally
        {
            crops.ForEach(c => c.Dispose());
        }
    }
}
