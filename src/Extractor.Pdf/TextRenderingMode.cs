namespace Extractor.Pdf;

/// <summary>The text rendering mode set by the <c>Tr</c> operator (ISO 32000-1 Table 106).</summary>
public enum TextRenderingMode
{
    /// <summary>Fill text.</summary>
    Fill = 0,

    /// <summary>Stroke text.</summary>
    Stroke = 1,

    /// <summary>Fill, then stroke text.</summary>
    FillThenStroke = 2,

    /// <summary>Neither fill nor stroke: invisible text, as in OCR text layers.</summary>
    Neither = 3,

    /// <summary>Fill text and add to path for clipping.</summary>
    FillClip = 4,

    /// <summary>Stroke text and add to path for clipping.</summary>
    StrokeClip = 5,

    /// <summary>Fill, then stroke text and add to path for clipping.</summary>
    FillThenStrokeClip = 6,

    /// <summary>Add text to path for clipping.</summary>
    NeitherClip = 7,
}
