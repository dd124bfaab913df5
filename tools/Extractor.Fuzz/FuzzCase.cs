namespace Extractor.Fuzz;

/// <summary>One input for the converter.</summary>
/// <param name="Id">How to replay it: the seed number of a mutated case, or <c>crafted/NAME</c>.</param>
/// <param name="FileName">The name the converter sees (it names the file in its errors).</param>
/// <param name="Bytes">The input.</param>
/// <param name="Description">What was done to which seed file, or what the crafted case is.</param>
/// <param name="Expected">For crafted cases: the diagnostics the conversion must report (all of them).</param>
public sealed record FuzzCase(string Id, string FileName, byte[] Bytes, string Description, IReadOnlyList<ExpectedOutcome>? Expected = null)
{
    /// <summary>True for a crafted case.</summary>
    public bool IsCrafted => Expected is not null;
}
