using System.Globalization;
using System.Text;

namespace Extractor.Pdf.Parsing;

/// <summary>Base of the COS object model; only the reader sees these.</summary>
internal abstract class PdfObject
{
}

internal sealed class PdfNull : PdfObject
{
    public static readonly PdfNull Instance = new();

    private PdfNull()
    {
    }

    public override string ToString() => "null";
}

internal sealed class PdfBoolean : PdfObject
{
    public static readonly PdfBoolean True = new(true);
    public static readonly PdfBoolean False = new(false);

    private PdfBoolean(bool value) => Value = value;

    public bool Value { get; }

    public override string ToString() => Value ? "true" : "false";
}

internal sealed class PdfInteger : PdfObject
{
    private static readonly PdfInteger[] Small = CreateSmall();

    private PdfInteger(long value) => Value = value;

    public long Value { get; }

    public static PdfInteger Get(long value) =>
        value >= -1 && value < 255 ? Small[value + 1] : new PdfInteger(value);

    private static PdfInteger[] CreateSmall()
    {
        var a = new PdfInteger[256];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = new PdfInteger(i - 1);
        }

        return a;
    }

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

internal sealed class PdfReal : PdfObject
{
    public PdfReal(double value) => Value = value;

    public double Value { get; }

    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>A name; instances are interned so that equal names can be compared by reference or string.</summary>
internal sealed class PdfName : PdfObject
{
    private static readonly Dictionary<string, PdfName> Interned = new(StringComparer.Ordinal);
    private static readonly Lock InternLock = new();

    private PdfName(string value) => Value = value;

    public string Value { get; }

    public static PdfName Get(string value)
    {
        lock (InternLock)
        {
            if (!Interned.TryGetValue(value, out var n))
            {
                n = new PdfName(value);
                // Bound the table so a hostile file cannot grow it without limit.
                if (Interned.Count < 100_000)
                {
                    Interned[value] = n;
                }
            }

            return n;
        }
    }

    public override string ToString() => "/" + Value;
}

internal sealed class PdfString : PdfObject
{
    public PdfString(byte[] bytes, bool isHex = false)
    {
        Bytes = bytes;
        IsHex = isHex;
    }

    public byte[] Bytes { get; set; }

    public bool IsHex { get; }

    /// <summary>Decodes a text string: UTF-16 with BOM, UTF-8 with BOM, else PDFDocEncoding.</summary>
    public string ToText()
    {
        var b = Bytes;
        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(b, 2, (b.Length - 2) & ~1);
        }

        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(b, 2, (b.Length - 2) & ~1);
        }

        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        {
            return Encoding.UTF8.GetString(b, 3, b.Length - 3);
        }

        return Fonts.StandardEncodings.DecodePdfDoc(b);
    }

    public override string ToString() => "(" + Encoding.Latin1.GetString(Bytes) + ")";
}

internal sealed class PdfArray : PdfObject
{
    public PdfArray(List<PdfObject> items) => Items = items;

    public List<PdfObject> Items { get; }

    public int Count => Items.Count;

    public PdfObject this[int index] => Items[index];
}

internal sealed class PdfDictionary : PdfObject
{
    public PdfDictionary(Dictionary<string, PdfObject> entries) => Entries = entries;

    public PdfDictionary()
        : this(new Dictionary<string, PdfObject>(StringComparer.Ordinal))
    {
    }

    public Dictionary<string, PdfObject> Entries { get; }

    public PdfObject? this[string key] => Entries.TryGetValue(key, out var v) ? v : null;

    public bool ContainsKey(string key) => Entries.ContainsKey(key);
}

internal sealed class PdfReference : PdfObject
{
    public PdfReference(int number, int generation)
    {
        Number = number;
        Generation = generation;
    }

    public int Number { get; }

    public int Generation { get; }

    public override string ToString() => $"{Number} {Generation} R";
}

/// <summary>A stream whose raw bytes are located in the file (or held in memory) and decoded on demand.</summary>
internal sealed class PdfStream : PdfObject
{
    public PdfStream(PdfDictionary dictionary, ReadOnlyMemory<byte> raw, int objectNumber, int generation)
    {
        Dictionary = dictionary;
        Raw = raw;
        ObjectNumber = objectNumber;
        Generation = generation;
    }

    public PdfDictionary Dictionary { get; }

    /// <summary>The encoded bytes as stored (still encrypted if the file is encrypted).</summary>
    public ReadOnlyMemory<byte> Raw { get; }

    public int ObjectNumber { get; }

    public int Generation { get; }
}

/// <summary>A bare keyword met where an object was expected (content stream operators, obj/endobj...).</summary>
internal sealed class PdfKeyword : PdfObject
{
    public PdfKeyword(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;
}
