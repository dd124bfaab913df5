using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Extractor.Model;
using Extractor.Pdf;

namespace Extractor.Sources.Pdf;

/// <summary>
/// What the PDF reader recovered from, said as what was lost: a file cut off before its end, a rebuilt
/// cross-reference, fonts that did not load, glyphs that map to no text, pages read partly. Each kind of
/// problem is one <c>damaged</c> warning naming the pages it touched and how often, so that a file with
/// hundreds of identical problems gives a few lines a person reads. Limits the file ran into (too many letters
/// or rulings on a page) are <c>unreadable</c> warnings: the file is not damaged, only too large to read whole.
/// </summary>
internal static partial class PdfDamage
{
    /// <summary>The diagnostics for a file and the pages read from it.</summary>
    /// <param name="path">The file, for messages.</param>
    /// <param name="bytes">The file's bytes (its end tells whether it was cut off).</param>
    /// <param name="fileWarnings">The reader's warnings from opening the file.</param>
    /// <param name="pages">The pages read, with their own warnings.</param>
    public static ImmutableArray<Diagnostic> Describe(string path, ReadOnlySpan<byte> bytes, IReadOnlyList<string> fileWarnings, IReadOnlyList<PdfPage> pages)
    {
        ArgumentNullException.ThrowIfNull(fileWarnings);
        ArgumentNullException.ThrowIfNull(pages);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        if (IsTruncated(bytes))
        {
            diagnostics.Add(new Diagnostic(
                DiagnosticCodes.Damaged,
                Severity.Warning,
                string.Create(CultureInfo.InvariantCulture, $"{path}: the file is truncated (it ends after {bytes.Length} bytes without %%EOF): whatever came after the cut is lost"),
                null,
                null,
                null));
        }

        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var order = new List<Group>();
        void Add(string warning, int? page)
        {
            var key = Digits().Replace(warning, "#");
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = new Group(warning);
                order.Add(group);
            }

            group.Count++;
            group.Distinct.Add(warning);
            if (page is { } p)
            {
                group.Pages.Add(p);
            }
        }

        foreach (var warning in fileWarnings)
        {
            Add(warning, null);
        }

        foreach (var page in pages)
        {
            foreach (var warning in page.Warnings)
            {
                Add(warning, page.Number);
            }
        }

        // The reader lists at most so many problems a page, then says more were suppressed: counts there are lower bounds.
        var suppressed = order.Where(g => g.Example.StartsWith("further warnings", StringComparison.Ordinal)).SelectMany(g => g.Pages).ToHashSet();
        foreach (var group in order.Where(g => !g.Example.StartsWith("further warnings", StringComparison.Ordinal)))
        {
            var (code, loss) = Classify(group.Example);
            var where = group.Pages.Count == 0 ? string.Empty : $"{(group.Pages.Count == 1 ? "page" : "pages")} {Ranges(group.Pages)}";
            var atLeast = group.Pages.Overlaps(suppressed) ? "at least " : string.Empty;
            var times = group.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $"{atLeast}{group.Count} times") : string.Empty;
            var note = string.Join(", ", new[] { where, times }.Where(s => s.Length > 0));
            var example = group.Distinct.Count switch
            {
                1 => group.Example,
                2 => $"{group.Example}; {group.Distinct.First(d => d != group.Example)}",
                _ => $"{group.Example}, and {group.Distinct.Count - 1} more like it",
            };
            diagnostics.Add(new Diagnostic(
                code,
                Severity.Warning,
                $"{path}: {example}{(note.Length > 0 ? $" ({note})" : string.Empty)}{(loss is null ? string.Empty : ": " + loss)}",
                group.Pages.Count > 0 ? group.Pages.Min : null,
                null,
                null));
        }

        var unmapped = pages.Where(p => p.GlyphsWithoutUnicode > 0).ToList();
        if (unmapped.Count > 0)
        {
            var count = unmapped.Sum(p => p.GlyphsWithoutUnicode);
            var numbers = new SortedSet<int>(unmapped.Select(p => p.Number));
            diagnostics.Add(new Diagnostic(
                DiagnosticCodes.Damaged,
                Severity.Warning,
                string.Create(CultureInfo.InvariantCulture, $"{path}: {count} glyphs on {(numbers.Count == 1 ? "page" : "pages")} {Ranges(numbers)} map to no Unicode text in their fonts: their text is lost"),
                numbers.Min,
                null,
                null));
        }

        return diagnostics.ToImmutable();
    }

    /// <summary>True when the file does not end with <c>%%EOF</c> (a little trailing junk allowed), as a download or copy cut off leaves it.</summary>
    public static bool IsTruncated(ReadOnlySpan<byte> bytes) =>
        bytes[Math.Max(0, bytes.Length - 1024)..].IndexOf("%%EOF"u8) < 0;

    /// <summary>Pages as ranges: 1–3, 7.</summary>
    public static string Ranges(IEnumerable<int> pages)
    {
        var parts = new List<string>();
        int? first = null, last = null;
        foreach (var page in pages.Distinct().Order())
        {
            if (last is { } l && page == l + 1)
            {
                last = page;
                continue;
            }

            Flush();
            first = last = page;
        }

        Flush();
        return string.Join(", ", parts);

        void Flush()
        {
            if (first is { } f && last is { } t)
            {
                parts.Add(f == t ? f.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{f}–{t}"));
            }
        }
    }

    /// <summary>The code and what was lost, from the reader's wording of the problem (a limit's wording says it already).</summary>
    private static (string Code, string? Loss) Classify(string warning)
    {
        if (warning.Contains("problems; the rest", StringComparison.Ordinal))
        {
            return (DiagnosticCodes.Damaged, "more problems were not listed");
        }

        if (warning.StartsWith("limit exceeded", StringComparison.Ordinal) || warning.StartsWith("more than", StringComparison.Ordinal))
        {
            return (DiagnosticCodes.Unreadable, null);
        }

        var loss = warning switch
        {
            _ when warning.StartsWith("font /", StringComparison.Ordinal) => "text drawn in that font is lost",
            _ when warning.StartsWith("font", StringComparison.Ordinal) || warning.StartsWith("CMap", StringComparison.Ordinal) => "text in that font may be lost or wrong",
            _ when warning.StartsWith("page damaged", StringComparison.Ordinal) || warning.StartsWith("page read partly", StringComparison.Ordinal) => "the rest of the page is lost",
            _ when warning.StartsWith("content stream", StringComparison.Ordinal) => "the page's text is lost",
            _ when warning.Contains("XObject", StringComparison.Ordinal) => "what it draws is lost",
            _ when warning.Contains("Flate", StringComparison.Ordinal) => "the end of that stream is lost",
            _ when warning.StartsWith("page tree", StringComparison.Ordinal) => "pages may be missing",
            _ when warning.Contains("cross-reference", StringComparison.Ordinal) || warning.StartsWith("object", StringComparison.Ordinal) => "the file's structure was rebuilt; objects past the damage may be missing",
            _ when warning.StartsWith("word grouping", StringComparison.Ordinal) => "letters are kept as drawn",
            _ => "text there may be lost",
        };
        return (DiagnosticCodes.Damaged, loss);
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    private sealed class Group(string example)
    {
        public string Example { get; } = example;

        public int Count { get; set; }

        public SortedSet<int> Pages { get; } = [];

        public HashSet<string> Distinct { get; } = new(StringComparer.Ordinal);
    }
}
