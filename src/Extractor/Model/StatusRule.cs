using System.Collections.Immutable;

namespace Extractor.Model;

/// <summary>
/// The one rule for <see cref="Document.Status"/>: <c>failed</c> when no form was read; <c>review</c> when a
/// form was read but a diagnostic of severity warning or error, or a check of severity error, says something
/// was lost or is doubtful; <c>ok</c> otherwise. The reasons count those diagnostics' and checks' codes.
/// </summary>
internal static class StatusRule
{
    /// <summary>The status of a document with these forms and diagnostics.</summary>
    public static string Of(ImmutableArray<Form> forms, ImmutableArray<Diagnostic> diagnostics)
    {
        if (forms.IsDefaultOrEmpty)
        {
            return DocumentStatus.Failed;
        }

        return Reasons(forms, diagnostics).IsEmpty ? DocumentStatus.Ok : DocumentStatus.Review;
    }

    /// <summary>Codes of the diagnostics (warning and error) and checks (error) that make the status, with their counts.</summary>
    public static ImmutableSortedDictionary<string, int> Reasons(ImmutableArray<Form> forms, ImmutableArray<Diagnostic> diagnostics)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        if (!diagnostics.IsDefault)
        {
            foreach (var diagnostic in diagnostics)
            {
                // Info diagnostics (an OCR repair) say what was done, not what is doubtful.
                if (diagnostic.Severity >= Severity.Warning)
                {
                    counts[diagnostic.Code] = counts.GetValueOrDefault(diagnostic.Code) + 1;
                }
            }
        }

        if (!forms.IsDefault)
        {
            foreach (var form in forms)
            {
                if (form.Checks.IsDefault)
                {
                    continue;
                }

                // Warning checks are findings about the form's own arithmetic; an error check means a sum that
                // does not hold, which is as often a misread number as a misprinted one.
                foreach (var check in form.Checks.Where(c => c.Severity == Severity.Error))
                {
                    counts[check.Code] = counts.GetValueOrDefault(check.Code) + 1;
                }
            }
        }

        return counts.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }
}
