namespace Extractor.Model;

/// <summary>Values of <see cref="Document.Status"/>.</summary>
public static class DocumentStatus
{
    /// <summary>Converted; nothing lost or doubtful.</summary>
    public const string Ok = "ok";

    /// <summary>Converted, but something was lost or is doubtful: a person should look at it.</summary>
    public const string Review = "review";

    /// <summary>No form could be read.</summary>
    public const string Failed = "failed";
}
