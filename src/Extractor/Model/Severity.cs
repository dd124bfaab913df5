namespace Extractor.Model;

/// <summary>How serious a check or diagnostic is. Serialized in lower case.</summary>
public enum Severity
{
    /// <summary>Worth knowing; nothing is wrong with the extraction.</summary>
    Info,

    /// <summary>The document is probably wrong or incomplete in a way a reviewer should see.</summary>
    Warning,

    /// <summary>The arithmetic does not hold, or the input could not be converted.</summary>
    Error,
}
