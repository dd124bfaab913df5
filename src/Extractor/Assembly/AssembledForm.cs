using System.Collections.Immutable;
using Extractor.Model;

namespace Extractor.Assembly;

/// <summary>A form with its rows rebuilt and placed; values still as printed text.</summary>
/// <param name="Title">Heading as printed.</param>
/// <param name="Year">Year from the year row or the title.</param>
/// <param name="ProjectName">项目名称.</param>
/// <param name="SupervisingDepartment">主管部门.</param>
/// <param name="ImplementingUnit">实施单位.</param>
/// <param name="FundsUnit">元 / 万元.</param>
/// <param name="FundRows">Fund rows in order.</param>
/// <param name="GoalExpected">预期目标 text.</param>
/// <param name="GoalActual">实际完成情况 text.</param>
/// <param name="Indicators">Indicator rows in order.</param>
/// <param name="TotalWeight">总分 分值.</param>
/// <param name="TotalScore">总分 得分.</param>
/// <param name="HasTotalRow">True when the form has its 总分 row.</param>
/// <param name="Pages">Pages the form covers.</param>
/// <param name="Diagnostics">Problems found while assembling this form (unplaced text, incomplete form).</param>
internal sealed record AssembledForm(
    string? Title,
    int? Year,
    string? ProjectName,
    string? SupervisingDepartment,
    string? ImplementingUnit,
    string? FundsUnit,
    ImmutableArray<AssembledFundRow> FundRows,
    string? GoalExpected,
    string? GoalActual,
    ImmutableArray<AssembledIndicator> Indicators,
    decimal? TotalWeight,
    decimal? TotalScore,
    bool HasTotalRow,
    ImmutableArray<int> Pages,
    ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Where <see cref="Year"/> came from: <see cref="YearSources.Title"/> or <see cref="YearSources.YearLine"/>.</summary>
    public string? YearSource { get; init; }
}
