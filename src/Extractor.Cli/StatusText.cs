using System.Globalization;
using Extractor.Model;
using Serilog;

namespace Extractor.Cli;

/// <summary>How a document's status and what made it are said on stderr, the same in every command.</summary>
public static class StatusText
{
    /// <summary>Codes with counts: <c>damaged 4, form-incomplete 1</c>.</summary>
    public static string Counts(IEnumerable<KeyValuePair<string, int>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return string.Join(", ", counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value}")));
    }

    /// <summary>The status with its reasons: <c>review (damaged 4, form-incomplete 1)</c>, or <c>ok</c>.</summary>
    public static string Of(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var reasons = document.StatusReasons;
        return reasons.IsEmpty ? document.Status : $"{document.Status} ({Counts(reasons)})";
    }

    /// <summary>
    /// Logs what a person must see of a document on stderr: every error and every <c>damaged</c> warning, each
    /// with its message (which names the file). Other warnings are counted in the status line.
    /// </summary>
    public static void LogProblems(ILogger log, string path, Document document)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(document);

        // File-wide problems first (a truncated file explains the rest).
        foreach (var diagnostic in document.Diagnostics.Where(d => d.Severity == Severity.Error || d.Code == DiagnosticCodes.Damaged).OrderBy(d => d.Page is null ? 0 : 1))
        {
            var message = diagnostic.Message.StartsWith(path + ": ", StringComparison.Ordinal) ? diagnostic.Message[(path.Length + 2)..] : diagnostic.Message;
            if (diagnostic.Severity == Severity.Error)
            {
                log.Error("{Path}: {Code}: {Message}", path, diagnostic.Code, message);
            }
            else
            {
                log.Warning("{Path}: {Code}: {Message}", path, diagnostic.Code, message);
            }
        }
    }
}
