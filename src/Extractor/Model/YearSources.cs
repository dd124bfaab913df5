namespace Extractor.Model;

/// <summary>Values of <see cref="Form.YearSource"/>: where a form's year came from.</summary>
public static class YearSources
{
    /// <summary>The title line: <c>2022年度项目支出绩效自评表</c>, <c>项目支出绩效自评表(2023年度)</c>.</summary>
    public const string Title = "title";

    /// <summary>A line of its own near the title: <c>（2023年度）</c>.</summary>
    public const string YearLine = "yearLine";

    /// <summary>The year the caller gave for forms that print none (<c>--year</c>).</summary>
    public const string Option = "option";

    /// <summary>The input's path, through the caller's pattern (<c>--year-from-path</c>).</summary>
    public const string Path = "path";
}
