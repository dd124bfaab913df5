using System.Collections.Immutable;
using System.Globalization;

namespace Extractor;

/// <summary>
/// The pages of a document to read, as a list of 1-based pages and ranges: <c>1-3,7</c>, <c>2</c>, <c>5-</c>
/// (page 5 to the end). Pages beyond the document are ignored.
/// </summary>
public sealed class PageSelection
{
    private readonly ImmutableArray<(int First, int Last)> ranges;

    private PageSelection(ImmutableArray<(int First, int Last)> ranges, string text)
    {
        this.ranges = ranges;
        Text = text;
    }

    /// <summary>The selection as it was written.</summary>
    public string Text { get; }

    /// <summary>Reads a selection such as <c>1-3,7</c>; null with the reason when the text is not one.</summary>
    public static PageSelection? TryParse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ranges = ImmutableArray.CreateBuilder<(int, int)>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            var first = dash < 0 ? part : part[..dash];
            var last = dash < 0 ? part : part[(dash + 1)..];
            if (!TryPage(first.Trim(), out var from) || !(last.Trim().Length == 0 && dash >= 0 ? Open(out var to) : TryPage(last.Trim(), out to)) || to < from)
            {
                error = $"'{text}' is not a list of pages and ranges such as 1-3,7 (pages count from 1; '{part}' is not a page or a range of ascending pages)";
                return null;
            }

            ranges.Add((from, to));
        }

        error = null;
        return new PageSelection(ranges.ToImmutable(), text);
    }

    /// <summary>True when page <paramref name="number"/> (1-based) is selected.</summary>
    public bool Contains(int number) => ranges.Any(r => number >= r.First && number <= r.Last);

    /// <inheritdoc/>
    public override string ToString() => Text;

    private static bool TryPage(string text, out int page) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1;

    private static bool Open(out int page)
    {
        page = int.MaxValue;
        return true;
    }
}
