using Extractor.Model;

namespace Extractor.Normalize;

/// <summary>Maps a fund row's printed label to its contract key.</summary>
public static class FundKeys
{
    /// <summary>The key of a fund row label (total, currentYearAppropriation, carryover, other), or null.</summary>
    public static string? Of(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var name = label;
        foreach (var prefix in new[] { "其中：", "其中:", "其中" })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                name = name[prefix.Length..];
                break;
            }
        }

        name = name.TrimEnd('：', ':');
        if (name.Contains("资金总额", StringComparison.Ordinal) || name is "合计" or "总计" or "资金总计")
        {
            return FundRowKeys.Total;
        }

        if (name is "当年财政拨款" or "本年财政拨款" or "财政拨款" or "当年财政资金" or "本年财政资金")
        {
            return FundRowKeys.CurrentYearAppropriation;
        }

        if (name.StartsWith("上年结转", StringComparison.Ordinal))
        {
            return FundRowKeys.Carryover;
        }

        if (name is "其他资金" or "其它资金")
        {
            return FundRowKeys.Other;
        }

        return null;
    }
}
