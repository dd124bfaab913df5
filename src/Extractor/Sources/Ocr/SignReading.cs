namespace Extractor.Sources.Ocr;

/// <summary>
/// A comparison sign read from its shape at the start of a cell's first line.
/// </summary>
/// <param name="Signs">The sign as printed: one character (≥, &gt;, =, ≧, …) or two (&gt;=, &lt;=).</param>
/// <param name="Alone">True when the sign is all the ink of the cell (a 指标性质 cell).</param>
/// <param name="Left">Left edge of the sign's ink in the cell image, in pixels.</param>
/// <param name="Top">Top edge of the sign's ink.</param>
/// <param name="Right">Right edge (exclusive).</param>
/// <param name="Bottom">Bottom edge (exclusive).</param>
internal sealed record SignReading(string Signs, bool Alone, int Left, int Top, int Right, int Bottom)
{
    /// <summary>Left edge of the first glyph after the sign, or null when nothing follows it.</summary>
    public int? NextLeft { get; init; }
}
