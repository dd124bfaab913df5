using System.Collections.Concurrent;

namespace Extractor.Domain;

/// <summary>
/// A bounded cache of what a cell rule made of a short text. The same short values (5, 及时, =39人, —) recur
/// in every table of an archive, and a Sprache parse costs microseconds; long texts are not kept.
/// </summary>
/// <typeparam name="T">The rule's result.</typeparam>
/// <param name="compute">The rule.</param>
internal sealed class CellMemo<T>(Func<string, T> compute)
{
    private const int MaxEntries = 20_000;
    private const int MaxLength = 40;
    private readonly ConcurrentDictionary<string, T> entries = new(StringComparer.Ordinal);

    /// <summary>The rule's result for a text.</summary>
    public T Get(string text)
    {
        if (text.Length > MaxLength)
        {
            return compute(text);
        }

        if (entries.TryGetValue(text, out var known))
        {
            return known;
        }

        var value = compute(text);
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        entries.TryAdd(text, value);
        return value;
    }
}
