using Extractor.Pdf.Fonts;

namespace Extractor.Pdf.Content;

/// <summary>The parts of the graphics state that text and rulings depend on (saved by q, restored by Q).</summary>
internal sealed class GraphicsState
{
    public Matrix Ctm { get; set; } = Matrix.Identity;

    public double LineWidth { get; set; } = 1;

    public PdfFont? Font { get; set; }

    public double FontSize { get; set; }

    public double CharSpacing { get; set; }

    public double WordSpacing { get; set; }

    /// <summary>Tz as a fraction (100 % = 1).</summary>
    public double HorizontalScaling { get; set; } = 1;

    public double Leading { get; set; }

    public double Rise { get; set; }

    public TextRenderingMode RenderMode { get; set; }

    public GraphicsState Clone() => (GraphicsState)MemberwiseClone();
}
