namespace Extractor.Sources.Office;

/// <summary>
/// Why an Office file could not be read: thrown inside the Office readers and turned into the file's error
/// diagnostic by <see cref="OfficeReader"/>, never seen outside it.
/// </summary>
internal sealed class OfficeFailure : Exception
{
    /// <summary>A failure with a diagnostic code and the reason.</summary>
    public OfficeFailure(string code, string reason)
        : base(reason) => Code = code;

    /// <summary>Required by the analyzers; not used.</summary>
    public OfficeFailure()
        : this(Model.DiagnosticCodes.Unreadable, "the Office file could not be read")
    {
    }

    /// <summary>Required by the analyzers; not used.</summary>
    public OfficeFailure(string message, Exception innerException)
        : base(message, innerException) => Code = Model.DiagnosticCodes.Unreadable;

    /// <summary>The diagnostic code (<c>unreadable</c>, <c>unsupported</c>, <c>encrypted</c>, <c>timeout</c>).</summary>
    public string Code { get; }
}
