using System.Text;

namespace Extractor.Sources.Ocr.Paddle;

/// <summary>
/// The recognition model's classes: index 0 is CTC's blank, then the characters of ppocr_keys_v1.txt in
/// file order, then the space, which the Chinese models were trained with at the end.
/// </summary>
internal sealed class Alphabet
{
    private readonly string[] symbols;

    private Alphabet(string[] symbols) => this.symbols = symbols;

    /// <summary>Classes in all, blank and space included.</summary>
    public int Count => symbols.Length;

    /// <summary>The text of class <paramref name="index"/> (empty for the blank).</summary>
    public string this[int index] => symbols[index];

    /// <summary>Reads a keys file: one character a line, UTF-8.</summary>
    public static Alphabet Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return FromKeys(File.ReadAllText(path, Encoding.UTF8));
    }

    /// <summary>The alphabet of a keys file's text.</summary>
    public static Alphabet FromKeys(string keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var lines = keys.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return new Alphabet([string.Empty, .. lines, " "]);
    }
}
