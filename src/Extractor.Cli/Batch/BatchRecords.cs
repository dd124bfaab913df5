using System.Security.Cryptography;
using System.Text.Json;
using Extractor.Export;
using Extractor.Model;

namespace Extractor.Cli.Batch;

/// <summary>
/// What OUTDIR remembers of each input, for <c>--resume</c>: its JSON (a converted document), or the record of
/// its failure under <c>OUTDIR/.failed/</c> (the failed document's JSON, at the same relative name). Both carry
/// the content hash they were made from, so a changed file is converted again.
/// </summary>
internal static class BatchRecords
{
    /// <summary>The folder of failure records inside OUTDIR (hidden: readers of OUTDIR's JSON never meet it).</summary>
    public const string FailedFolder = ".failed";

    /// <summary>Failure codes about the output, not the content: a resumed run tries those inputs again.</summary>
    private static readonly HashSet<string> RetriedCodes = new(StringComparer.Ordinal) { FailureCodes.OutputUnwritable };

    /// <summary>Where the failure record of an input goes.</summary>
    public static string FailurePath(string outputFolder, BatchInput input) =>
        Path.Combine(outputFolder, FailedFolder, input.OutputRelativePath);

    /// <summary>Hex SHA-256 of the file, or null when it cannot be read.</summary>
    public static string? TryHash(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The converted document in OUTDIR made from the input's current content, or null.</summary>
    public static Document? CurrentOutput(BatchInput input, string outputPath, string? sha)
    {
        var existing = Read(outputPath, sha);
        return existing is null || existing.Status == DocumentStatus.Failed ? null : existing with { Source = existing.Source with { Path = input.Path } };
    }

    /// <summary>The failure an earlier run recorded for the input's current content, unless it was about the output; or null.</summary>
    public static Document? EarlierFailure(BatchInput input, string failurePath, string? sha)
    {
        var existing = Read(failurePath, sha);
        if (existing is null || existing.Status != DocumentStatus.Failed)
        {
            return null;
        }

        var error = existing.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error);
        return error is null || RetriedCodes.Contains(error.Code) ? null : existing with { Source = existing.Source with { Path = input.Path } };
    }

    /// <summary>Records a failure (best effort: a record that cannot be written only means the input is tried again).</summary>
    public static void WriteFailure(string failurePath, Document document)
    {
        try
        {
            AtomicFile.WriteAllText(failurePath, DocumentJson.Serialize(document) + "\n");
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Deletes a file if it is there.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A stale record that cannot be removed is replaced by the next one all the same.
        }
    }

    private static Document? Read(string path, string? sha)
    {
        if (sha is null || !File.Exists(path))
        {
            return null;
        }

        try
        {
            var existing = DocumentJson.Deserialize(File.ReadAllText(path));
            return existing is null
                || existing.SchemaVersion != Document.CurrentSchemaVersion
                || existing.Source is null
                || existing.Forms.IsDefault
                || existing.Diagnostics.IsDefault
                || !string.Equals(existing.Source.Sha256, sha, StringComparison.Ordinal)
                ? null
                : existing;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException or InvalidOperationException)
        {
            return null; // damaged or foreign: convert again
        }
    }
}
