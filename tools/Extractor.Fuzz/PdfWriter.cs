using System.Globalization;
using System.Text;

namespace Extractor.Fuzz;

/// <summary>Writes small PDF files object by object, with a correct classic cross-reference table.</summary>
public sealed class PdfWriter
{
    /// <summary>A Helvetica resource dictionary naming the font /F1.</summary>
    public const string Helvetica = "<< /Font << /F1 " + HelveticaFont + " >> >>";

    /// <summary>A Helvetica font dictionary.</summary>
    public const string HelveticaFont = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

    private readonly List<byte[]> objects = [];

    /// <summary>Adds an object body (without "n 0 obj"); returns its number.</summary>
    public int Add(string body) => Add(Encoding.Latin1.GetBytes(body));

    /// <summary>Adds an object body; returns its number.</summary>
    public int Add(byte[] body)
    {
        objects.Add(body);
        return objects.Count;
    }

    /// <summary>Sets the body of an object added before.</summary>
    public void Set(int number, string body) => objects[number - 1] = Encoding.Latin1.GetBytes(body);

    /// <summary>Adds a stream with a correct direct /Length; returns its number.</summary>
    public int AddStream(string dictionaryEntries, byte[] data) =>
        AddStream(dictionaryEntries, data, data.Length.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a stream whose /Length is written as given (a reference, a wrong number…).</summary>
    public int AddStream(string dictionaryEntries, byte[] data, string length)
    {
        var head = Encoding.Latin1.GetBytes($"<< /Length {length} {dictionaryEntries} >>\nstream\n");
        return Add([.. head, .. data, .. "\nendstream"u8]);
    }

    /// <summary>Adds a Flate-compressed stream; returns its number.</summary>
    public int AddFlateStream(string dictionaryEntries, byte[] data) =>
        AddStream("/Filter /FlateDecode " + dictionaryEntries, Mutator.Deflate(data));

    /// <summary>Writes header, objects, cross-reference table and trailer.</summary>
    public byte[] Build(string trailerEntries)
    {
        using var output = new MemoryStream();
        void Write(string s) => output.Write(Encoding.Latin1.GetBytes(s));
        Write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new long[objects.Count];
        for (var i = 0; i < objects.Count; i++)
        {
            offsets[i] = output.Position;
            Write(string.Create(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n"));
            output.Write(objects[i]);
            Write("\nendobj\n");
        }

        var xref = output.Position;
        Write(string.Create(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets)
        {
            Write(offset.ToString("D10", CultureInfo.InvariantCulture) + " 00000 n \n");
        }

        Write(string.Create(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} {trailerEntries} >>\nstartxref\n{xref}\n%%EOF\n"));
        return output.ToArray();
    }

    /// <summary>
    /// Writes the objects with a cross-reference stream instead of a table: the objects named in
    /// <paramref name="compressed"/> are left out of the file and said to live in an object stream
    /// (object number, index), whatever that stream holds.
    /// </summary>
    public byte[] BuildWithXrefStream(string trailerEntries, IReadOnlyDictionary<int, (int Stream, int Index)> compressed)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        using var output = new MemoryStream();
        void Write(string s) => output.Write(Encoding.Latin1.GetBytes(s));
        Write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new long[objects.Count];
        for (var i = 0; i < objects.Count; i++)
        {
            if (compressed.ContainsKey(i + 1))
            {
                continue;
            }

            offsets[i] = output.Position;
            Write(string.Create(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n"));
            output.Write(objects[i]);
            Write("\nendobj\n");
        }

        var xrefNumber = objects.Count + 1;
        var xref = output.Position;
        var rows = new List<byte>();
        void Row(int type, long field2, int field3) =>
            rows.AddRange([(byte)type, (byte)(field2 >> 24), (byte)(field2 >> 16), (byte)(field2 >> 8), (byte)field2, (byte)field3]);
        Row(0, 0, 255);
        for (var i = 0; i < objects.Count; i++)
        {
            if (compressed.TryGetValue(i + 1, out var place))
            {
                Row(2, place.Stream, place.Index);
            }
            else
            {
                Row(1, offsets[i], 0);
            }
        }

        Row(1, xref, 0);
        Write(string.Create(CultureInfo.InvariantCulture, $"{xrefNumber} 0 obj\n<< /Type /XRef /Size {xrefNumber + 1} /W [1 4 1] {trailerEntries} /Length {rows.Count} >>\nstream\n"));
        output.Write(rows.ToArray());
        Write(string.Create(CultureInfo.InvariantCulture, $"\nendstream\nendobj\nstartxref\n{xref}\n%%EOF\n"));
        return output.ToArray();
    }

    /// <summary>
    /// A one-page document: catalog 1, pages 2, page 3, content stream 4 (Flate when <paramref name="compress"/>);
    /// <paramref name="extra"/> adds objects from number 5 on before the file is written.
    /// </summary>
    public static byte[] OnePage(string content, string resources = Helvetica, string pageEntries = "", bool compress = false, Action<PdfWriter>? extra = null) =>
        OnePage(Encoding.Latin1.GetBytes(content), resources, pageEntries, compress, extra);

    /// <inheritdoc cref="OnePage(string, string, string, bool, Action{PdfWriter}?)"/>
    public static byte[] OnePage(byte[] content, string resources = Helvetica, string pageEntries = "", bool compress = false, Action<PdfWriter>? extra = null)
    {
        var pdf = new PdfWriter();
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {resources} /Contents 4 0 R {pageEntries} >>");
        if (compress)
        {
            pdf.AddFlateStream(string.Empty, content);
        }
        else
        {
            pdf.AddStream(string.Empty, content);
        }

        extra?.Invoke(pdf);
        return pdf.Build("/Root 1 0 R");
    }
}
