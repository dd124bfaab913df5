using System.Globalization;
using System.Text;
using Extractor.Pdf.Parsing;
using Extractor.Pdf.Tests.Support;

namespace Extractor.Pdf.Tests.Parsing;

public class XrefTests
{
    private const string Content = "BT /F1 10 Tf 100 700 Td (Hello) Tj ET";

    private static PdfFile Load(byte[] data)
    {
        var file = new PdfFile(data, PdfOpenOptions.Default, new Deadline(TimeSpan.FromSeconds(30), default));
        file.Load();
        return file;
    }

    [Fact]
    public void ClassicTableGivesOffsetsOfEveryObject()
    {
        var data = PdfBuilder.OnePage(Content, PdfBuilder.Helvetica);
        var file = Load(data);
        Assert.False(file.Xref.Reconstructed);
        var text = Encoding.Latin1.GetString(data);
        for (int n = 1; n <= 4; n++)
        {
            var entry = file.Xref.Entries[n];
            Assert.Equal(XrefEntryType.InFile, entry.Type);
            Assert.Equal(text.IndexOf($"\n{n} 0 obj", StringComparison.Ordinal) + 1, entry.Offset);
        }

        Assert.Equal(XrefEntryType.Free, file.Xref.Entries[0].Type);
    }

    [Fact]
    public void IncrementalUpdateOverridesTheOlderObject()
    {
        var data = PdfBuilder.OnePage(Content, PdfBuilder.Helvetica);
        var original = Encoding.Latin1.GetString(data);
        int prevXref = int.Parse(original[(original.LastIndexOf("startxref", StringComparison.Ordinal) + 10)..].Split('\n')[0], CultureInfo.InvariantCulture);
        var update = new StringBuilder();
        int objOffset = data.Length;
        string newContent = "BT /F1 10 Tf 100 700 Td (Updated) Tj ET";
        update.Append($"4 0 obj\n<< /Length {newContent.Length} >>\nstream\n{newContent}\nendstream\nendobj\n");
        int xrefOffset = data.Length + update.Length;
        update.Append($"xref\n4 1\n{objOffset:D10} 00000 n \ntrailer\n<< /Size 5 /Root 1 0 R /Prev {prevXref} >>\nstartxref\n{xrefOffset}\n%%EOF\n");
        byte[] updated = [.. data, .. Encoding.Latin1.GetBytes(update.ToString())];

        var file = Load(updated);
        Assert.Equal(objOffset, file.Xref.Entries[4].Offset);
        Assert.Equal(XrefEntryType.InFile, file.Xref.Entries[1].Type);
        using var doc = PdfDocument.Open(updated);
        Assert.Equal("Updated", PdfBuilder.Text(doc.GetPage(1)));
    }

    [Fact]
    public void KeysMissingFromTheNewestTrailerComeFromOlderOnes()
    {
        var b = new PdfBuilder();
        b.Add("<< /Type /Catalog /Pages 2 0 R >>");
        b.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + PdfBuilder.Helvetica + " /Contents 4 0 R >>");
        b.AddStream(string.Empty, Content);
        b.Add("<< /Title (Old title) >>");
        var data = b.Build("/Root 1 0 R /Info 5 0 R");
        var original = Encoding.Latin1.GetString(data);
        int prevXref = int.Parse(original[(original.LastIndexOf("startxref", StringComparison.Ordinal) + 10)..].Split('\n')[0], CultureInfo.InvariantCulture);
        int objOffset = data.Length;
        var update = new StringBuilder();
        update.Append($"6 0 obj\n(unused)\nendobj\n");
        int xrefOffset = data.Length + update.Length;
        // A careless update: its trailer has neither /Root nor /Info.
        update.Append($"xref\n6 1\n{objOffset:D10} 00000 n \ntrailer\n<< /Size 7 /Prev {prevXref} >>\nstartxref\n{xrefOffset}\n%%EOF\n");
        byte[] updated = [.. data, .. Encoding.Latin1.GetBytes(update.ToString())];
        using var doc = PdfDocument.Open(updated);
        Assert.Equal("Old title", doc.Information.Title);
        Assert.Equal("Hello", PdfBuilder.Text(doc.GetPage(1)));
        Assert.DoesNotContain(doc.Warnings, w => w.Contains("scanning", StringComparison.Ordinal));
    }

    [Fact]
    public void XrefStreamWithObjectStream()
    {
        // Objects 1-3 live in object stream 5; the xref stream 6 lists them as type 2 entries.
        string o1 = "<< /Type /Catalog /Pages 2 0 R >>";
        string o2 = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
        string o3 = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + PdfBuilder.Helvetica + " /Contents 4 0 R >>";
        string header = $"1 0 2 {o1.Length + 1} 3 {o1.Length + o2.Length + 2} ";
        string objData = o1 + " " + o2 + " " + o3;
        var ms = new MemoryStream();
        void W(string s) => ms.Write(Encoding.Latin1.GetBytes(s));
        W("%PDF-1.5\n");
        long off4 = ms.Position;
        W($"4 0 obj\n<< /Length {Content.Length} >>\nstream\n{Content}\nendstream\nendobj\n");
        long off5 = ms.Position;
        string stm = header + objData;
        W($"5 0 obj\n<< /Type /ObjStm /N 3 /First {header.Length} /Length {stm.Length} >>\nstream\n{stm}\nendstream\nendobj\n");
        long off6 = ms.Position;
        // W [1 2 1]: type, field 2 (offset or stream number), field 3 (generation or index).
        var rows = new List<byte[]>
        {
            new byte[] { 0, 0, 0, 255 },
            new byte[] { 2, 0, 5, 0 },
            new byte[] { 2, 0, 5, 1 },
            new byte[] { 2, 0, 5, 2 },
            new byte[] { 1, (byte)(off4 >> 8), (byte)off4, 0 },
            new byte[] { 1, (byte)(off5 >> 8), (byte)off5, 0 },
            new byte[] { 1, (byte)(off6 >> 8), (byte)off6, 0 },
        };
        var xrefData = rows.SelectMany(r => r).ToArray();
        W($"6 0 obj\n<< /Type /XRef /Size 7 /W [1 2 1] /Root 1 0 R /Length {xrefData.Length} >>\nstream\n");
        ms.Write(xrefData);
        W($"\nendstream\nendobj\nstartxref\n{off6}\n%%EOF\n");
        var data = ms.ToArray();

        var file = Load(data);
        Assert.Equal(XrefEntryType.InObjectStream, file.Xref.Entries[3].Type);
        Assert.Equal(5, file.Xref.Entries[3].StreamNumber);
        Assert.Equal(2, file.Xref.Entries[3].IndexInStream);
        Assert.Equal("Pages", Assert.IsType<PdfName>(file.ResolveDictionary(file.GetObject(2))!["Type"]).Value);
        using var doc = PdfDocument.Open(data);
        Assert.Equal("Hello", PdfBuilder.Text(doc.GetPage(1)));
    }

    [Fact]
    public void WrongOffsetsAreRepairedByScanning()
    {
        var data = PdfBuilder.OnePage(Content, PdfBuilder.Helvetica);
        var text = Encoding.Latin1.GetString(data);
        int xref = text.LastIndexOf("xref\n0 5", StringComparison.Ordinal);
        // Shift every in-use offset by 3 bytes: each lookup lands in the wrong place.
        var table = System.Text.RegularExpressions.Regex.Replace(text[xref..], @"(\d{10}) 00000 n", m => (long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 3).ToString("D10", CultureInfo.InvariantCulture) + " 00000 n");
        var broken = Encoding.Latin1.GetBytes(text[..xref] + table);
        using var doc = PdfDocument.Open(broken);
        Assert.Equal("Hello", PdfBuilder.Text(doc.GetPage(1)));
        Assert.Contains(doc.Warnings, w => w.Contains("scanning", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingXrefAndTrailerAreRebuilt()
    {
        var data = PdfBuilder.OnePage(Content, PdfBuilder.Helvetica);
        var text = Encoding.Latin1.GetString(data);
        var truncated = Encoding.Latin1.GetBytes(text[..text.LastIndexOf("xref", StringComparison.Ordinal)]);
        var file = Load(truncated);
        Assert.True(file.Xref.Reconstructed);
        Assert.Equal(1, Assert.IsType<PdfReference>(file.Trailer["Root"]).Number);
        using var doc = PdfDocument.Open(truncated);
        Assert.Equal("Hello", PdfBuilder.Text(doc.GetPage(1)));
    }

    [Fact]
    public void NotAPdfAndHopelessFilesFailWithTheirKind()
    {
        var notPdf = Assert.Throws<PdfReadException>(() => PdfDocument.Open(Encoding.ASCII.GetBytes("hello, this is plain text")));
        Assert.Equal(PdfErrorKind.NotPdf, notPdf.Kind);
        var damaged = Assert.Throws<PdfReadException>(() => PdfDocument.Open(Encoding.ASCII.GetBytes("%PDF-1.4\ngarbage without objects\n%%EOF")));
        Assert.Equal(PdfErrorKind.Damaged, damaged.Kind);
    }

    [Fact]
    public void WrongStreamLengthIsRecoveredFromEndstream()
    {
        var b = new PdfBuilder();
        b.Add("<< /Type /Catalog /Pages 2 0 R >>");
        b.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + PdfBuilder.Helvetica + " /Contents 4 0 R >>");
        b.Add($"<< /Length 9999 >>\nstream\n{Content}\nendstream");
        using var doc = PdfDocument.Open(b.Build("/Root 1 0 R"));
        Assert.Equal("Hello", PdfBuilder.Text(doc.GetPage(1)));
    }

    [Fact]
    public void HybridFileReadsCompressedObjectsThroughXRefStm()
    {
        // The classic table marks object 3 free; the /XRefStm stream places it in object stream 5.
        string o3 = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + PdfBuilder.Helvetica + " /Contents 4 0 R >>";
        string header = "3 0 ";
        var ms = new MemoryStream();
        void W(string s) => ms.Write(Encoding.Latin1.GetBytes(s));
        W("%PDF-1.5\n");
        long off1 = ms.Position;
        W("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        long off2 = ms.Position;
        W("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        long off4 = ms.Position;
        W($"4 0 obj\n<< /Length {Content.Length} >>\nstream\n{Content}\nendstream\nendobj\n");
        long off5 = ms.Position;
        W($"5 0 obj\n<< /Type /ObjStm /N 1 /First {header.Length} /Length {header.Length + o3.Length} >>\nstream\n{header}{o3}\nendstream\nendobj\n");
        long off6 = ms.Position;
        byte[] rows = [2, 0, 5, 0];
        W($"6 0 obj\n<< /Type /XRef /Size 7 /Index [3 1] /W [1 2 1] /Length {rows.Length} >>\nstream\n");
        ms.Write(rows);
        W("\nendstream\nendobj\n");
        long xref = ms.Position;
        W("xref\n0 7\n0000000000 65535 f \n");
        foreach (var o in new[] { off1, off2 })
        {
            W($"{o:D10} 00000 n \n");
        }

        W("0000000000 00000 f \n");
        foreach (var o in new[] { off4, off5, off6 })
        {
            W($"{o:D10} 00000 n \n");
        }

        W($"trailer\n<< /Size 7 /Root 1 0 R /XRefStm {off6} >>\nstartxref\n{xref}\n%%EOF\n");
        using var doc = PdfDocument.Open(ms.ToArray());
        Assert.Equal(1, doc.NumberOfPages);
        Assert.Equal("Hello", PdfBuilder.Text(doc.GetPage(1)));
    }
}
