using System.Text;
using Extractor.Pdf.Parsing;

namespace Extractor.Pdf.Fonts;

/// <summary>
/// Builds <see cref="PdfFont"/>s from font dictionaries following the same precedence rules as poppler,
/// so that the text it reads agrees with <c>pdftotext</c>.
/// </summary>
internal sealed class FontLoader
{
    private const int FlagFixedPitch = 1;
    private const int FlagSerif = 2;
    private const int FlagItalic = 1 << 6;
    private const int FlagBold = 1 << 18;

    private readonly PdfFile file;
    private readonly Dictionary<object, PdfFont> cache = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<int, PdfFont> cacheByNumber = new();

    public FontLoader(PdfFile file)
    {
        this.file = file;
    }

    /// <summary>Loads (or returns the cached) font for a /Font resource entry; null when it cannot be read.</summary>
    public PdfFont? Load(PdfObject? fontObject, List<string> warnings)
    {
        if (fontObject is PdfReference r && cacheByNumber.TryGetValue(r.Number, out var byRef))
        {
            return byRef;
        }

        if (file.Resolve(fontObject) is not PdfDictionary dict)
        {
            return null;
        }

        if (cache.TryGetValue(dict, out var cached))
        {
            return cached;
        }

        PdfFont? font;
        try
        {
            font = Create(dict, warnings);
        }
        catch (PdfFormatException e)
        {
            warnings.Add("font could not be read: " + e.Message);
            font = null;
        }

        if (font is not null)
        {
            cache[dict] = font;
            if (fontObject is PdfReference rr)
            {
                cacheByNumber[rr.Number] = font;
            }
        }

        return font;
    }

    private PdfFont? Create(PdfDictionary dict, List<string> warnings)
    {
        var subtype = (file.Resolve(dict["Subtype"]) as PdfName)?.Value;
        return subtype == "Type0" ? CreateType0(dict, warnings) : CreateSimple(dict, subtype, warnings);
    }

    private static string NameOf(PdfObject? o) => o switch
    {
        PdfName n => n.Value,
        PdfString s => Encoding.Latin1.GetString(s.Bytes),
        _ => string.Empty,
    };

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);
    private static readonly Lazy<Encoding?> Gb18030 = new(() =>
    {
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(54936);
        }
        catch (ArgumentException)
        {
            return null;
        }
    });

    /// <summary>
    /// A font name for people: names are bytes, often UTF-8 or GBK for Chinese fonts (宋体 is written #CB#CE#CC#E5);
    /// used for <see cref="Letter.FontName"/> only, never for lookups.
    /// </summary>
    internal static string DisplayName(string latin1Name)
    {
        bool ascii = true;
        foreach (var c in latin1Name)
        {
            ascii &= c < 0x80;
        }

        if (ascii)
        {
            return latin1Name;
        }

        var bytes = Encoding.Latin1.GetBytes(latin1Name);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Gb18030.Value?.GetString(bytes) ?? latin1Name;
        }
    }

    private string FontName(PdfDictionary fontDict, PdfDictionary? descendant)
    {
        var name = NameOf(file.Resolve(fontDict["BaseFont"]));
        if (name.Length == 0)
        {
            var fd = file.ResolveDictionary((descendant ?? fontDict)["FontDescriptor"]);
            name = NameOf(file.Resolve(fd?["FontName"]));
        }

        return DisplayName(name);
    }

    private (double Ascent, double Descent, int Flags, double MissingWidth, bool Embedded, PdfStream? FontFile, string? FontFileKind) ReadDescriptor(
        PdfDictionary fontDict, double ascent, double descent)
    {
        int flags = FlagSerif;
        double missingWidth = 0;
        var fd = file.ResolveDictionary(fontDict["FontDescriptor"]);
        if (fd is null)
        {
            return (ascent, descent, flags, missingWidth, false, null, null);
        }

        if (file.Resolve(fd["Flags"]) is PdfInteger f)
        {
            flags = (int)f.Value;
        }

        if (file.Resolve(fd["MissingWidth"]) is { } mw && ToDouble(mw) is double mwv)
        {
            missingWidth = mwv;
        }

        if (ToDouble(file.Resolve(fd["Ascent"])) is double a)
        {
            double t = Math.Abs(0.001 * a);
            // Broken descriptors give 0 or absurd values; poppler ignores those.
            if (t != 0 && t < 3)
            {
                ascent = t;
            }
        }

        if (ToDouble(file.Resolve(fd["Descent"])) is double d)
        {
            double t = 0.001 * d;
            if (t > 0)
            {
                t = -t;
            }

            if (t != 0 && t > -3)
            {
                descent = t;
            }
        }

        PdfStream? fontFile = null;
        string? kind = null;
        if (file.Resolve(fd["FontFile"]) is PdfStream ff1)
        {
            fontFile = ff1;
            kind = "Type1";
        }
        else if (file.Resolve(fd["FontFile2"]) is PdfStream ff2)
        {
            fontFile = ff2;
            kind = "TrueType";
        }
        else if (file.Resolve(fd["FontFile3"]) is PdfStream ff3)
        {
            fontFile = ff3;
            kind = (file.Resolve(ff3.Dictionary["Subtype"]) as PdfName)?.Value ?? "Type1C";
        }

        return (ascent, descent, flags, missingWidth, fontFile is not null, fontFile, kind);
    }

    private static double? ToDouble(PdfObject? o) => o switch
    {
        PdfInteger i => i.Value,
        PdfReal r => r.Value,
        _ => null,
    };

    private SimpleFont CreateSimple(PdfDictionary dict, string? subtype, List<string> warnings)
    {
        string name = NameOf(file.Resolve(dict["BaseFont"]));
        string displayName = FontName(dict, null);
        bool isType3 = subtype == "Type3";
        var builtin = isType3 ? null : Standard14.Find(name);
        double ascent = builtin?.Ascent ?? 0.95;
        double descent = builtin?.Descent ?? -0.35;
        var desc = ReadDescriptor(dict, ascent, descent);
        ascent = desc.Ascent;
        descent = desc.Descent;
        if (builtin is not null && !desc.Embedded)
        {
            // Non-embedded standard fonts: trust the built-in metrics, not the descriptor.
            ascent = builtin.Ascent;
            descent = builtin.Descent;
        }

        double[]? fontMatrix = null;
        if (isType3)
        {
            fontMatrix = [0.001, 0, 0, 0.001, 0, 0];
            if (file.Resolve(dict["FontMatrix"]) is PdfArray fm)
            {
                for (int i = 0; i < 6 && i < fm.Count; i++)
                {
                    if (ToDouble(file.Resolve(fm[i])) is double v)
                    {
                        fontMatrix[i] = v;
                    }
                }
            }
        }

        bool isTrueType = subtype == "TrueType" || (desc.FontFileKind == "TrueType" && !isType3);
        // Base encoding: /Encoding, then the embedded font program, then the font's built-in default.
        string?[]? baseEncoding = null;
        bool baseFromFontFile = false;
        var encodingObj = file.Resolve(dict["Encoding"]);
        PdfArray? differences = null;
        if (encodingObj is PdfName en)
        {
            baseEncoding = StandardEncodings.ByName(en.Value) is { } t && en.Value != "StandardEncoding" ? t : null;
        }
        else if (encodingObj is PdfDictionary ed)
        {
            if (file.Resolve(ed["BaseEncoding"]) is PdfName ben && ben.Value != "StandardEncoding")
            {
                baseEncoding = StandardEncodings.ByName(ben.Value);
            }

            differences = file.Resolve(ed["Differences"]) as PdfArray;
        }

        if (baseEncoding is null && desc.FontFile is not null)
        {
            try
            {
                if (desc.FontFileKind == "Type1")
                {
                    baseEncoding = EmbeddedFontEncodings.FromType1(file.DecodeStream(desc.FontFile));
                }
                else if (desc.FontFileKind == "Type1C")
                {
                    baseEncoding = EmbeddedFontEncodings.FromCff(file.DecodeStream(desc.FontFile));
                }
            }
            catch (PdfLimitException)
            {
                throw;
            }
            catch (PdfFormatException e)
            {
                warnings.Add($"font {name}: embedded program unreadable ({e.Message})");
            }

            baseFromFontFile = baseEncoding is not null;
        }

        if (baseEncoding is null)
        {
            if (builtin is not null && !desc.Embedded)
            {
                baseEncoding = builtin.BuiltInEncoding;
            }
            else if (isTrueType)
            {
                baseEncoding = StandardEncodings.WinAnsi;
            }
            else
            {
                baseEncoding = StandardEncodings.Standard;
            }
        }

        var enc = (string?[])baseEncoding.Clone();
        if (baseFromFontFile && desc.FontFileKind == "Type1C")
        {
            var std = StandardEncodings.Standard;
            for (int i = 0; i < 256; i++)
            {
                enc[i] ??= std[i];
            }
        }

        var differenceNames = new List<string>();
        if (differences is not null)
        {
            int code = 0;
            foreach (var item in differences.Items)
            {
                var it = file.Resolve(item);
                if (it is PdfInteger ci)
                {
                    code = (int)Math.Clamp(ci.Value, -1, 1 << 20);
                }
                else if (it is PdfReal cr)
                {
                    code = (int)cr.Value;
                }
                else if (it is PdfName gn)
                {
                    if (code is >= 0 and < 256)
                    {
                        enc[code] = gn.Value;
                        differenceNames.Add(gn.Value);
                    }

                    code++;
                }
            }
        }

        var unicode = BuildUnicode(name, enc, differenceNames);
        if (file.Resolve(dict["ToUnicode"]) is PdfStream tu)
        {
            var cmap = ParseCMapStream(tu, warnings);
            if (cmap is not null)
            {
                for (int code = 0; code < 256; code++)
                {
                    if (cmap.MapToUnicode(code) is { } u)
                    {
                        unicode[code] = u;
                    }
                }
            }
        }

        var widths = new double[256];
        Array.Fill(widths, desc.MissingWidth * 0.001);
        int firstChar = file.Resolve(dict["FirstChar"]) is PdfInteger fc && fc.Value is >= 0 and <= 255 ? (int)fc.Value : 0;
        int lastChar = file.Resolve(dict["LastChar"]) is PdfInteger lc && lc.Value is >= 0 and <= 255 ? (int)lc.Value : 255;
        double mul = isType3 ? fontMatrix![0] : 0.001;
        if (file.Resolve(dict["Widths"]) is PdfArray wa)
        {
            if (wa.Count < lastChar - firstChar + 1)
            {
                lastChar = firstChar + wa.Count - 1;
            }

            for (int code = firstChar; code <= lastChar; code++)
            {
                if (ToDouble(file.Resolve(wa[code - firstChar])) is double w)
                {
                    widths[code] = w * mul;
                }
            }
        }
        else
        {
            var metrics = builtin;
            if (metrics is null)
            {
                int flags = desc.Flags;
                metrics = Standard14.Substitute((flags & FlagFixedPitch) != 0, (flags & FlagSerif) != 0, (flags & FlagBold) != 0, (flags & FlagItalic) != 0);
            }

            if (metrics is not null)
            {
                if (metrics.Widths.TryGetValue("space", out var sw))
                {
                    // Some files encode the space as .notdef.
                    widths[32] = sw * 0.001;
                }

                for (int code = 0; code < 256; code++)
                {
                    if (enc[code] is { } gname && metrics.Widths.TryGetValue(gname, out var w))
                    {
                        widths[code] = w * 0.001;
                    }
                }
            }
        }

        double type3Factor = 1;
        if (isType3)
        {
            type3Factor = Type3SizeFactor(enc, widths, fontMatrix!);
        }

        return new SimpleFont(displayName, unicode, widths, ascent, descent, isType3, fontMatrix, type3Factor);
    }

    /// <summary>poppler's guess of a Type 3 font's scale from the width of 'm' (or any letter).</summary>
    private static double Type3SizeFactor(string?[] enc, double[] widths, double[] fm)
    {
        int mCode = -1, letterCode = -1, anyCode = -1;
        for (int code = 0; code < 256; code++)
        {
            var n = enc[code];
            bool oneChar = n is not null && n.Length == 1;
            if (oneChar && n![0] == 'm')
            {
                mCode = code;
            }

            if (letterCode < 0 && oneChar && char.IsAsciiLetter(n![0]))
            {
                letterCode = code;
            }

            if (anyCode < 0 && n is not null && widths[code] > 0)
            {
                anyCode = code;
            }
        }

        double factor = 1;
        if (mCode >= 0 && widths[mCode] > 0)
        {
            factor = widths[mCode] / 0.6;
        }
        else if (letterCode >= 0 && widths[letterCode] > 0)
        {
            factor = widths[letterCode] / 0.5;
        }
        else if (anyCode >= 0 && widths[anyCode] > 0)
        {
            factor = widths[anyCode] / 0.5;
        }

        if (fm[0] != 0)
        {
            factor *= Math.Abs(fm[3] / fm[0]);
        }

        return factor;
    }

    private static string?[] BuildUnicode(string fontName, string?[] enc, List<string> differenceNames)
    {
        var unicode = new string?[256];
        bool missing = false, hex = false;
        for (int code = 0; code < 256; code++)
        {
            var n = enc[code];
            if (n is null)
            {
                continue;
            }

            unicode[code] = GlyphList.Lookup(n);
            if (unicode[code] is null && n != ".notdef")
            {
                if (LooksHex(n))
                {
                    hex = true;
                }

                missing = true;
            }
        }

        bool numeric = differenceNames.Count > 0 && differenceNames.All(n => IsNumericName(n, hex));
        for (int code = 0; code < 256; code++)
        {
            // Presentation-form ligatures (U+FB00–FB4F) are spelled out, as poppler does.
            if (unicode[code] is { } u && PresentationForms.Expand(u) is { } expanded)
            {
                unicode[code] = expanded;
            }
        }

        if (missing)
        {
            for (int code = 0; code < 256; code++)
            {
                if (unicode[code] is not null)
                {
                    continue;
                }

                if (enc[code] is { } n && n != ".notdef" && GlyphList.Parse(n, false, true, numeric, hex, true) is { Length: > 0 } parsed)
                {
                    unicode[code] = parsed;
                    continue;
                }

                // Unknown names: poppler passes the code through.
                unicode[code] = ((char)code).ToString();
            }
        }

        return unicode;
    }

    private static bool LooksHex(string n)
    {
        static bool IsHexLetter(char c) => c is >= 'a' and <= 'f' or >= 'A' and <= 'F';
        if (n.Length == 3 && char.IsAsciiLetter(n[0]) && char.IsAsciiHexDigit(n[1]) && char.IsAsciiHexDigit(n[2]) && (IsHexLetter(n[1]) || IsHexLetter(n[2])))
        {
            return true;
        }

        return n.Length == 2 && char.IsAsciiHexDigit(n[0]) && char.IsAsciiHexDigit(n[1]) && IsHexLetter(n[1]);
    }

    private static bool IsNumericName(string n, bool hex)
    {
        int i = 0;
        while (i < n.Length && char.IsAsciiLetter(n[i]))
        {
            i++;
        }

        if (i > 2 || i == n.Length)
        {
            return hex && n.Length is 2 or 3 && n.Skip(n.Length - 2).All(char.IsAsciiHexDigit);
        }

        for (; i < n.Length; i++)
        {
            if (!char.IsAsciiDigit(n[i]) && !(hex && char.IsAsciiHexDigit(n[i])))
            {
                return false;
            }
        }

        return true;
    }

    private CMap? ParseCMapStream(PdfStream stream, List<string> warnings)
    {
        try
        {
            var data = file.DecodeStream(stream);
            var cmap = CMap.Parse(data, parent => PredefinedCMaps.Get(parent));
            foreach (var problem in cmap.Problems)
            {
                warnings.Add($"CMap of object {stream.ObjectNumber}: {problem}");
            }

            return cmap;
        }
        catch (PdfFormatException e)
        {
            warnings.Add("CMap unreadable: " + e.Message);
            return null;
        }
    }

    private Type0Font CreateType0(PdfDictionary dict, List<string> warnings)
    {
        string name = NameOf(file.Resolve(dict["BaseFont"]));
        PdfDictionary? descendant = null;
        if (file.Resolve(dict["DescendantFonts"]) is PdfArray da && da.Count > 0)
        {
            descendant = file.ResolveDictionary(da[0]);
        }

        double ascent = 0.95, descent = -0.35;
        if (descendant is not null)
        {
            var desc = ReadDescriptor(descendant, ascent, descent);
            ascent = desc.Ascent;
            descent = desc.Descent;
        }

        string collection = "Adobe-Identity";
        if (descendant is not null && file.ResolveDictionary(descendant["CIDSystemInfo"]) is { } csi &&
            file.Resolve(csi["Registry"]) is PdfString reg && file.Resolve(csi["Ordering"]) is PdfString ord)
        {
            collection = Encoding.Latin1.GetString(reg.Bytes) + "-" + Encoding.Latin1.GetString(ord.Bytes);
        }

        CMap? toUnicode = null;
        if (file.Resolve(dict["ToUnicode"]) is PdfStream tu)
        {
            toUnicode = ParseCMapStream(tu, warnings);
        }

        Func<int, string?>? cidToUnicode = null;
        bool identityUnicode = false;
        if (toUnicode is null)
        {
            if (collection is "Adobe-Identity" or "Adobe-UCS")
            {
                identityUnicode = true;
            }
            else
            {
                cidToUnicode = PredefinedCMaps.CidToUnicode(collection);
                if (cidToUnicode is null)
                {
                    // Unknown collection: poppler falls back to the identity.
                    identityUnicode = true;
                }
            }
        }

        CMap? encoding = null;
        var encObj = file.Resolve(dict["Encoding"]);
        if (encObj is PdfName encName)
        {
            encoding = PredefinedCMaps.Get(encName.Value);
            if (encoding is null)
            {
                warnings.Add($"font {name}: unknown CMap {encName.Value}");
            }
        }
        else if (encObj is PdfStream encStream)
        {
            encoding = ParseCMapStream(encStream, warnings);
            if (encoding is not null && file.Resolve(encStream.Dictionary["WMode"]) is PdfInteger wm && wm.Value == 1 && encoding.WMode == 0)
            {
                encoding = encoding.WithWMode(1);
            }
        }
        else
        {
            warnings.Add($"font {name}: missing Encoding");
        }

        double defaultWidth = 1.0;
        var widthList = new List<(int, int, double)>();
        double defaultVertical = -1.0;
        var verticals = new Dictionary<int, double>();
        if (descendant is not null)
        {
            if (ToDouble(file.Resolve(descendant["DW"])) is double dw)
            {
                defaultWidth = dw * 0.001;
            }

            if (file.Resolve(descendant["W"]) is PdfArray w)
            {
                ReadCidWidths(w, widthList);
            }

            if (file.Resolve(descendant["DW2"]) is PdfArray dw2 && dw2.Count == 2 && ToDouble(file.Resolve(dw2[1])) is double h)
            {
                defaultVertical = h * 0.001;
            }

            if (file.Resolve(descendant["W2"]) is PdfArray w2)
            {
                ReadVerticalWidths(w2, verticals);
            }
        }

        widthList.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return new Type0Font(FontName(dict, descendant), encoding, toUnicode, cidToUnicode, identityUnicode, defaultWidth, widthList.ToArray(), defaultVertical, verticals, ascent, descent);
    }

    private void ReadCidWidths(PdfArray w, List<(int, int, double)> result)
    {
        int i = 0;
        while (i + 1 < w.Count && result.Count < 1_000_000)
        {
            var a = file.Resolve(w[i]);
            var b = file.Resolve(w[i + 1]);
            if (a is PdfInteger first && b is PdfArray list)
            {
                int c = (int)first.Value;
                foreach (var item in list.Items)
                {
                    if (ToDouble(file.Resolve(item)) is double v)
                    {
                        result.Add((c, c, v * 0.001));
                    }

                    c++;
                }

                i += 2;
            }
            else if (a is PdfInteger lo && b is PdfInteger hi && i + 2 < w.Count)
            {
                if (ToDouble(file.Resolve(w[i + 2])) is double v)
                {
                    result.Add(((int)lo.Value, (int)hi.Value, v * 0.001));
                }

                i += 3;
            }
            else
            {
                i++;
            }
        }
    }

    private void ReadVerticalWidths(PdfArray w, Dictionary<int, double> result)
    {
        int i = 0;
        while (i + 1 < w.Count && result.Count < 1_000_000)
        {
            var a = file.Resolve(w[i]);
            var b = file.Resolve(w[i + 1]);
            if (a is PdfInteger first && b is PdfArray list)
            {
                int c = (int)first.Value;
                for (int k = 0; k + 2 < list.Count; k += 3)
                {
                    if (ToDouble(file.Resolve(list[k])) is double v)
                    {
                        result[c] = v * 0.001;
                    }

                    c++;
                }

                i += 2;
            }
            else if (a is PdfInteger lo && b is PdfInteger hi && i + 4 < w.Count)
            {
                if (ToDouble(file.Resolve(w[i + 2])) is double v)
                {
                    for (long c = lo.Value; c <= hi.Value && c - lo.Value < 65536; c++)
                    {
                        result[(int)c] = v * 0.001;
                    }
                }

                i += 5;
            }
            else
            {
                i++;
            }
        }
    }
}
