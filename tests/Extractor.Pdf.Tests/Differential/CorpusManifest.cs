using Extractor.Pdf.Tests.Support;

namespace Extractor.Pdf.Tests.Differential;

/// <summary>
/// Reads <c>fixtures/pdf-corpus/manifest.tsv</c> (columns file, producer, features, expect, …; file relative to the
/// corpus folder) when it exists.
/// </summary>
public static class CorpusManifest
{
    private static readonly Lazy<Dictionary<string, string[]>> Rows = new(Load);

    private static Dictionary<string, string[]> Load()
    {
        var rows = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var path = Path.Combine(RepoPaths.CorpusDirectory, "manifest.tsv");
        if (!File.Exists(path))
        {
            return rows;
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length == 0)
        {
            return rows;
        }

        var header = lines[0].Split('\t');
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split('\t');
            if (cells.Length == 0 || cells[0].Length == 0)
            {
                continue;
            }

            var full = Path.GetFullPath(Path.Combine(RepoPaths.CorpusDirectory, cells[0]));
            rows[full] = header.Select((_, i) => i < cells.Length ? cells[i] : string.Empty).ToArray();
            rows[full + "\u0001header"] = header;
        }

        return rows;
    }

    private static string? Column(string pdfPath, string column)
    {
        var full = Path.GetFullPath(pdfPath);
        if (!Rows.Value.TryGetValue(full, out var row) || !Rows.Value.TryGetValue(full + "\u0001header", out var header))
        {
            return null;
        }

        int i = Array.IndexOf(header, column);
        return i >= 0 && i < row.Length ? row[i] : null;
    }

    /// <summary>"ok", "encrypted", "error", or null when the file is not in a manifest.</summary>
    public static string? Expectation(string pdfPath) => Column(pdfPath, "expect");

    /// <summary>The producer column, or null.</summary>
    public static string? Producer(string pdfPath) => Column(pdfPath, "producer");
}
