namespace Extractor.Fuzz;

/// <summary>A hand-made hostile input: how to build it and what the conversion must say about it.</summary>
/// <param name="Name">Short name; the case id is <c>crafted/NAME</c>.</param>
/// <param name="Description">What is hostile about it.</param>
/// <param name="Extension">".pdf" or ".txt".</param>
/// <param name="Build">Makes the bytes (some cases are large, so they are built on demand).</param>
/// <param name="Expected">The diagnostics the conversion must report: the problem named, and for survivable problems the text still read.</param>
public sealed record CraftedCase(string Name, string Description, string Extension, Func<byte[]> Build, IReadOnlyList<ExpectedOutcome> Expected)
{
    /// <summary>The case, built.</summary>
    public FuzzCase ToCase() => new("crafted/" + Name, Name + Extension, Build(), Description, Expected);
}
