using System.Collections.Immutable;

namespace Extractor.Grammar;

/// <summary>A form's heading row: the title as printed and the year when the title carries one.</summary>
/// <param name="Title">The heading text.</param>
/// <param name="Year">The year printed inside the title, if any.</param>
internal sealed record TitleRow(string Title, int? Year);

/// <summary>The (2023 年度) row.</summary>
/// <param name="Year">The year.</param>
internal sealed record YearRow(int Year);

/// <summary>A row of label/value pairs: 项目名称 …, 主管部门 … 实施单位 ….</summary>
/// <param name="Pairs">Each label (colon removed) with its value cell, if any.</param>
internal sealed record LabelValueRow(ImmutableArray<LabelValue> Pairs);

/// <summary>One label and its value.</summary>
/// <param name="Label">The label, e.g. 项目名称.</param>
/// <param name="LabelColumn">Column of the label.</param>
/// <param name="Value">The value text, or null when the value cell is blank.</param>
/// <param name="ValueColumn">Column of the value, or -1.</param>
internal sealed record LabelValue(string Label, int LabelColumn, string? Value, int ValueColumn);

/// <summary>The header of the 项目资金 block.</summary>
/// <param name="Unit">元 or 万元 when the block label names it.</param>
/// <param name="HasTitle">True when the row carries the 项目资金 label itself.</param>
/// <param name="TitleColumn">Column of the 项目资金 label, or -1.</param>
/// <param name="Columns">The value columns.</param>
internal sealed record FundsHeaderRow(string? Unit, bool HasTitle, int TitleColumn, ImmutableArray<HeaderColumn> Columns);

/// <summary>The header of the 年度总体目标 block.</summary>
/// <param name="Columns">The 预期目标 and 实际完成情况 columns.</param>
/// <param name="LabelColumn">Column of the 年度总体目标 label, or -1 when the label lands on another row.</param>
internal sealed record GoalsHeaderRow(ImmutableArray<HeaderColumn> Columns, int LabelColumn);

/// <summary>The header of the indicator table.</summary>
/// <param name="Columns">The named columns (一级指标 … 偏差原因分析及改进措施).</param>
/// <param name="Labels">Merged label cells that landed on the header row (绩效指标, or a 一级 name such as 产出指标).</param>
/// <param name="SecondRow">True for the second row of a two-row header (指标性质 / 指标值 / 度量单位).</param>
internal sealed record IndicatorHeaderRow(ImmutableArray<HeaderColumn> Columns, ImmutableArray<Located<string>> Labels, bool SecondRow);

/// <summary>The 总分 row.</summary>
/// <param name="Label">The label as printed (总分, 合计).</param>
/// <param name="LabelColumn">Column of the label.</param>
/// <param name="Values">The numbers after the label, in column order.</param>
/// <param name="Other">Other non-empty cells after the label (not numbers).</param>
internal sealed record TotalRow(string Label, int LabelColumn, ImmutableArray<Located<decimal>> Values, ImmutableArray<Located<string>> Other);
