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
        writer.WriteLine(string.Create(c, $"  failed        {summary.Failed}"));
        writer.WriteLine(string.Create(c, $"  pages         {summary.Pages}"));
        writer.WriteLine(string.Create(c, $"  forms         {summary.Forms}"));
        writer.WriteLine(string.Create(c, $"  indicators    {summary.Indicators}"));
        writer.WriteLine(string.Create(c, $"  checks        error {summary.ChecksError}, warning {summary.ChecksWarning}, info {summary.ChecksInfo}"));
        if (summary.Failed > 0)
        {
            var codes = summary.FailuresByCode.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal);
            writer.WriteLine("  failures by code: " + string.Join(", ", codes.Select(p => string.Create(c, $"{p.Key} {p.Value}"))));
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
