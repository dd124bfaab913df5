namespace Extractor.Pdf.Parsing;

/// <summary>Small readers for common structures.</summary>
internal static class Structure
{
    /// <summary>Reads a rectangle array [x0 y0 x1 y1] (normalised); null when it is not one.</summary>
    public static PdfRectangle? ReadBox(PdfFile file, PdfObject? obj)
    {
        if (file.Resolve(obj) is not PdfArray a || a.Count < 4)
        {
            return null;
        }

        Span<double> v = stackalloc double[4];
        for (int i = 0; i < 4; i++)
        {
            switch (file.Resolve(a[i]))
            {
                case PdfInteger n:
                    v[i] = n.Value;
                    break;
                case PdfReal re:
                    v[i] = re.Value;
                    break;
                default:
                    return null;
            }
        }

        return new PdfRectangle(Math.Min(v[0], v[2]), Math.Min(v[1], v[3]), Math.Max(v[0], v[2]), Math.Max(v[1], v[3]));
    }
}
