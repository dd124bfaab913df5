namespace Extractor.Pdf.Parsing;

/// <summary>A leaf of the page tree with its inherited attributes resolved.</summary>
internal sealed record PageEntry(PdfDictionary Dictionary, PdfDictionary? Resources, PdfRectangle MediaBox, PdfRectangle CropBox, int Rotation);

/// <summary>Flattens the page tree (§7.7.3), guarding against cycles and absurd depth.</summary>
internal static class PageTree
{
    private static readonly PdfRectangle Letter = new(0, 0, 612, 792);

    // Real page trees are a few levels deep; the walk recurses, so its depth is bounded.
    private const int MaxDepth = 256;

    private static string Describe(PdfObject? node) => node is PdfReference r ? $"object {r.Number}" : "a node";

    public static List<PageEntry> Collect(PdfFile file, PdfDictionary catalog, int maxPages)
    {
        var pages = new List<PageEntry>();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var root = catalog["Pages"];
        Walk(file, root, null, null, null, null, pages, visited, 0, maxPages);
        return pages;
    }

    /// <summary>When the tree is unusable: every /Type /Page object in object-number order.</summary>
    public static List<PageEntry> Scan(PdfFile file, int maxPages)
    {
        var pages = new List<PageEntry>();
        foreach (var number in file.Xref.Entries.Keys.Order())
        {
            if (pages.Count >= maxPages)
            {
                break;
            }

            file.Deadline.Check();
            if (file.GetObject(number) is PdfDictionary d && file.Resolve(d["Type"]) is PdfName { Value: "Page" })
            {
                pages.Add(MakeEntry(file, d, null, null, null, null));
            }
        }

        return pages;
    }

    private static void Walk(PdfFile file, PdfObject? node, PdfDictionary? resources, PdfRectangle? media, PdfRectangle? crop, int? rotate,
        List<PageEntry> pages, HashSet<object> visited, int depth, int maxPages)
    {
        if (pages.Count >= maxPages)
        {
            throw new PdfLimitException($"more than {maxPages} pages");
        }

        if (depth > MaxDepth)
        {
            file.Warn($"page tree deeper than {MaxDepth} levels; pages below are not read");
            return;
        }

        if (file.Resolve(node) is not PdfDictionary dict)
        {
            return;
        }

        if (!visited.Add(dict))
        {
            file.Warn($"page tree lists {Describe(node)} more than once (a loop or a repeated kid); it is read once");
            return;
        }

        var type = (file.Resolve(dict["Type"]) as PdfName)?.Value;
        resources = file.ResolveDictionary(dict["Resources"]) ?? resources;
        media = ReadBox(file, dict["MediaBox"]) ?? media;
        crop = ReadBox(file, dict["CropBox"]) ?? crop;
        if (file.Resolve(dict["Rotate"]) is PdfInteger r)
        {
            rotate = (int)(r.Value % 360);
        }

        var kids = file.Resolve(dict["Kids"]) as PdfArray;
        if (type == "Page" || (type != "Pages" && kids is null))
        {
            pages.Add(MakeEntry(file, dict, resources, media, crop, rotate));
            return;
        }

        if (kids is null)
        {
            return;
        }

        foreach (var kid in kids.Items)
        {
            file.Deadline.Check();
            Walk(file, kid, resources, media, crop, rotate, pages, visited, depth + 1, maxPages);
        }
    }

    private static PageEntry MakeEntry(PdfFile file, PdfDictionary dict, PdfDictionary? resources, PdfRectangle? media, PdfRectangle? crop, int? rotate)
    {
        resources = file.ResolveDictionary(dict["Resources"]) ?? resources;
        var mediaBox = ReadBox(file, dict["MediaBox"]) ?? media ?? Letter;
        if (mediaBox.Width <= 0 || mediaBox.Height <= 0)
        {
            mediaBox = Letter;
        }

        var cropBox = ReadBox(file, dict["CropBox"]) ?? crop ?? mediaBox;
        // poppler clips the crop box to the media box.
        cropBox = new PdfRectangle(
            Math.Max(cropBox.Left, mediaBox.Left),
            Math.Max(cropBox.Bottom, mediaBox.Bottom),
            Math.Min(cropBox.Right, mediaBox.Right),
            Math.Min(cropBox.Top, mediaBox.Top));
        if (cropBox.Width <= 0 || cropBox.Height <= 0)
        {
            cropBox = mediaBox;
        }

        int rotation = 0;
        if (file.Resolve(dict["Rotate"]) is PdfInteger r)
        {
            rotate = (int)(r.Value % 360);
        }

        if (rotate is int rv)
        {
            rotation = ((rv % 360) + 360) % 360;
            if (rotation % 90 != 0)
            {
                rotation = 0;
            }
        }

        return new PageEntry(dict, resources, mediaBox, cropBox, rotation);
    }

    public static PdfRectangle? ReadBox(PdfFile file, PdfObject? obj) => Structure.ReadBox(file, obj);
}
