namespace Extractor.Cli;

/// <summary>Entry point of the <c>extractor</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line.</summary>
    public static int Main(string[] args) => args.Length == 0 ? 2 : 0;
}
