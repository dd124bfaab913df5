using OpenCvSharp;

namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// Tells an upright page's stacked labels from a turned page's lines. A label wrapped one character a line in
/// a narrow column is detected as one tall box, as a line of a page on its side is: a form whose indicators'
/// names stand in such a column has more tall length than wide, and was read turned. Cut into squares as wide
/// as the box and laid side by side, a stack of upright characters reads as a line of text, where a turned
/// line's squares hold characters on their side and read as little. Measured on scans at 200 dpi: an upright
/// page's stacks (a name column one character wide, Noto Serif 9 pt, plain and noise-heavy) read at 0.91–0.98
/// of mean confidence; pages turned 90° or 270° (three forms, and one whose labels are stacked in narrow
/// columns) at 0.08–0.63 — but one page turned 270° read as stacks over 0.8, so the wide lines must read as
/// an upright page's too.
/// </summary>
internal static class StackedLines
{
    /// <summary>The mean confidence from which the tall lines, read as stacks, are an upright page's.</summary>
    public const double UprightFrom = 0.8;

    /// <summary>
    /// The mean confidence from which the wide lines, read as they stand, are an upright page's: 0.996–0.999 on
    /// the upright pages measured, 0.03–0.90 on the turned ones (their wide boxes cut across turned lines).
    /// </summary>
    public const double WideUprightFrom = 0.95;

    /// <summary>Lines read of each kind, the longest first.</summary>
    public const int Sample = 16;

    /// <summary>
    /// Whether <paramref name="page"/> stands upright though its tall lines outweigh its wide ones: its tall lines,
    /// read as stacks of upright characters, and its wide lines, read as they stand, both read as text. A page
    /// with no wide line is not (a turned page's stacks can read as text: a 270° page of the ruled sweep's did).
    /// </summary>
    public static bool ReadUpright(PaddleOcrEngine engine, Mat page, IReadOnlyList<TextRegion> tall, IReadOnlyList<TextRegion> wide)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(tall);
        ArgumentNullException.ThrowIfNull(wide);
        if (tall.Count == 0 || wide.Count == 0)
        {
            return false;
        }

        return MeanConfidence(engine, [.. tall.OrderByDescending(r => r.Quad.Height).Take(Sample).Select(r => Laid(page, r.Quad))]) >= UprightFrom
            && MeanConfidence(engine, [.. wide.OrderByDescending(r => r.Quad.Width).Take(Sample).Select(r => LineCropper.Crop(page, r.Quad).Image)]) >= WideUprightFrom;
    }

    /// <summary>The recogniser's mean confidence over <paramref name="crops"/>, which it disposes.</summary>
    private static double MeanConfidence(PaddleOcrEngine engine, List<Mat> crops)
    {
        try
        {
            return engine.RecognizeBatch(crops).Average(r => r.Confidence);
        }
        finally
        {
            crops.ForEach(m => m.Dispose());
        }
    }

    /// <summary>The tall box's crop, as it stands on the page, cut into squares of its width laid left to right.</summary>
    internal static Mat Laid(Mat page, Quad quad)
    {
        using var crop = LineCropper.Crop(page, quad, turnTall: false);
        var standing = crop.Image;
        var side = Math.Max(1, standing.Cols);
        var squares = Math.Max(1, (int)Math.Round(standing.Rows / (double)side));
        var step = standing.Rows / (double)squares;
        var result = new Mat(side, side * squares, standing.Type(), Scalar.All(255));
        for (var k = 0; k < squares; k++)
        {
            var top = (int)Math.Round(k * step);
            var rows = Math.Min(side, standing.Rows - top);
            if (rows <= 0)
            {
                break;
            }

            using var from = new Mat(standing, new Rect(0, top, side, rows));
            using var to = new Mat(result, new Rect(k * side, 0, side, rows));
            from.CopyTo(to);
        }

        return result;
    }
}
