namespace Extractor.Model;

/// <summary>Values of <see cref="FundRow.Key"/>.</summary>
public static class FundRowKeys
{
    /// <summary>年度资金总额.</summary>
    public const string Total = "total";

    /// <summary>当年财政拨款 / 本年财政拨款.</summary>
    public const string CurrentYearAppropriation = "currentYearAppropriation";

    /// <summary>上年结转资金.</summary>
    public const string Carryover = "carryover";

    /// <summary>其他资金.</summary>
    public const string Other = "other";
}
