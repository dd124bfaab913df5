using System.Text;
using Extractor.Pdf.Parsing;

namespace Extractor.Pdf.Fonts;

/// <summary>Reading a CMap program (PostScript-like text) into a <see cref="CMap"/>.</summary>
internal sealed partial class CMap
{
    /// <summary>A ToUnicode destination, or null when it is empty or longer than a destination may be.</summary>
    private string? Destination(byte[] bytes)
    {
        if (bytes.Length is > 0 and <= MaxDestinationBytes)
        {
            return DecodeUtf16(bytes);
        }

        Problem(bytes.Length == 0 ? "empty destination strings ignored" : $"destination strings longer than {MaxDestinationBytes} bytes ignored");
        return null;
    }

    /// <summary>Parses a CMap program; <paramref name="useCMap"/> resolves /Name usecmap.</summary>
    public static CMap Parse(byte[] data, Func<string, CMap?>? useCMap, int maxEntries = 2_000_000)
    {
        var cmap = new CMap();
        var lexer = new Lexer(data);
        var parser = new ObjectParser(lexer, 32);
        var recent = new List<PdfObject>();
        int entries = 0;
        bool Room()
        {
            if (++entries < maxEntries)
            {
                return true;
            }

            cmap.Problem($"more than {maxEntries} mappings; the rest ignored");
            return false;
        }

        while (true)
        {
            PdfObject? obj;
            try
            {
                obj = parser.ReadObject();
            }
            catch (PdfLimitException)
            {
                break;
            }

            if (obj is null)
            {
                break;
            }

            if (obj is not PdfKeyword kw)
            {
                recent.Add(obj);
                if (recent.Count > 8)
                {
                    recent.RemoveAt(0);
                }

                continue;
            }

            switch (kw.Value)
            {
                case "begincodespacerange":
                    ReadGroup(parser, "endcodespacerange", 2, items =>
                    {
                        if (items[0] is PdfString lo && items[1] is PdfString hi && lo.Bytes.Length == hi.Bytes.Length && lo.Bytes.Length is >= 1 and <= 4)
                        {
                            if (cmap.codespaces.Count < MaxCodespaceRanges)
                            {
                                cmap.codespaces.Add((lo.Bytes.Length, lo.Bytes, hi.Bytes));
                            }
                            else
                            {
                                cmap.Problem($"more than {MaxCodespaceRanges} codespace ranges; the rest ignored");
                            }
                        }
                    });
                    break;
                case "begincidrange":
                    ReadGroup(parser, "endcidrange", 3, items =>
                    {
                        if (items[0] is PdfString lo && items[1] is PdfString hi && items[2] is PdfInteger cid && Room())
                        {
                            int len = lo.Bytes.Length;
                            cmap.cidMappings.Add((Key(ToInt(lo.Bytes), len), Key(ToInt(hi.Bytes), len), (int)cid.Value));
                        }
                    });
                    break;
                case "begincidchar":
                    ReadGroup(parser, "endcidchar", 2, items =>
                    {
                        if (items[0] is PdfString c && items[1] is PdfInteger cid && Room())
                        {
                            long key = Key(ToInt(c.Bytes), c.Bytes.Length);
                            cmap.cidMappings.Add((key, key, (int)cid.Value));
                        }
                    });
                    break;
                case "beginbfchar":
                    ReadGroup(parser, "endbfchar", 2, items =>
                    {
                        if (items[0] is PdfString c && Room())
                        {
                            string? value = items[1] switch
                            {
                                PdfString dst => cmap.Destination(dst.Bytes),
                                PdfName n => GlyphList.Parse(n.Value, true, true, false, false, true),
                                _ => null,
                            };
                            if (value is not null)
                            {
                                cmap.bfChars[ToInt(c.Bytes)] = value;
                            }
                        }
                    });
                    break;
                case "beginbfrange":
                    ReadGroup(parser, "endbfrange", 3, items =>
                    {
                        if (items[0] is PdfString lo && items[1] is PdfString hi && Room())
                        {
                            int l = ToInt(lo.Bytes), h = ToInt(hi.Bytes);
                            if (h < l)
                            {
                                return;
                            }

                            if (items[2] is PdfString start && cmap.Destination(start.Bytes) is { } first)
                            {
                                cmap.bfRanges.Add((l, h, first, null));
                            }
                            else if (items[2] is PdfArray arr)
                            {
                                var values = arr.Items.Select(i => i is PdfString s ? cmap.Destination(s.Bytes) : null).ToArray();
                                cmap.bfRanges.Add((l, h, null, values));
                            }
                        }
                    });
                    break;
                case "usecmap":
                    if (recent.Count > 0 && recent[^1] is PdfName parent && useCMap?.Invoke(parent.Value) is { } baseMap)
                    {
                        cmap.Inherit(baseMap);
                    }

                    break;
                case "def":
                    if (recent.Count >= 2 && recent[^2] is PdfName key)
                    {
                        if (key.Value == "WMode" && recent[^1] is PdfInteger wm)
                        {
                            cmap.WMode = (int)wm.Value;
                        }
                        else if (key.Value == "CMapName" && recent[^1] is PdfName nm)
                        {
                            cmap.Name = nm.Value;
                        }
                    }

                    break;
            }

            recent.Clear();
        }

        // Sorted once here: predefined CMaps are shared between documents read on different threads.
        cmap.EnsureSorted();
        return cmap;
    }

    private static void ReadGroup(ObjectParser parser, string endKeyword, int arity, Action<PdfObject[]> handle)
    {
        var items = new PdfObject[arity];
        int n = 0;
        while (true)
        {
            var obj = parser.ReadObject();
            if (obj is null)
            {
                return;
            }

            if (obj is PdfKeyword k)
            {
                if (k.Value == endKeyword)
                {
                    return;
                }

                n = 0;
                continue;
            }

            items[n++] = obj;
            if (n == arity)
            {
                handle(items);
                n = 0;
            }
        }
    }

    private static int ToInt(byte[] bytes)
    {
        int v = 0;
        for (int i = 0; i < bytes.Length && i < 4; i++)
        {
            v = (v << 8) | bytes[i];
        }

        return v;
    }

    /// <summary>Decodes a ToUnicode destination: UTF-16BE (surrogates joined); a single byte is read as its code.</summary>
    public static string DecodeUtf16(byte[] bytes)
    {
        if (bytes.Length == 1)
        {
            return ((char)bytes[0]).ToString();
        }

        var sb = new StringBuilder(bytes.Length / 2);
        for (int i = 0; i + 1 < bytes.Length; i += 2)
        {
            sb.Append((char)((bytes[i] << 8) | bytes[i + 1]));
        }

        return sb.ToString();
    }
}
