namespace Extractor.Pdf.Fonts;

/// <summary>
/// Compatibility decompositions (NFKC) of the Alphabetic Presentation Forms block U+FB00–FB4F that expand to
/// several characters (ﬁ → fi). poppler spells these out for glyph names; .NET's normaliser is not available
/// with invariant globalization, so the table is kept here (generated from Unicode data).
/// </summary>
internal static class PresentationForms
{
    private static readonly Dictionary<char, string> Decompositions = new()
    {
        ['\uFB00'] = "\u0066\u0066",
        ['\uFB01'] = "\u0066\u0069",
        ['\uFB02'] = "\u0066\u006C",
        ['\uFB03'] = "\u0066\u0066\u0069",
        ['\uFB04'] = "\u0066\u0066\u006C",
        ['\uFB05'] = "\u0073\u0074",
        ['\uFB06'] = "\u0073\u0074",
        ['\uFB13'] = "\u0574\u0576",
        ['\uFB14'] = "\u0574\u0565",
        ['\uFB15'] = "\u0574\u056B",
        ['\uFB16'] = "\u057E\u0576",
        ['\uFB17'] = "\u0574\u056D",
        ['\uFB1D'] = "\u05D9\u05B4",
        ['\uFB1F'] = "\u05F2\u05B7",
        ['\uFB2A'] = "\u05E9\u05C1",
        ['\uFB2B'] = "\u05E9\u05C2",
        ['\uFB2C'] = "\u05E9\u05BC\u05C1",
        ['\uFB2D'] = "\u05E9\u05BC\u05C2",
        ['\uFB2E'] = "\u05D0\u05B7",
        ['\uFB2F'] = "\u05D0\u05B8",
        ['\uFB30'] = "\u05D0\u05BC",
        ['\uFB31'] = "\u05D1\u05BC",
        ['\uFB32'] = "\u05D2\u05BC",
        ['\uFB33'] = "\u05D3\u05BC",
        ['\uFB34'] = "\u05D4\u05BC",
        ['\uFB35'] = "\u05D5\u05BC",
        ['\uFB36'] = "\u05D6\u05BC",
        ['\uFB38'] = "\u05D8\u05BC",
        ['\uFB39'] = "\u05D9\u05BC",
        ['\uFB3A'] = "\u05DA\u05BC",
        ['\uFB3B'] = "\u05DB\u05BC",
        ['\uFB3C'] = "\u05DC\u05BC",
        ['\uFB3E'] = "\u05DE\u05BC",
        ['\uFB40'] = "\u05E0\u05BC",
        ['\uFB41'] = "\u05E1\u05BC",
        ['\uFB43'] = "\u05E3\u05BC",
        ['\uFB44'] = "\u05E4\u05BC",
        ['\uFB46'] = "\u05E6\u05BC",
        ['\uFB47'] = "\u05E7\u05BC",
        ['\uFB48'] = "\u05E8\u05BC",
        ['\uFB49'] = "\u05E9\u05BC",
        ['\uFB4A'] = "\u05EA\u05BC",
        ['\uFB4B'] = "\u05D5\u05B9",
        ['\uFB4C'] = "\u05D1\u05BF",
        ['\uFB4D'] = "\u05DB\u05BF",
        ['\uFB4E'] = "\u05E4\u05BF",
        ['\uFB4F'] = "\u05D0\u05DC",
    };

    /// <summary>The expansion of a single presentation-form ligature, or null.</summary>
    public static string? Expand(string value) =>
        value.Length == 1 && Decompositions.TryGetValue(value[0], out var expanded) ? expanded : null;
}
