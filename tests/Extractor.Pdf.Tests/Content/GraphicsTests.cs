using System.IO.Compression;
using Extractor.Pdf.Tests.Support;

namespace Extractor.Pdf.Tests.Content;

public class GraphicsTests
{
    private static PdfPage Page(string content, string resources = PdfBuilder.Helvetica, PdfOpenOptions? options = null)
    {
        using var doc = PdfDocument.Open(PdfBuilder.OnePage(content, resources), options);
        return doc.GetPage(1);
    }

    [Fact]
    public void StrokedLinesAndThinFilledRectanglesAreSegments()
    {
        var page = Page("0.5 w 100 100 m 300 100 l S 100 200 200 0.8 re f 100 300 200 50 re f q 2 0 0 2 0 0 cm 1 w 10 10 m 10 60 l S Q 10 10 m 20 20 30 30 40 10 c S");
        Assert.Equal(3, page.Segments.Count);
        Assert.Equal(new Segment(new PdfPoint(100, 100), new PdfPoint(300, 100), 0.5), page.Segments[0]);
        Assert.True(page.Segments[0].IsHorizontal);
        Assert.Equal(new PdfPoint(100, 200.4), page.Segments[1].Start);
        Assert.Equal(new PdfPoint(300, 200.4), page.Segments[1].End);
        Assert.Equal(0.8, page.Segments[1].Thickness, 6);
        Assert.Equal(new Segment(new PdfPoint(20, 20), new PdfPoint(20, 120), 2), page.Segments[2]);
        Assert.True(page.Segments[2].IsVertical);
    }

    [Fact]
    public void StrokedRectangleGivesFourSegments()
    {
        var page = Page("1 w 50 50 100 20 re S");
        Assert.Equal(4, page.Segments.Count);
        Assert.Contains(new Segment(new PdfPoint(50, 70), new PdfPoint(50, 50), 1), page.Segments);
    }

    [Fact]
    public void FormXobjectAppliesItsMatrixAndResources()
    {
        var b = new PdfBuilder();
        b.Add("<< /Type /Catalog /Pages 2 0 R >>");
        b.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Fm1 5 0 R >> >> /Contents 4 0 R >>");
        b.AddStream(string.Empty, "q 1 0 0 1 100 100 cm /Fm1 Do Q /Fm1 Do");
        b.AddStream("/Type /XObject /Subtype /Form /BBox [0 0 500 500] /Matrix [1 0 0 1 50 50] /Resources " + PdfBuilder.Helvetica, "BT /F1 10 Tf 10 10 Td (A) Tj ET 0 0 m 100 0 l S");
        using var doc = PdfDocument.Open(b.Build("/Root 1 0 R"));
        var page = doc.GetPage(1);
        Assert.Equal(new PdfPoint(160, 160), page.Letters[0].StartBaseLine);
        Assert.Equal(new PdfPoint(60, 60), page.Letters[1].StartBaseLine);
        Assert.Equal(new PdfPoint(150, 150), page.Segments[0].Start);
    }

    [Fact]
    public void RecursiveFormsStop()
    {
        var b = new PdfBuilder();
        b.Add("<< /Type /Catalog /Pages 2 0 R >>");
        b.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Fm1 5 0 R >> >> /Contents 4 0 R >>");
        b.AddStream(string.Empty, "/Fm1 Do");
        b.AddStream("/Type /XObject /Subtype /Form /BBox [0 0 500 500] /Resources << /XObject << /Fm1 5 0 R >> /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>", "BT /F1 10 Tf 10 10 Td (A) Tj ET /Fm1 Do");
        using var doc = PdfDocument.Open(b.Build("/Root 1 0 R"));
        var page = doc.GetPage(1);
        Assert.Equal("A", PdfBuilder.Text(page));
        Assert.Contains(page.Warnings, w => w.Contains("recursive", StringComparison.Ordinal));
    }

    [Fact]
    public void ImagesAndInlineImagesArePlaced()
    {
        var b = new PdfBuilder();
        b.Add("<< /Type /Catalog /Pages 2 0 R >>");
        b.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> /Contents 4 0 R >>");
        b.AddStream(string.Empty, "q 200 0 0 100 50 60 cm /Im1 Do Q q 100 0 0 50 10 10 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \u0001EI\u0002\u0003 EI Q BT /F1 10 Tf 100 700 Td (After) Tj ET");
        b.AddStream("/Type /XObject /Subtype /Image /Width 3 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8", new byte[12]);
        using var doc = PdfDocument.Open(b.Build("/Root 1 0 R"));
        var page = doc.GetPage(1);
        Assert.Equal(2, page.Images.Count);
        Assert.Equal(new PdfImagePlacement(new PdfRectangle(50, 60, 250, 160), 3, 4, false), page.Images[0]);
        Assert.Equal(new PdfImagePlacement(new PdfRectangle(10, 10, 110, 60), 2, 2, true), page.Images[1]);
        Assert.Equal("After", PdfBuilder.Text(page));
    }

    [Fact]
    public void HiddenOptionalContentIsNotText()
    {
        var b = new PdfBuilder();
        b.Add("<< /Type /Catalog /Pages 2 0 R /OCProperties << /OCGs [5 0 R] /D << /OFF [5 0 R] >> >> >>");
        b.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Properties << /oc1 5 0 R >> /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> /Contents 4 0 R >>");
        b.AddStream(string.Empty, "/OC /oc1 BDC BT /F1 10 Tf 100 700 Td (Hidden) Tj ET EMC BT /F1 10 Tf 100 600 Td (Shown) Tj ET");
        b.Add("<< /Type /OCG /Name (Layer) >>");
        using var doc = PdfDocument.Open(b.Build("/Root 1 0 R"));
        Assert.Equal("Shown", PdfBuilder.Text(doc.GetPage(1)));
    }

    [Fact]
    public void AnnotationAppearancesAreDrawnOntoTheirRectangles()
    {
        const string helv = "/Resources << /Font << /H << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>";
        var b = new PdfBuilder();
        b.Add("<< /Type /Catalog /Pages 2 0 R >>");
        b.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        b.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << >> /Contents 4 0 R /Annots [5 0 R 7 0 R] >>");
        b.AddStream(string.Empty, string.Empty);
        b.Add("<< /Type /Annot /Subtype /Widget /Rect [100 600 300 620] /AP << /N 6 0 R >> >>");
        // BBox 200 × 20 scaled by 0.5 through /Matrix: mapped onto the 200 × 20 rectangle it is doubled.
        b.AddStream("/Type /XObject /Subtype /Form /BBox [0 0 200 20] /Matrix [0.5 0 0 0.5 0 0] " + helv, "BT /H 10 Tf 2 5 Td (Field) Tj ET");
        b.Add("<< /Type /Annot /Subtype /FreeText /F 2 /Rect [100 500 300 520] /AP << /N 8 0 R >> >>");
        b.AddStream("/Type /XObject /Subtype /Form /BBox [0 0 200 20] " + helv, "BT /H 10 Tf 2 5 Td (Hidden) Tj ET");
        using var doc = PdfDocument.Open(b.Build("/Root 1 0 R"));
        var page = doc.GetPage(1);
        Assert.Equal("Field", PdfBuilder.Text(page));
        Assert.Equal(new PdfPoint(102, 605), page.Letters[0].StartBaseLine);
        Assert.Equal(10, page.Letters[0].FontSize, 6);
    }
}
