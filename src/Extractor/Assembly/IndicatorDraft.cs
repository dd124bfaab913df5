using System.Collections.Immutable;
using Extractor.Domain;
using Extractor.Grammar;
using Extractor.Layout;
using Extractor.Model;
using Extractor.Text;
using Sprache;

using static Extractor.Assembly.Placement;

namespace Extractor.Assembly;

/// <summary>An indicator row being built from one or more pieces.</summary>
internal sealed class IndicatorDraft(string? level1, string? level2)
{
    public string? Level1 { get; set; } = level1;

    public string? Level2 { get; set; } = level2;

    public string? Name { get; private set; }

    public Dictionary<ColumnRole, string> Values { get; } = [];

    public Provenance Source { get; set; } = Provenance.None;

    public RowLine? FirstLine { get; set; }

    public void AddName(string text) => Name = Join(Name, text);

    public void AddValue(ColumnRole role, string text) => Values[role] = Join(Values.GetValueOrDefault(role), text)!;

    /// <summary>Cells of extra columns by header.</summary>
    public Dictionary<string, string> Extra { get; } = new(StringComparer.Ordinal);

    public void AddExtra(string header, string text) => Extra[header] = Join(Extra.GetValueOrDefault(header), text)!;

    /// <summary>Takes in the text and sources of another piece of the same row.</summary>
    public void Absorb(IndicatorDraft piece)
    {
        Name = Join(Name, piece.Name);
        foreach (var (role, text) in piece.Values)
        {
            AddValue(role, text);
        }

        foreach (var (header, text) in piece.Extra)
        {
            AddExtra(header, text);
        }

        Source = Source.Merge(piece.Source);
    }

    public AssembledIndicator Build() =>
        new(Level1, Level2, Name ?? string.Empty, Values.ToImmutableDictionary(), Source) { Extra = Extra.ToImmutableSortedDictionary(StringComparer.Ordinal) };
}
