using System.Collections.Immutable;

namespace Extractor.Model;

/// <summary>One self-evaluation form (自评表).</summary>
/// <param name="Title">The heading as printed, e.g. 财政项目支出绩效自评表.</param>
/// <param name="Year">The year from (2023 年度); null if absent.</param>
/// <param name="ProjectName">项目名称.</param>
/// <param name="SupervisingDepartment">主管部门.</param>
/// <param name="ImplementingUnit">实施单位.</param>
/// <param name="Funds">The 项目资金 block.</param>
/// <param name="Goals">The 年度总体目标 block.</param>
/// <param name="Indicators">The 绩效指标 rows in table order.</param>
/// <param name="Total">The 总分 row.</param>
/// <param name="Checks">Audit checks on the form's arithmetic and consistency.</param>
/// <param name="Source">Where the form was found.</param>
public sealed record Form(
    string? Title,
    int? Year,
    string? ProjectName,
    string? SupervisingDepartment,
    string? ImplementingUnit,
    Funds Funds,
    Goals Goals,
    ImmutableArray<Indicator> Indicators,
    Total Total,
    ImmutableArray<Check> Checks,
    FormSource Source)
{
    /// <summary>Where <see cref="Year"/> came from (see <see cref="YearSources"/>): <c>title</c>, <c>yearLine</c>, <c>option</c>, <c>path</c>, or null when there is no year.</summary>
    public string? YearSource { get; init; }
}
