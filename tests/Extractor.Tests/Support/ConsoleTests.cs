namespace Extractor.Tests.Support;

/// <summary>Tests that redirect <see cref="Console.Out"/> run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleTests
{
    /// <summary>The collection's name.</summary>
    public const string Name = "console";
}
