using System.Globalization;
using System.Text;

namespace Extractor.Pdf.Tests.Support;

/// <summary>Writes small PDF files byte by byte for tests, with a correct cross-reference table.</summary>
public sealed class PdfBuilder
{
    private readonly List<byte[]> objects = new();

    /// <summary>Adds an object body (without "n 0 obj"), returns its number.</summary>
    public int Add(string body) => Add(Encoding.Latin1.GetBytes(body));

    public int Add(byte[] body)
    {
        objects.Add(body);
        return objects.Count;
    }

    /// <summary>Reserves an object number whose body is set later.</summary>
    public int Reserve() => Add([]);

    public void Set(int number, string body) => objects[number - 1] = Encoding.Latin1.GetBytes(body);

    public int AddStream(string dictionaryEntries, byte[] data)
    {
        var head = Encoding.Latin1.GetBytes($"<< /Length {data.Length} {dictionaryEntries} >>\nstream\n");
        var tail = Encoding.Latin1.GetBytes("\nendstream");
        return Add([.. head, .. data, .. tail]);
    }

    public int AddStream(string dictionaryEntries, string data) => AddStream(dictionaryEntries, Encoding.Latin1.GetBytes(data));

    /// <summary>Writes header, objects, classic xref and trailer; returns the bytes and each object's offset.</summary>
    public byte[] Build(string trailerEntries, out long[] offsets)
    {
        var ms = new MemoryStream();
        void W(string s) => ms.Write(Encoding.Latin1.GetBytes(s));
        W("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        offsets = new long[objects.Count];
        for (int i = 0; i < objects.Count; i++)
        {
            offsets[i] = ms.Position;
            W($"{i + 1} 0 obj\n");
            ms.Write(objects[i]);
            W("\nendobj\n");
        }

        long xref = ms.Position;
        W($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets)
        {
            W(o.ToString("D10", CultureInfo.InvariantCulture) + " 00000 n \n");
        }

        W($"trailer\n<< /Size {objects.Count + 1} {trailerEntries} >>\nstartxref\n{xref}\n%%EOF\n");
        return ms.ToArray();
    }

    public byte[] Build(string trailerEntries) => Build(trailerEntries, out _);

    /// <summary>A one-page document with the given content stream and resources dictionary.</summary>
    public static byte[] OnePage(string content, string resources, string mediaBox = "[0 0 612 792]", string pageExtra = "")
    {
        var b = new PdfBuilder();
        int catalog = b.Add("<< /Type /Catalog /Pages 2 0 R >>");
        b.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        b.Add($"<< /Type /Page /Parent 2 0 R /MediaBox {mediaBox} /Resources {resources} /Contents 4 0 R {pageExtra} >>");
        b.AddStream(string.Empty, content);
        return b.Build($"/Root {catalog} 0 R");
    }

    public const string Helvetica = "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >>";

    public static string Text(PdfPage page) => string.Concat(page.Letters.Select(l => l.Value));
}
