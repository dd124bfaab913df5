using Extractor.Conversion;
using Extractor.Model;

namespace Extractor.Tests.Conversion;

public sealed class SourceKindByNameTests
{
    [Theory]
    [InlineData("a/report.PDF", SourceKinds.Pdf)]
    [InlineData("scan.tiff", SourceKinds.ImageOcr)]
    [InlineData("scan.TIF", SourceKinds.ImageOcr)]
    [InlineData("page.jpeg", SourceKinds.ImageOcr)]
    [InlineData("page.png", SourceKinds.ImageOcr)]
    [InlineData("page.bmp", SourceKinds.ImageOcr)]
    [InlineData("form.xlsx", SourceKinds.Xlsx)]
    [InlineData("form.xls", SourceKinds.Xls)]
    [InlineData("form.docx", SourceKinds.Docx)]
    [InlineData("rows.txt", SourceKinds.Text)]
    [InlineData("no-extension", SourceKinds.Text)]
    public void AFileWhoseReadingFailedIsNamedTheKindItsNameSays(string path, string kind) =>
        Assert.Equal(kind, DocumentConverter.KindByName(path));
}
