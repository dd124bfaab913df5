namespace Extractor.Model;

/// <summary>The 总分 row as printed.</summary>
/// <param name="Weight">总分 分值; null where blank.</param>
/// <param name="Score">总分 得分; null where blank.</param>
public sealed record Total(decimal? Weight, decimal? Score);
