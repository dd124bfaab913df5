namespace Extractor.Pdf.Fonts;

/// <summary>A simple font (Type 1, TrueType, Type 3): one byte per code, 256 widths and Unicode values.</summary>
internal sealed class SimpleFont : PdfFont
{
    private readonly string?[] unicode;
    private readonly double[] widths;

    public SimpleFont(string name, string?[] unicode, double[] widths, double ascent, double descent, bool isType3, double[]? fontMatrix, double type3SizeFactor)
        : base(name)
    {
        this.unicode = unicode;
        this.widths = widths;
        Ascent = ascent;
        Descent = descent;
        IsType3 = isType3;
        if (fontMatrix is not null)
        {
            FontMatrix = fontMatrix;
        }

        Type3SizeFactor = type3SizeFactor;
    }

    public override int ReadCode(ReadOnlySpan<byte> s, int pos, out int code, out int cid)
    {
        code = s[pos];
        cid = code;
        return 1;
    }

    public override string? ToUnicode(int code, int cid, int length) => unicode[code & 0xFF];

    public override double GetWidth(int code, int cid) => widths[code & 0xFF];
}
