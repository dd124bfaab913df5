using Extractor.Pdf.Fonts;
using Extractor.Pdf.Parsing;
using Extractor.Pdf.Tests.Support;

namespace Extractor.Pdf.Tests.Fonts;

/// <summary>Encodings read from embedded font programs, whatever state the program is in.</summary>
public class EmbeddedFontEncodingTests
{
    /// <summary>The first Type1C (CFF) font program of the ghostscript fixture.</summary>
    private static byte[] Cff()
    {
        var path = Path.Combine(RepoPaths.CorpusDirectory, "pdf", "ghostscript-ps2pdf-standard14-latin.pdf");
        var file = new PdfFile(File.ReadAllBytes(path), PdfOpenOptions.Default, new Deadline(TimeSpan.FromSeconds(30), default));
        file.Load();
        foreach (var number in file.Xref.Entries.Keys.Order())
        {
            if (file.GetObject(number) is PdfStream s && s.Dictionary["Subtype"] is PdfName { Value: "Type1C" })
            {
                return file.DecodeStream(s);
            }
        }

        throw new InvalidOperationException("no Type1C program in the fixture");
    }

    [Fact]
    public void TheFixturesCffProgramHasAnEncoding()
    {
        Assert.NotNull(EmbeddedFontEncodings.FromCff(Cff()));
    }

    [Fact]
    public void ADamagedCffProgramIsAFormatErrorNeverAnIndexError()
    {
        // Every truncation and a spread of single-byte changes: the parser read past the end of the data and
        // relied on the caller catching IndexOutOfRangeException.
        var cff = Cff();
        var random = new Random(5);
        var damaged = Enumerable.Range(0, cff.Length).Select(n => cff[..n])
            .Concat(Enumerable.Range(0, 2000).Select(_ =>
            {
                var copy = (byte[])cff.Clone();
                copy[random.Next(Math.Min(copy.Length, 600))] = (byte)random.Next(256);
                return copy;
            }));
        foreach (var bytes in damaged)
        {
            try
            {
                EmbeddedFontEncodings.FromCff(bytes);
            }
            catch (PdfFormatException)
            {
                // The expected way to fail.
            }
        }
    }
}
