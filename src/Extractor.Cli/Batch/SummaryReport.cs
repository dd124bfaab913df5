using System.Globalization;

namespace Extractor.Cli.Batch;

/// <summary>The end-of-batch summary, as plain text for stderr.</summary>
public static class SummaryReport
{
    /// <summary>Writes the summary.</summary>
    public static void Write(TextWriter writer, BatchSummary summary)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(summary);
        var c = CultureInfo.InvariantCulture;
        var seconds = summary.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? summary.Done / seconds : 0;
        writer.WriteLine(string.Create(c, $"Batch {(summary.Interrupted ? "interrupted" : "finished")} in {seconds:F1} s: {summary.Done} files ({rate:F1} files/s)"));
        writer.WriteLine(string.Create(c, $"  converted     {summary.Converted}"));
        writer.WriteLine(string.Create(c, $"  up to date    {summary.UpToDate}"));
        var before = summary.FailedBefore > 0 ? string.Create(c, $" ({summary.FailedBefore} as before, not tried again)") : string.Empty;
        writer.WriteLine(string.Create(c, $"  failed        {summary.Failed}{before}"));
        var skipped = summary.Skipped > 0 ? $": {StatusText.Counts(summary.SkippedByType)}" : string.Empty;
        writer.WriteLine(string.Create(c, $"  skipped       {summary.Skipped}{skipped}"));
        writer.WriteLine(string.Create(c, $"  status        ok {summary.Ok}, review {summary.Review}, failed {summary.Failed}"));
        writer.WriteLine(string.Create(c, $"  pages         {summary.Pages}"));
        writer.WriteLine(string.Create(c, $"  forms         {summary.Forms}"));
        writer.WriteLine(string.Create(c, $"  indicators    {summary.Indicators}"));
        writer.WriteLine(string.Create(c, $"  checks        error {summary.ChecksError}, warning {summary.ChecksWarning}, info {summary.ChecksInfo}"));
        var diagnostics = summary.DiagnosticsByCode;
        writer.WriteLine("  diagnostics   " + (diagnostics.Count > 0 ? StatusText.Counts(diagnostics) : "none"));
        if (summary.Review > 0)
        {
            writer.WriteLine("  review:");
            foreach (var (path, why) in summary.ListedReviews)
            {
                writer.WriteLine($"    {path}: {why}");
            }

            var unlisted = summary.Review - summary.ListedReviews.Count;
            if (unlisted > 0)
            {
                writer.WriteLine(string.Create(c, $"    … and {unlisted} more (documents whose status is review: the JSONL, the SQLite documents table or the log)"));
            }
        }

        if (summary.Failed > 0)
        {
            writer.WriteLine("  failures by code: " + StatusText.Counts(summary.FailuresByCode));
            writer.WriteLine("  failures:");
            foreach (var failure in summary.ListedFailures)
            {
                writer.WriteLine($"    {failure.Path}: {failure.Code}: {failure.Reason}");
            }

            var unlisted = summary.Failed - summary.ListedFailures.Count;
            if (unlisted > 0)
            {
                writer.WriteLine(string.Create(c, $"    … and {unlisted} more (see the JSONL, the SQLite failures table or the log)"));
            }
        }

        writer.Flush();
    }
}
