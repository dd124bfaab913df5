namespace Extractor.Model;

/// <summary>The 年度总体目标 block.</summary>
/// <param name="Expected">预期目标 text.</param>
/// <param name="Actual">实际完成情况 text.</param>
public sealed record Goals(string? Expected, string? Actual);
