namespace Extractor.Sources.Ocr;

/// <summary>A word tesseract read, with its box in the pixels of the image it read.</summary>
/// <param name="Image">0-based index of the image in the run (tesseract's page_num − 1).</param>
/// <param name="Block">Block number within the image.</param>
/// <param name="Paragraph">Paragraph number within the block.</param>
/// <param name="Line">Line number within the paragraph.</param>
/// <param name="Left">Left edge in pixels.</param>
/// <param name="Top">Top edge in pixels (y grows downwards).</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Confidence">Tesseract's confidence, 0–100.</param>
/// <param name="Text">The word's text.</param>
internal sealed record OcrWord(int Image, int Block, int Paragraph, int Line, int Left, int Top, int Width, int Height, double Confidence, string Text)
{
    /// <summary>Right edge in pixels.</summary>
    public int Right => Left + Width;

    /// <summary>Bottom edge in pixels.</summary>
    public int Bottom => Top + Height;
}
