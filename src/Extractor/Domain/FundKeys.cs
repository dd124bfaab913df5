namespace Extractor.Domain;

/// <summary>Maps a fund row's printed label to its contract key.</summary>
internal static class FundKeys
{
    /// <summary>The key of a fund row label (total, currentYearAppropriation, carryover, other), or null.</summary>
    public static string? Of(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var name = NameOf(label);
        foreach (var word in Vocabulary.FundLabels)
        {
            if (word.Match.Matches(name, word.Word))
            {
                return word.Key;
            }
        }

        return null;
    }

    /// <summary>True when the label is one of the family's fund-row labels (with or without 其中：).</summary>
    public static bool IsKnownLabel(string label)
    {
        var name = NameOf(label);
        return Vocabulary.FundLabels.Any(f => f.Match == Match.Exact && f.Word == name);
    }

    /// <summary>The label without 其中： before it and a colon after it.</summary>
    public static string NameOf(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var name = label;
        foreach (var prefix in Vocabulary.FundLabelPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                name = name[prefix.Length..];
                break;
            }
        }

        return name.TrimEnd('：', ':');
    }
}
