using Extractor.Pdf.Parsing;

namespace Extractor.Pdf.Content;

/// <summary>Visibility of optional content groups in the default configuration (§8.11): hidden content is not text.</summary>
internal sealed class OptionalContent
{
    private readonly PdfFile file;
    private readonly HashSet<int> off = new();

    private OptionalContent(PdfFile file)
    {
        this.file = file;
    }

    public static OptionalContent? Create(PdfFile file, PdfDictionary? catalog)
    {
        var props = file.ResolveDictionary(catalog?["OCProperties"]);
        var d = file.ResolveDictionary(props?["D"]);
        if (d is null)
        {
            return null;
        }

        var oc = new OptionalContent(file);
        bool baseOff = file.Resolve(d["BaseState"]) is PdfName { Value: "OFF" };
        if (baseOff && file.Resolve(props!["OCGs"]) is PdfArray all)
        {
            foreach (var item in all.Items)
            {
                if (item is PdfReference r)
                {
                    oc.off.Add(r.Number);
                }
            }
        }

        if (file.Resolve(d["ON"]) is PdfArray on)
        {
            foreach (var item in on.Items)
            {
                if (item is PdfReference r)
                {
                    oc.off.Remove(r.Number);
                }
            }
        }

        if (file.Resolve(d["OFF"]) is PdfArray offArray)
        {
            foreach (var item in offArray.Items)
            {
                if (item is PdfReference r)
                {
                    oc.off.Add(r.Number);
                }
            }
        }

        return oc.off.Count == 0 ? null : oc;
    }

    /// <summary>Whether an optional content group or membership dictionary is visible.</summary>
    public bool IsVisible(PdfObject? ocgOrMembership)
    {
        if (ocgOrMembership is PdfReference r && off.Contains(r.Number))
        {
            return false;
        }

        var dict = file.ResolveDictionary(ocgOrMembership);
        if (dict is null || file.Resolve(dict["Type"]) is not PdfName { Value: "OCMD" })
        {
            return true;
        }

        var groups = new List<PdfObject>();
        var ocgs = dict["OCGs"];
        if (file.Resolve(ocgs) is PdfArray arr)
        {
            groups.AddRange(arr.Items);
        }
        else if (ocgs is not null)
        {
            groups.Add(ocgs);
        }

        if (groups.Count == 0)
        {
            return true;
        }

        var policy = (file.Resolve(dict["P"]) as PdfName)?.Value ?? "AnyOn";
        var states = groups.Select(g => g is not PdfReference gr || !off.Contains(gr.Number)).ToList();
        return policy switch
        {
            "AllOn" => states.All(v => v),
            "AnyOff" => states.Any(v => !v),
            "AllOff" => states.All(v => !v),
            _ => states.Any(v => v),
        };
    }
}
