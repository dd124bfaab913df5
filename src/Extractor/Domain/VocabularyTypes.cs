namespace Extractor.Domain;

/// <summary>A block of the form whose header row names columns.</summary>
internal enum Block
{
    /// <summary>项目资金: budget, execution, score.</summary>
    Funds,

    /// <summary>年度总体目标: expected and actual.</summary>
    Goals,

    /// <summary>The indicator table.</summary>
    Indicators,
}

/// <summary>How a vocabulary word matches a text.</summary>
internal enum Match
{
    /// <summary>The text is the word.</summary>
    Exact,

    /// <summary>The text starts with the word.</summary>
    Prefix,

    /// <summary>The text ends with the word.</summary>
    Suffix,

    /// <summary>The text contains the word.</summary>
    Contains,
}

/// <summary>The contract field a head row's value fills.</summary>
internal enum HeadField
{
    /// <summary>项目名称.</summary>
    ProjectName,

    /// <summary>主管部门.</summary>
    SupervisingDepartment,

    /// <summary>实施单位.</summary>
    ImplementingUnit,
}

/// <summary>A header word of a block and the column it names.</summary>
/// <param name="Block">The block whose header prints it.</param>
/// <param name="Word">The word as printed.</param>
/// <param name="Role">The column it names.</param>
/// <param name="Match">How it matches a header cell.</param>
internal sealed record HeaderWord(Block Block, string Word, ColumnRole Role, Match Match = Match.Exact);

/// <summary>A head row label and the field its value fills.</summary>
/// <param name="Word">The label as printed.</param>
/// <param name="Field">The contract field, or null for a row the contract keeps no value of.</param>
internal sealed record HeadLabel(string Word, HeadField? Field);

/// <summary>A fund row label and its contract key.</summary>
/// <param name="Word">The label as printed (without 其中：).</param>
/// <param name="Key">The contract key, or null.</param>
/// <param name="Match">How it matches a label.</param>
internal sealed record FundLabel(string Word, string? Key, Match Match = Match.Exact);

/// <summary>Matching a vocabulary word against a text.</summary>
internal static class MatchExtensions
{
    /// <summary>The longest text a word matches inside: headers and labels are short, sentences are not.</summary>
    public const int MaxLabelLength = 20;

    /// <summary>
    /// True when <paramref name="text"/> matches <paramref name="word"/> the way <paramref name="match"/> says.
    /// A word matches inside a text only when the text reads as a label (short, no sentence punctuation), so
    /// that a goal such as 本项目共申请预算资金90万元。 is not taken for a 预算 header.
    /// </summary>
    public static bool Matches(this Match match, string text, string word) => match switch
    {
        Match.Exact => text == word,
        _ when text.Length > MaxLabelLength || text.AsSpan().IndexOfAny("。；;，,") >= 0 => false,
        Match.Prefix => text.StartsWith(word, StringComparison.Ordinal),
        Match.Suffix => text.EndsWith(word, StringComparison.Ordinal),
        _ => text.Contains(word, StringComparison.Ordinal),
    };
}
