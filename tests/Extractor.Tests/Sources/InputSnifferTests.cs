using System.IO.Compression;
using System.Text;
using Extractor.Sources.Kinds;

namespace Extractor.Tests.Sources;

/// <summary>An input's type from its bytes, whatever its name.</summary>
public class InputSnifferTests
{
    [Theory]
    [InlineData("%PDF-1.7\n", "pdf", "Pdf")]
    [InlineData("junk before\n%PDF-1.4\n", "pdf", "Pdf")]
    [InlineData("财政项目支出绩效自评表\n", "text", "Text")]
    [InlineData("{\\rtf1\\ansi", "rtf", "Unsupported")]
    [InlineData("GIF89a....", "gif", "Unsupported")]
    public void TextSignatures(string head, string name, string route)
    {
        var type = InputSniffer.Identify(Encoding.UTF8.GetBytes(head));
        Assert.Equal((name, route), (type.Name, type.Route.ToString()));
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0 }, "jpeg")]
    [InlineData(new byte[] { 0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0 }, "tiff")]
    [InlineData(new byte[] { 0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8 }, "tiff")]
    public void ImagesGoToOcr(byte[] head, string name)
    {
        var type = InputSniffer.Identify(head);
        Assert.Equal((name, InputRoute.Image), (type.Name, type.Route));
    }

    [Fact]
    public void ABmpIsKnownByItsHeaderNotByTwoLetters()
    {
        var bmp = new byte[54];
        "BM"u8.CopyTo(bmp);
        bmp[14] = 40;
        Assert.Equal("bmp", InputSniffer.Identify(bmp).Name);
        Assert.Equal("text", InputSniffer.Identify("BM and some text that is not an image"u8).Name);
    }

    [Theory]
    [InlineData("xl/workbook.xml", "xlsx", "Office")]
    [InlineData("word/document.xml", "docx", "Office")]
    [InlineData("ppt/presentation.xml", "pptx", "Unsupported")]
    [InlineData("photos/a.jpg", "zip", "Unsupported")]
    public void ZipPackagesByTheirParts(string part, string name, string route)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry(part);
        }

        var type = InputSniffer.Identify(stream.ToArray());
        Assert.Equal((name, route), (type.Name, type.Route.ToString()));
    }

    [Theory]
    [InlineData("Workbook", "xls", "Office")]
    [InlineData("Book", "xls", "Office")]
    [InlineData("WordDocument", "doc", "Unsupported")]
    [InlineData("EncryptedPackage", "office-encrypted", "Unsupported")]
    [InlineData("Contents", "ole2", "Unsupported")]
    public void Ole2FilesByTheirStreams(string stream, string name, string route)
    {
        var bytes = new byte[1024];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        Encoding.Unicode.GetBytes(stream).CopyTo(bytes, 640);
        bytes[640 + 64] = (byte)((stream.Length + 1) * 2);
        bytes[640 + 66] = 2;

        var type = InputSniffer.Identify(bytes);
        Assert.Equal((name, route), (type.Name, type.Route.ToString()));
    }

    [Fact]
    public void NothingIsEmpty() => Assert.Equal(InputRoute.Empty, InputSniffer.Identify([]).Route);
}
