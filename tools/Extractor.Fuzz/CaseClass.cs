namespace Extractor.Fuzz;

/// <summary>What became of one case.</summary>
public enum CaseClass
{
    /// <summary>Forms came out and nothing was reported.</summary>
    OkWithForms,

    /// <summary>Forms came out, with diagnostics.</summary>
    OkWithDiagnostics,

    /// <summary>No forms, and an error diagnostic says why.</summary>
    ErrorWithReason,

    /// <summary>An exception escaped the conversion, or an unexpected one was caught inside it, or the JSON could not be written.</summary>
    Crash,

    /// <summary>The conversion did not return within its time limit plus the margin.</summary>
    Hang,

    /// <summary>No forms and no error, or an error that does not say why (or names another file).</summary>
    SilentFailure,

    /// <summary>Memory went over the bound (or ran out).</summary>
    Memory,

    /// <summary>A crafted case did not report the diagnostic it must.</summary>
    Mismatch,
}
