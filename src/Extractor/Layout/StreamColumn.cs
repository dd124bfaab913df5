using Extractor.Domain;

namespace Extractor.Layout;

/// <summary>One column of a table read without rulings.</summary>
/// <param name="Left">Left edge (display space).</param>
/// <param name="Right">Right edge.</param>
/// <param name="Role">What the header says the column holds.</param>
/// <param name="Spanning">True for label columns whose cells span several rows (一级, 二级, 绩效指标, 项目资金).</param>
internal sealed record StreamColumn(double Left, double Right, ColumnRole Role, bool Spanning);
