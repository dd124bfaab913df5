namespace Extractor.Pdf.Fonts;

/// <summary>What the content interpreter needs from a font: codes, Unicode, advance widths and vertical extent.</summary>
internal abstract class PdfFont
{
    protected PdfFont(string name)
    {
        Name = name;
    }

    /// <summary>BaseFont, subset prefix kept.</summary>
    public string Name { get; }

    /// <summary>Ascent as a fraction of the font size (poppler's reading of the font descriptor).</summary>
    public double Ascent { get; protected set; } = 0.95;

    /// <summary>Descent as a (negative) fraction of the font size.</summary>
    public double Descent { get; protected set; } = -0.35;

    public bool IsVertical { get; protected set; }

    public bool IsType3 { get; protected set; }

    /// <summary>Font matrix (Type 3 only; others use 1/1000 implicitly through their widths).</summary>
    public double[] FontMatrix { get; protected set; } = [0.001, 0, 0, 0.001, 0, 0];

    /// <summary>Factor poppler applies to a Type 3 font's size to guess its glyph height.</summary>
    public double Type3SizeFactor { get; protected set; } = 1;

    /// <summary>Reads a character code at <paramref name="pos"/>; returns the number of bytes used.</summary>
    public abstract int ReadCode(ReadOnlySpan<byte> s, int pos, out int code, out int cid);

    /// <summary>The Unicode text for the code, or null when the font maps it to nothing.</summary>
    public abstract string? ToUnicode(int code, int cid, int length);

    /// <summary>Horizontal advance in text space units for a font size of 1.</summary>
    public abstract double GetWidth(int code, int cid);

    /// <summary>Vertical writing: the vertical advance (negative, per unit font size).</summary>
    public virtual double GetVerticalAdvance(int cid) => -1.0;
}
