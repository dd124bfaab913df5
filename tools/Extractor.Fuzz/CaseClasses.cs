namespace Extractor.Fuzz;

/// <summary>Names and grouping of <see cref="CaseClass"/> values.</summary>
public static class CaseClasses
{
    /// <summary>The name used in reports (<c>ok-with-forms</c>, <c>crash</c>…).</summary>
    public static string Name(this CaseClass value) => value switch
    {
        CaseClass.OkWithForms => "ok-with-forms",
        CaseClass.OkWithDiagnostics => "ok-with-diagnostics",
        CaseClass.ErrorWithReason => "error-with-reason",
        CaseClass.Crash => "crash",
        CaseClass.Hang => "hang",
        CaseClass.SilentFailure => "silent-failure",
        CaseClass.Memory => "memory",
        _ => "mismatch",
    };

    /// <summary>True for the classes that are bugs.</summary>
    public static bool IsFailure(this CaseClass value) => value >= CaseClass.Crash;
}
