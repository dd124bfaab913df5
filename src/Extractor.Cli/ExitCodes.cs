namespace Extractor.Cli;

/// <summary>Process exit codes (stable; scripts depend on them).</summary>
public static class ExitCodes
{
    /// <summary>Every input converted.</summary>
    public const int Success = 0;

    /// <summary>Some input could not be converted; its record says why.</summary>
    public const int ConversionFailed = 1;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;

    /// <summary>A batch was stopped by SIGINT or SIGTERM; what finished is kept (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
