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
