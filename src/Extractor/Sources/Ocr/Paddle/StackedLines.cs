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
/// columns) at 0.08–0.63.
/// </summary>
internal static class StackedLines
{
    /// <summary>The mean confidence from which the tall lines, read as stacks, are an upright page's.</summary>
    public const double UprightFrom = 0.8;

    /// <summary>Tall lines read, the longest first.</summary>
    public const int Sample = 16;

    /// <summary>Whether the tall lines of <paramref name="page"/>, read as stacks of upright characters, read as text.</summary>
    public static bool ReadUpright(PaddleOcrEngine engine, Mat page, IReadOnlyList<TextRegion> tall)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(tall);
        var laid = tall.OrderByDescending(r => r.Quad.Height).Take(Sample).Select(r => Laid(page, r.Quad)).ToList();
        try
        {
            return laid.Count > 0 && engine.RecognizeBatch(laid).Average(r => r.Confidence) >= UprightFrom;
        }
        finally
        {
            laid.ForEach(m => m.Dispose());
        }
    }

    /// <summary>The tall box's crop, as it stands on the page, cut into squares of its width laid left to right.</summary>
    internal static Mat Laid(Mat page, Quad quad)
    {
        using var crop = LineCropper.Crop(page, quad);
        using var standing = new Mat();
        // The cropper turned the tall crop anticlockwise to read it as a turned line: stand it up again.
        Cv2.Rotate(crop.Image, standing, RotateFlags.Rotate90Clockwise);
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
